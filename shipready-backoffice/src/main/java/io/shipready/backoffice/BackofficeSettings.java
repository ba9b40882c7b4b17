package io.shipready.backoffice;

import static java.util.Objects.requireNonNull;

import io.shipready.backoffice.guard.ServerLimits;
import io.shipready.output.cfx.CfxSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the back office runs.
 *
 * @param host the address both servers listen on ({@code 0.0.0.0} for every interface)
 * @param httpPort the HTTP API's port; 0 for any free port
 * @param sftpPort the SFTP drop's port; 0 for any free port
 * @param databaseUrl a SQLite file path, {@code jdbc:sqlite:...} or {@code jdbc:postgresql://...}
 * @param dataFolder accounts, host key, factory folders and receipts ({@link DataFolder})
 * @param pollInterval how often the factory folders are looked at for new files
 * @param settle how long a file must be unchanged before it is taken
 * @param receiptsToken the bearer token that reads receipts over HTTP, or null to leave them open
 * @param worker this process's name in work claims; unique among processes sharing a database
 * @param cfx where the back office publishes its IPC-CFX messages (the units of each factory file
 *     it took in); null for nowhere
 * @param limits the HTTP API's body limits and timeouts and the logins' lockouts
 */
public record BackofficeSettings(
    String host,
    int httpPort,
    int sftpPort,
    String databaseUrl,
    Path dataFolder,
    Duration pollInterval,
    Duration settle,
    String receiptsToken,
    String worker,
    CfxSettings cfx,
    ServerLimits limits) {
  public static final int DEFAULT_HTTP_PORT = 8440;
  public static final int DEFAULT_SFTP_PORT = 2222;

  public BackofficeSettings {
    requireNonNull(host, "host");
    requireNonNull(databaseUrl, "databaseUrl");
    requireNonNull(dataFolder, "dataFolder");
    requireNonNull(pollInterval, "pollInterval");
    requireNonNull(settle, "settle");
    requireNonNull(worker, "worker");
    requireNonNull(limits, "limits");
    checkPort(httpPort, "HTTP");
    checkPort(sftpPort, "SFTP");
  }

  /** A back office with the limits the system properties set (or their defaults). */
  public BackofficeSettings(
      String host,
      int httpPort,
      int sftpPort,
      String databaseUrl,
      Path dataFolder,
      Duration pollInterval,
      Duration settle,
      String receiptsToken,
      String worker,
      CfxSettings cfx) {
    this(
        host,
        httpPort,
        sftpPort,
        databaseUrl,
        dataFolder,
        pollInterval,
        settle,
        receiptsToken,
        worker,
        cfx,
        ServerLimits.fromSystemProperties());
  }

  /** A back office that publishes no CFX messages. */
  public BackofficeSettings(
      String host,
      int httpPort,
      int sftpPort,
      String databaseUrl,
      Path dataFolder,
      Duration pollInterval,
      Duration settle,
      String receiptsToken,
      String worker) {
    this(
        host,
        httpPort,
        sftpPort,
        databaseUrl,
        dataFolder,
        pollInterval,
        settle,
        receiptsToken,
        worker,
        null);
  }

  private static void checkPort(int port, String what) {
    if (port < 0 || port > 65_535) {
      throw new BackofficeException(
          "the "
              + what
              + " port "
              + port
              + " is not a port; give 1 to 65535, or 0 for any free one");
    }
  }
}
