package io.shipready.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One cloud provisioning operation done for a unit, as {@code shipready provision --db} recorded it
 * when it completed.
 *
 * @param at when it completed
 * @param operation {@code import}, {@code sim_activate}, {@code group_add}, {@code rename} or
 *     {@code claim}
 * @param runId the run that queued the unit (else its latest run); null when it has none
 * @param product the cloud product
 * @param target what the operation names: the device id, the ICCID, the group, the new name; never
 *     a secret
 * @param result {@code DONE}, {@code FAILED} or {@code NOT_ATTEMPTED} (the provisioning run stopped
 *     before it)
 * @param httpStatus the status of the API's answer; 0 when there was none
 * @param message why it failed, or empty
 * @param api the API's base URL
 * @param queueFile the queue file (its name) the unit's row came from
 * @param queueLine the row's line in that file
 */
public record ProvisioningOperation(
    Instant at,
    String operation,
    String runId,
    String product,
    String target,
    String result,
    int httpStatus,
    String message,
    String api,
    String queueFile,
    int queueLine) {
  public static final String DONE = "DONE";
  public static final String FAILED = "FAILED";
  public static final String NOT_ATTEMPTED = "NOT_ATTEMPTED";

  public ProvisioningOperation {
    requireNonNull(at, "at");
    requireNonNull(operation, "operation");
    requireNonNull(product, "product");
    target = target == null ? "" : target;
    requireNonNull(result, "result");
    message = message == null ? "" : message;
    api = api == null ? "" : api;
    queueFile = queueFile == null ? "" : queueFile;
  }
}
