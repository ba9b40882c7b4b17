package io.shipready.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.backoffice.guard.ServerLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.sshd.sftp.client.SftpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guessing SFTP passwords over real SSH: slowed down, then locked out. */
class SftpLoginLockoutTest {
  private static final Duration DELAY = Duration.ofMillis(300);
  @TempDir Path folder;
  private TestBackoffice backoffice;

  @BeforeEach
  void start() {
    // As a user would: the limits come from system properties (the default allowance, 10).
    System.setProperty(ServerLimits.SFTP_FAILURE_DELAY, Long.toString(DELAY.toMillis()));
    backoffice = TestBackoffice.start(folder, Duration.ofHours(1), "acme", "globex");
  }

  @AfterEach
  void stop() throws IOException {
    backoffice.close();
    System.clearProperty(ServerLimits.SFTP_FAILURE_DELAY);
  }

  @Test
  void tenWrongPasswordsLockTheAccountAndTheAddressEvenForTheRightPassword() throws Exception {
    for (int i = 0; i < 10; i++) {
      long started = System.nanoTime();
      String guess = "guess " + i;
      assertThatThrownBy(() -> backoffice.sftp("acme", guess))
          .hasMessageContaining("No more authentication methods available");
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .as("a refusal is answered after the delay")
          .isGreaterThanOrEqualTo(DELAY);
    }
    assertThatThrownBy(() -> backoffice.sftp("acme", TestBackoffice.PASSWORD))
        .as("the account is locked out")
        .hasMessageContaining("No more authentication methods available");
    assertThatThrownBy(() -> backoffice.sftp("globex", TestBackoffice.PASSWORD))
        .as("so is the address the guesses came from")
        .hasMessageContaining("No more authentication methods available");
  }

  @Test
  void aFewWrongPasswordsDoNotLockAFactoryOut() throws Exception {
    for (int i = 0; i < 3; i++) {
      String guess = "typo " + i;
      assertThatThrownBy(() -> backoffice.sftp("acme", guess))
          .hasMessageContaining("No more authentication methods available");
    }
    try (SftpClient sftp = backoffice.sftp("acme", TestBackoffice.PASSWORD)) {
      assertThat(sftp.isOpen()).isTrue();
    }
  }
}
