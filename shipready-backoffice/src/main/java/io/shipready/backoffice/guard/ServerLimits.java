package io.shipready.backoffice.guard;

import static java.util.Objects.requireNonNull;

import io.shipready.backoffice.BackofficeException;
import java.time.Duration;
import java.util.Properties;

/**
 * Every limit the HTTP servers (back office API, station page) and the logins (API tokens, engineer
 * PIN, SFTP passwords) keep, with its default. Each one is changed with a Java system property of
 * the same name, e.g. {@code SHIPREADY_JAVA_OPTS=-Dshipready.http.max-body-bytes=4194304
 * bin/shipready backoffice serve}; docs/limits.md lists them.
 *
 * @param idleTimeout a connection with nothing received or sent for this long is closed
 * @param bodyTimeout a request's whole body must arrive within this long of the first read, or the
 *     connection is cut (slow clients do not keep a worker)
 * @param maxBody the largest body of a request that is not a file upload (JSON, form, other), bytes
 * @param maxUpload the largest multipart (file upload) request, bytes
 * @param bodyReaders requests that may be receiving their body at once, over all clients
 * @param bodyReadersPerSource requests one client address may have receiving their body at once
 * @param badTokens refused API tokens from one address before it gets 429 for {@code tokenLockout}
 * @param tokenLockout how long an address that sent too many bad tokens is refused
 * @param pinFailures wrong engineer PINs, per user name and per address, before the lockout
 * @param pinLockout how long engineer actions stay locked after too many wrong PINs
 * @param sftpFailures wrong SFTP logins, per account and per address, before the lockout
 * @param sftpLockout how long an SFTP account or address stays locked out
 * @param sftpFailureDelay how long a refused SFTP login waits before its answer
 */
public record ServerLimits(
    Duration idleTimeout,
    Duration bodyTimeout,
    long maxBody,
    long maxUpload,
    int bodyReaders,
    int bodyReadersPerSource,
    int badTokens,
    Duration tokenLockout,
    int pinFailures,
    Duration pinLockout,
    int sftpFailures,
    Duration sftpLockout,
    Duration sftpFailureDelay) {
  public static final String IDLE_TIMEOUT = "shipready.http.idle-timeout-seconds";
  public static final String BODY_TIMEOUT = "shipready.http.body-timeout-seconds";
  public static final String MAX_BODY = "shipready.http.max-body-bytes";
  public static final String MAX_UPLOAD = "shipready.http.max-upload-bytes";
  public static final String BODY_READERS = "shipready.http.body-readers";
  public static final String BODY_READERS_PER_SOURCE = "shipready.http.body-readers-per-source";
  public static final String BAD_TOKENS = "shipready.http.bad-tokens";
  public static final String TOKEN_LOCKOUT = "shipready.http.bad-token-lockout-seconds";
  public static final String PIN_FAILURES = "shipready.station.pin-failures";
  public static final String PIN_LOCKOUT = "shipready.station.pin-lockout-seconds";
  public static final String SFTP_FAILURES = "shipready.sftp.login-failures";
  public static final String SFTP_LOCKOUT = "shipready.sftp.lockout-seconds";
  public static final String SFTP_FAILURE_DELAY = "shipready.sftp.failure-delay-millis";

  public ServerLimits {
    requireNonNull(idleTimeout, "idleTimeout");
    requireNonNull(bodyTimeout, "bodyTimeout");
    requireNonNull(tokenLockout, "tokenLockout");
    requireNonNull(pinLockout, "pinLockout");
    requireNonNull(sftpLockout, "sftpLockout");
    requireNonNull(sftpFailureDelay, "sftpFailureDelay");
  }

  /** The defaults, whatever the system properties say. */
  public static ServerLimits defaults() {
    return from(new Properties());
  }

  /** The defaults, changed by the JVM's system properties. */
  public static ServerLimits fromSystemProperties() {
    return from(System.getProperties());
  }

  /** The defaults, changed by the properties given; a bad value names its property. */
  public static ServerLimits from(Properties properties) {
    Reader read = new Reader(properties);
    return new ServerLimits(
        Duration.ofSeconds(read.positive(IDLE_TIMEOUT, 30)),
        Duration.ofSeconds(read.positive(BODY_TIMEOUT, 30)),
        read.positive(MAX_BODY, 1L << 20),
        read.positive(MAX_UPLOAD, 16L << 20),
        (int) read.positive(BODY_READERS, 64),
        (int) read.positive(BODY_READERS_PER_SOURCE, 8),
        (int) read.positive(BAD_TOKENS, 30),
        Duration.ofSeconds(read.positive(TOKEN_LOCKOUT, 60)),
        (int) read.positive(PIN_FAILURES, 5),
        Duration.ofSeconds(read.positive(PIN_LOCKOUT, 60)),
        (int) read.positive(SFTP_FAILURES, 10),
        Duration.ofSeconds(read.positive(SFTP_LOCKOUT, 300)),
        Duration.ofMillis(read.atLeastZero(SFTP_FAILURE_DELAY, 1000)));
  }

  /** The login counts for API tokens (per address only: a token names nobody). */
  public LoginAttempts tokenAttempts() {
    return new LoginAttempts("API token", badTokens, tokenLockout, System::nanoTime);
  }

  public LoginAttempts pinAttempts() {
    return new LoginAttempts("engineer PIN", pinFailures, pinLockout, System::nanoTime);
  }

  public LoginAttempts sftpAttempts() {
    return new LoginAttempts("SFTP login", sftpFailures, sftpLockout, System::nanoTime);
  }

  private record Reader(Properties properties) {
    long positive(String key, long fallback) {
      long value = number(key, fallback);
      if (value < 1) {
        throw bad(key, properties.getProperty(key), "a whole number of at least 1");
      }
      return value;
    }

    long atLeastZero(String key, long fallback) {
      long value = number(key, fallback);
      if (value < 0) {
        throw bad(key, properties.getProperty(key), "a whole number of at least 0");
      }
      return value;
    }

    private long number(String key, long fallback) {
      String text = properties.getProperty(key);
      if (text == null || text.isBlank()) {
        return fallback;
      }
      try {
        return Long.parseLong(text.strip());
      } catch (NumberFormatException notANumber) {
        throw bad(key, text, "a whole number");
      }
    }

    private static BackofficeException bad(String key, String text, String wanted) {
      return new BackofficeException(
          "the system property "
              + key
              + "="
              + text
              + " is not "
              + wanted
              + "; fix or remove it (docs/limits.md lists the defaults)");
    }
  }
}
