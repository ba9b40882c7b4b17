package io.shipready.output.upload;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Everything the end-of-day upload needs to know, with every default in one place.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>target</td><td>required</td><td>{@code sftp://user@host[:port]/folder}</td></tr>
 *   <tr><td>credentials</td><td>required</td><td>see {@link UploadEnvironment}</td></tr>
 *   <tr><td>archiveFolder</td><td>required</td><td>where a copy of every file sent is
 *       kept</td></tr>
 *   <tr><td>hostKeys</td><td>the station's known_hosts file ({@link
 *       UploadEnvironment#knownHostsFile}), refusing a server not in it</td><td>which server keys are trusted</td></tr>
 *   <tr><td>attempts</td><td>{@value #DEFAULT_ATTEMPTS}</td><td>tries per file (and per
 *       connection) when the connection fails</td></tr>
 *   <tr><td>firstBackoff</td><td>1 s</td><td>wait before the second try; doubled for each further
 *       try, plus up to 50% random jitter so stations do not retry in step</td></tr>
 *   <tr><td>maxBackoff</td><td>30 s</td><td>the longest wait between tries</td></tr>
 *   <tr><td>connectTimeout</td><td>15 s</td><td>to connect, agree keys and log in</td></tr>
 *   <tr><td>clock</td><td>system UTC</td><td>stamps receipts</td></tr>
 * </table>
 */
public final class UploadSettings {
  public static final int DEFAULT_ATTEMPTS = 4;
  public static final Duration DEFAULT_FIRST_BACKOFF = Duration.ofSeconds(1);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);

  private final UploadTarget target;
  private final SftpCredentials credentials;
  private final Path archiveFolder;
  private final HostKeyPolicy hostKeys;
  private final int attempts;
  private final Duration firstBackoff;
  private final Duration maxBackoff;
  private final Duration connectTimeout;
  private final Clock clock;

  private UploadSettings(Builder b) {
    this.target = b.target;
    this.credentials = b.credentials;
    this.archiveFolder = b.archiveFolder;
    this.hostKeys =
        b.hostKeys != null ? b.hostKeys : UploadEnvironment.hostKeyPolicy(System.getenv(), false);
    this.attempts = b.attempts;
    this.firstBackoff = b.firstBackoff;
    this.maxBackoff = b.maxBackoff;
    this.connectTimeout = b.connectTimeout;
    this.clock = b.clock;
  }

  public static Builder builder(
      UploadTarget target, SftpCredentials credentials, Path archiveFolder) {
    return new Builder(target, credentials, archiveFolder);
  }

  public UploadTarget target() {
    return target;
  }

  public SftpCredentials credentials() {
    return credentials;
  }

  public Path archiveFolder() {
    return archiveFolder;
  }

  public HostKeyPolicy hostKeys() {
    return hostKeys;
  }

  public int attempts() {
    return attempts;
  }

  public Duration firstBackoff() {
    return firstBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "UploadSettings[target="
        + target
        + ", credentials="
        + credentials
        + ", archiveFolder="
        + archiveFolder
        + ", hostKeys="
        + hostKeys
        + ", attempts="
        + attempts
        + "]";
  }

  /** Builds {@link UploadSettings}; unset values take the defaults in the class comment. */
  public static final class Builder {
    private final UploadTarget target;
    private final SftpCredentials credentials;
    private final Path archiveFolder;
    private HostKeyPolicy hostKeys;
    private int attempts = DEFAULT_ATTEMPTS;
    private Duration firstBackoff = DEFAULT_FIRST_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Clock clock = Clock.systemUTC();

    private Builder(UploadTarget target, SftpCredentials credentials, Path archiveFolder) {
      this.target = requireNonNull(target, "target");
      this.credentials = requireNonNull(credentials, "credentials");
      this.archiveFolder = requireNonNull(archiveFolder, "archiveFolder");
    }

    public Builder hostKeys(HostKeyPolicy hostKeys) {
      this.hostKeys = requireNonNull(hostKeys, "hostKeys");
      return this;
    }

    public Builder attempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
      }
      this.attempts = attempts;
      return this;
    }

    /** The wait before the second try, and the cap on any wait. */
    public Builder backoff(Duration first, Duration max) {
      requireNonNull(first, "first");
      requireNonNull(max, "max");
      if (first.isNegative() || max.compareTo(first) < 0) {
        throw new IllegalArgumentException(
            "backoff needs 0 <= first <= max, was first=" + first + ", max=" + max);
      }
      this.firstBackoff = first;
      this.maxBackoff = max;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      requireNonNull(connectTimeout, "connectTimeout");
      if (connectTimeout.isNegative() || connectTimeout.isZero()) {
        throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
      }
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    public UploadSettings build() {
      return new UploadSettings(this);
    }
  }
}
