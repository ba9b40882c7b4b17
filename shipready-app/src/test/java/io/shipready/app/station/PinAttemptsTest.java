package io.shipready.app.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PinAttemptsTest {
  private final AtomicLong now = new AtomicLong();
  private final PinAttempts attempts = new PinAttempts(now::get);

  @Test
  void fiveWrongPinsInARowLockEngineerActionsForAMinute() {
    for (int i = 0; i < PinAttempts.ALLOWED - 1; i++) {
      attempts.wrong();
    }
    assertThat(attempts.lockedForSeconds()).isZero();

    attempts.wrong();
    assertThat(attempts.lockedForSeconds()).isEqualTo(60);

    now.addAndGet(PinAttempts.LOCKOUT.toNanos() - 1_000_000_000L);
    assertThat(attempts.lockedForSeconds()).isEqualTo(1);
    now.addAndGet(1_000_000_000L);
    assertThat(attempts.lockedForSeconds()).isZero();
    attempts.wrong();
    assertThat(attempts.lockedForSeconds()).as("the count starts again").isZero();
  }

  @Test
  void aRightPinStartsTheCountAgain() {
    for (int i = 0; i < PinAttempts.ALLOWED - 1; i++) {
      attempts.wrong();
    }
    attempts.right();
    attempts.wrong();
    assertThat(attempts.lockedForSeconds()).isZero();
  }
}
