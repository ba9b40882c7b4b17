package io.shipready.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Every upload attempt the records keep, counted by outcome, and when a file last reached a server.
 *
 * @param attempts attempts by outcome ({@link UploadReceipts#SENT}, {@link UploadReceipts#REFUSED},
 *     {@link UploadReceipts#FAILED})
 * @param lastSent the newest {@link UploadReceipts#SENT} receipt, empty when nothing was sent yet
 */
public record UploadTally(Map<String, Long> attempts, Optional<Instant> lastSent) {
  public UploadTally {
    attempts = Map.copyOf(requireNonNull(attempts, "attempts"));
    requireNonNull(lastSent, "lastSent");
  }

  /** The attempts with this outcome, 0 when none. */
  public long attempts(String outcome) {
    return attempts.getOrDefault(outcome, 0L);
  }
}
