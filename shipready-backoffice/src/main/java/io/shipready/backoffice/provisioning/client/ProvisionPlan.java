package io.shipready.backoffice.provisioning.client;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * What to do to each unit whose row does not say otherwise: a row's product, group, name, claim and
 * activate_sim win over these.
 *
 * @param api the API's base URL ({@code https://api.particle.io} or our back office)
 * @param product the product id or slug, or null when every row names its own
 * @param group the group a unit joins (created once if missing), or null for none
 * @param claim claim each device to the product's account
 * @param nameFromSerial rename each device to its serial number
 * @param activateSims import and activate each unit's SIM (its ICCID)
 * @param concurrency requests in flight at most, fixed; or {@link #FOUND} to find it from the quota
 *     headers and the latency ({@link Pacer})
 * @param maxAttempts tries per request on network errors and 5xx answers (429s do not count)
 */
public record ProvisionPlan(
    URI api,
    String product,
    String group,
    boolean claim,
    boolean nameFromSerial,
    boolean activateSims,
    int concurrency,
    int maxAttempts) {
  /** {@code concurrency} for an in-flight limit found as the run goes. */
  public static final int FOUND = 0;

  public ProvisionPlan {
    requireNonNull(api, "api");
    if (concurrency < 0) {
      throw new ProvisionInputException(
          "--concurrency must be at least 1 (or left out to find it), not " + concurrency);
    }
    if (maxAttempts < 1) {
      throw new ProvisionInputException("--attempts must be at least 1, not " + maxAttempts);
    }
  }

  /** Whether the in-flight limit is found from the answers rather than fixed. */
  public boolean concurrencyFound() {
    return concurrency == FOUND;
  }

  /** The most requests that can ever be in flight at once. */
  public int maxInFlight() {
    return concurrencyFound() ? InFlightLimit.CAP : concurrency;
  }

  /** Requests per unit whose row leaves everything to the plan, not counting retries. */
  public int callsPerUnit() {
    return 1
        + (activateSims ? 1 : 0)
        + (group != null ? 1 : 0)
        + (nameFromSerial ? 1 : 0)
        + (claim ? 1 : 0);
  }
}
