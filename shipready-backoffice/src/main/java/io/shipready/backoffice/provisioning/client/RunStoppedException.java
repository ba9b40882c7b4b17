package io.shipready.backoffice.provisioning.client;

/**
 * The API refused the token itself (401, or 403 for the whole product): every further request would
 * be refused too, so the run stops and reports the units it did not reach.
 */
public final class RunStoppedException extends ApiCallException {
  public RunStoppedException(int status, String message) {
    super(status, message);
  }
}
