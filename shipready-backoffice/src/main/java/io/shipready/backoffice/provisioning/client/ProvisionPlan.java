package io.shipready.backoffice.provisioning.client;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * What to do to each unit.
 *
 * @param api the API's base URL ({@code https://api.particle.io} or our back office)
 * @param product the product id or slug
 * @param group the group every unit joins (created once if missing), or null for none
 * @param claim claim each device to the product's account
 * @param nameFromSerial rename each device to its serial number
 * @param activateSims import and activate each unit's SIM (its ICCID)
 * @param concurrency requests in flight at most
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
  public ProvisionPlan {
    requireNonNull(api, "api");
    requireNonNull(product, "product");
    if (concurrency < 1) {
      throw new ProvisionInputException("--concurrency must be at least 1, not " + concurrency);
    }
    if (maxAttempts < 1) {
      throw new ProvisionInputException("--attempts must be at least 1, not " + maxAttempts);
    }
  }

  /** Requests per unit, not counting retries. */
  public int callsPerUnit() {
    return 1
        + (activateSims ? 1 : 0)
        + (group != null ? 1 : 0)
        + (nameFromSerial ? 1 : 0)
        + (claim ? 1 : 0);
  }
}
