package io.shipready.app.cli;

import io.shipready.backoffice.BackofficeException;
import io.shipready.backoffice.BackofficeServer;
import io.shipready.backoffice.BackofficeSettings;
import io.shipready.backoffice.HttpFeature;
import io.shipready.backoffice.ingest.IngestHttpFeature;
import io.shipready.backoffice.provisioning.ProvisioningFeature;
import io.shipready.backoffice.provisioning.ProvisioningSettings;
import io.shipready.backoffice.provisioning.ratelimit.RateLimit;
import io.shipready.output.cfx.CfxSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shipready backoffice serve}: the HTTP API and the SFTP drop in one process. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the HTTP API and the SFTP drop, and ingest every file the factories upload.",
      "Receipts token from $"
          + BackofficeServeCommand.TOKEN
          + " or the file named by $"
          + BackofficeServeCommand.TOKEN_FILE
          + "; without one, receipts are served to anyone. Ctrl-C stops cleanly."
    })
public final class BackofficeServeCommand implements Callable<Integer> {
  static final String TOKEN = "SHIPREADY_BACKOFFICE_TOKEN";
  static final String TOKEN_FILE = "SHIPREADY_BACKOFFICE_TOKEN_FILE";

  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin BackofficeDataOption data;

  @Option(
      names = "--http",
      paramLabel = "PORT",
      defaultValue = "" + BackofficeSettings.DEFAULT_HTTP_PORT,
      description = "HTTP API port (default ${DEFAULT-VALUE}; 0 for any free one).")
  int http;

  @Option(
      names = "--sftp",
      paramLabel = "PORT",
      defaultValue = "" + BackofficeSettings.DEFAULT_SFTP_PORT,
      description = "SFTP port (default ${DEFAULT-VALUE}; 0 for any free one).")
  int sftp;

  @Option(
      names = "--host",
      defaultValue = "0.0.0.0",
      description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String host;

  @Mixin BackofficeDatabaseOption database;

  @Option(
      names = "--poll-ms",
      defaultValue = "1000",
      description = "How often the factory folders are looked at (default ${DEFAULT-VALUE}).")
  long pollMillis;

  @Option(
      names = "--settle-ms",
      defaultValue = "2000",
      description =
          "How long a file must be unchanged before it is taken, for clients that write under the"
              + " final name (default ${DEFAULT-VALUE}).")
  long settleMillis;

  @Option(
      names = "--provision-rate-limit",
      defaultValue = "10000/5m",
      paramLabel = "N/WINDOW",
      description =
          "Provisioning API requests per token per window, e.g. 10000/5m (Particle's) or 1000/1s"
              + " (default ${DEFAULT-VALUE}).")
  String provisionRateLimit;

  @Option(
      names = "--provision-source-rate-limit",
      defaultValue = "10000/5m",
      paramLabel = "N/WINDOW",
      description =
          "Provisioning API requests per source address per sliding window, as Particle limits"
              + " each IP address (default ${DEFAULT-VALUE}); none to turn it off. The address is"
              + " the connection's: behind a proxy, every client shares the proxy's.")
  String provisionSourceRateLimit;

  @Option(
      names = "--cfx-handle",
      paramLabel = "HANDLE",
      description =
          "Publish IPC-CFX messages as this endpoint (e.g. acme.backoffice): a WorkStarted and"
              + " WorkCompleted for the units of each factory file taken in. Needs --cfx-mqtt or"
              + " --cfx-amqp.")
  String cfxHandle;

  @Option(
      names = "--cfx-mqtt",
      paramLabel = "URL",
      description =
          "MQTT broker for CFX, tcp://[user@]host:1883 (password from"
              + " $SHIPREADY_CFX_MQTT_PASSWORD); topic cfx/HANDLE unless --cfx-topic.")
  URI cfxMqtt;

  @Option(names = "--cfx-topic", paramLabel = "TOPIC", description = "MQTT topic for CFX.")
  String cfxTopic;

  @Option(
      names = "--cfx-amqp",
      paramLabel = "URL",
      description =
          "AMQP 1.0 broker for CFX, amqp://[user@]host:5672 (password from"
              + " $SHIPREADY_CFX_AMQP_PASSWORD).")
  URI cfxAmqp;

  @Option(
      names = "--cfx-address",
      paramLabel = "ADDRESS",
      defaultValue = "/exchange/amq.topic/cfx",
      description = "AMQP target address for CFX (default ${DEFAULT-VALUE}).")
  String cfxAddress;

  @Override
  public Integer call() throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    BackofficeServer server = start();
    Thread hook =
        new Thread(
            () -> {
              server.close();
              stopped.countDown();
            },
            "backoffice-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    var out = spec.commandLine().getOut();
    out.printf(
        "back office: HTTP on %s:%d, SFTP on %s:%d, data %s (Ctrl-C stops)%n",
        host, server.httpPort(), host, server.sftpPort(), data.data.toAbsolutePath());
    out.printf(
        "SFTP host keys: %s (stations pin them with: ssh-keyscan -p %d -t ed25519 HOST >>"
            + " ~/.config/shipready/known_hosts)%n",
        String.join(", ", server.sftpHostKeys()), server.sftpPort());
    if (server.parts().settings().receiptsToken() == null) {
      out.printf("warning: no $%s set; receipts are served to anyone who asks%n", TOKEN);
    }
    out.flush();
    stopped.await();
    return 0;
  }

  /** Starts the back office these options describe; the caller closes it. */
  BackofficeServer start() throws IOException {
    BackofficeSettings settings =
        new BackofficeSettings(
            host,
            http,
            sftp,
            database.url(data),
            data.data,
            Duration.ofMillis(Math.max(10, pollMillis)),
            Duration.ofMillis(Math.max(0, settleMillis)),
            token(),
            worker(),
            cfx());
    return BackofficeServer.start(settings, this::httpFeatures);
  }

  /**
   * Every HTTP feature of the back office, built from what the server opened. Each feature adds its
   * own routes to the one Javalin app.
   */
  List<HttpFeature> httpFeatures(BackofficeServer.Parts parts) {
    List<HttpFeature> features = new ArrayList<>();
    features.add(
        new IngestHttpFeature(parts.ingester().receipts(), parts.settings().receiptsToken()));
    features.add(
        ProvisioningFeature.open(
            ProvisioningSettings.builder(parts.settings().databaseUrl())
                .rateLimit(RateLimit.parse(provisionRateLimit))
                .sourceRateLimit(
                    provisionSourceRateLimit.strip().equalsIgnoreCase("none")
                        ? null
                        : RateLimit.parse(provisionSourceRateLimit))
                .build()));
    return features;
  }

  /** The CFX settings the --cfx-* options give; null when there are none. */
  private CfxSettings cfx() {
    if (cfxHandle == null && cfxMqtt == null && cfxAmqp == null) {
      return null;
    }
    if (cfxHandle == null || cfxHandle.isBlank() || (cfxMqtt == null && cfxAmqp == null)) {
      throw new ParameterException(
          spec.commandLine(),
          "CFX publishing needs --cfx-handle and a broker (--cfx-mqtt and/or --cfx-amqp)");
    }
    for (URI broker : new URI[] {cfxMqtt, cfxAmqp}) {
      if (broker != null && broker.getHost() == null) {
        throw new ParameterException(
            spec.commandLine(),
            "the CFX broker '" + broker + "' names no host; write scheme://host:port");
      }
      if (broker != null && broker.getUserInfo() != null && broker.getUserInfo().contains(":")) {
        throw new ParameterException(
            spec.commandLine(),
            "a CFX broker URL must not carry a password (it would show in the process list);"
                + " give the user only and set $"
                + (broker == cfxMqtt
                    ? CfxSettings.MQTT_PASSWORD_ENV
                    : CfxSettings.AMQP_PASSWORD_ENV));
      }
    }
    return new CfxSettings(cfxHandle, cfxAmqp, cfxAddress, cfxMqtt, cfxTopic);
  }

  private static String token() throws IOException {
    String token = System.getenv(TOKEN);
    String file = System.getenv(TOKEN_FILE);
    if (token != null && file != null) {
      throw new BackofficeException("set $" + TOKEN + " or $" + TOKEN_FILE + ", not both");
    }
    if (file != null) {
      token = Files.readString(Path.of(file)).strip();
      if (token.isEmpty()) {
        throw new BackofficeException("the token file " + file + " ($" + TOKEN_FILE + ") is empty");
      }
    }
    return token == null || token.isBlank() ? null : token.strip();
  }

  private static String worker() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "localhost";
    }
    return host + "-" + ProcessHandle.current().pid();
  }
}
