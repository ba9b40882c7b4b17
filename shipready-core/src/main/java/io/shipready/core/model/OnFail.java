package io.shipready.core.model;

/** What the run does after a step fails. */
public enum OnFail {
  /** Skip everything that has not started yet, except teardown. The default. */
  STOP,
  /** Record the failure and go on; the run still ends FAIL. */
  CONTINUE
}
