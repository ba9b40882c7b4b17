package io.shipready.backoffice.provisioning.client;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One operation of a unit as it ended: done, failed, or not attempted because the run stopped.
 *
 * @param operation {@code import}, {@code sim_activate}, {@code group_add}, {@code rename} or
 *     {@code claim}
 * @param product the product it was for
 * @param target what it names: the device id, the ICCID, the group, the new name (never a secret)
 * @param httpStatus the status of the API's answer; 0 when there was none
 * @param message why it failed or was not attempted; empty when done
 */
public record CompletedOperation(
    UnitRow unit,
    String operation,
    String product,
    String target,
    Result result,
    int httpStatus,
    String message,
    Instant at) {
  /** How it ended. */
  public enum Result {
    DONE,
    FAILED,
    NOT_ATTEMPTED
  }

  public CompletedOperation {
    requireNonNull(unit, "unit");
    requireNonNull(operation, "operation");
    requireNonNull(product, "product");
    target = target == null ? "" : target;
    requireNonNull(result, "result");
    message = message == null ? "" : message;
    requireNonNull(at, "at");
  }
}
