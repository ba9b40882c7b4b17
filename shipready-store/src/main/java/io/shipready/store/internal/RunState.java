package io.shipready.store.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * What the writer remembers about an open run between batches. A batch works on copies, which
 * replace the originals only when its transaction commits, so a retried batch starts from the state
 * the database is in.
 */
final class RunState {
  final long runKey;
  final long startedMicros;

  /** The unit the run was resolved to, or null until the run is identified. */
  Long unitId;

  /** True while the unit was created by this run and no other run has reached it. */
  boolean unitCreatedHere;

  /** The last number given to a record of this run; orders the run's records. */
  int seq;

  /** The attempt each step is on, for the records a step makes while it runs. */
  final Map<String, Integer> attempts;

  boolean finished;

  RunState(long runKey, long startedMicros) {
    this.runKey = runKey;
    this.startedMicros = startedMicros;
    this.attempts = new HashMap<>();
  }

  private RunState(RunState other) {
    this.runKey = other.runKey;
    this.startedMicros = other.startedMicros;
    this.unitId = other.unitId;
    this.unitCreatedHere = other.unitCreatedHere;
    this.seq = other.seq;
    this.attempts = new HashMap<>(other.attempts);
    this.finished = other.finished;
  }

  RunState copy() {
    return new RunState(this);
  }

  int nextSeq() {
    return ++seq;
  }

  int attemptOf(String stepId) {
    return attempts.getOrDefault(stepId, 0);
  }
}
