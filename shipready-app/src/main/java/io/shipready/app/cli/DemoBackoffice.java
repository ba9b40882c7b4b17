package io.shipready.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.backoffice.BackofficeServer;
import io.shipready.backoffice.DataFolder;
import io.shipready.backoffice.provisioning.ProvisioningFeature;
import io.shipready.core.ShipreadyException;
import io.shipready.output.upload.BackofficeReceipt;
import io.shipready.output.upload.UploadEnvironment;
import io.shipready.store.ServiceDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.util.security.SecurityUtils;
import picocli.CommandLine;

/**
 * The back office the demo starts in its own process, on loopback and free ports, with its data in
 * {@code <out>/backoffice}: built and driven by the same commands a user runs ({@code backoffice
 * serve}, {@code account add}, {@code token create}, {@code upload}), so the demo shows their path.
 */
final class DemoBackoffice implements AutoCloseable {
  /** The demo factory's SFTP account, and the factory its receipts are under. */
  static final String FACTORY = "demo";

  private static final String HOST = "127.0.0.1";

  private final Path data;
  private final String database;
  private final String password;
  private final String rateLimit;
  private final BackofficeServer server;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DemoBackoffice(
      Path data, String database, String password, String rateLimit, BackofficeServer server) {
    this.data = data;
    this.rateLimit = rateLimit;
    this.database = database;
    this.password = password;
    this.server = server;
  }

  /** Starts the back office with its data (and SQLite database) in {@code data}. */
  static DemoBackoffice start(Path data) throws IOException {
    Files.createDirectories(data);
    String database = data.resolve("backoffice.db").toAbsolutePath().toString();
    String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    // The account is in place before the drop accepts anyone.
    Path passwordFile = data.resolve("demo-sftp-password");
    Files.writeString(passwordFile, password);
    run(
        new BackofficeAccountCommand.Add(),
        "--data",
        data.toString(),
        "--factory",
        FACTORY,
        "--password-file",
        passwordFile.toString());
    BackofficeServeCommand serve = new BackofficeServeCommand();
    new CommandLine(serve)
        .parseArgs(
            "--data",
            data.toString(),
            "--db",
            database,
            "--host",
            HOST,
            "--http",
            "0",
            "--sftp",
            "0",
            // The settling time stays the default: the upload compares the folder's listing
            // with what it sent right after sending, before the back office moves the files on.
            "--poll-ms",
            "100");
    return new DemoBackoffice(data, database, password, serve.provisionRateLimit, serve.start());
  }

  /** The provisioning API's limit per token, as {@code backoffice serve} takes it (N/WINDOW). */
  String rateLimit() {
    return rateLimit;
  }

  /** The back office's data folder. */
  Path data() {
    return data;
  }

  URI api() {
    return URI.create("http://" + HOST + ":" + server.httpPort());
  }

  /** The demo factory's receipts, as {@code upload --receipt-from} reads them. */
  URI receipts() {
    return URI.create(api() + "/v1/factories/" + FACTORY + "/receipts");
  }

  /**
   * {@code shipready upload --today ... --receipt-from ...} of one output folder's factory files,
   * in this process, with the demo factory's login; what it prints goes to {@code out}.
   *
   * @return the upload's exit code: 0 when every file was sent and the receipt lacks none
   */
  int upload(Path files, Path archive, Path stationDb, PrintWriter out) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove(UploadEnvironment.PASSWORD_FILE);
    env.remove(UploadEnvironment.KEY);
    env.put(UploadEnvironment.PASSWORD, password);
    // A known_hosts of its own: the drop's key is new at each demo, and the user's file is theirs.
    env.put(UploadEnvironment.KNOWN_HOSTS, pinnedHostKey().toString());
    UploadCommand upload = new UploadCommand();
    upload.environment = env;
    upload.progressBar = false;
    CommandLine command = new CommandLine(upload);
    command.setOut(out);
    command.setErr(out);
    return command.execute(
        "--to",
        "sftp://" + FACTORY + "@" + HOST + ":" + server.sftpPort() + "/incoming",
        "--files",
        files.toString(),
        "--archive",
        archive.toString(),
        "--today",
        "--receipt-from",
        receipts().toString(),
        "--receipt-wait",
        "PT30S",
        "--db",
        stationDb.toString());
  }

  /**
   * A known_hosts file pinning the drop's Ed25519 host key, the line {@code ssh-keyscan -p PORT -t
   * ed25519 127.0.0.1} prints: the key read from the back office's data folder, as its
   * administrator would give it to a factory.
   */
  private Path pinnedHostKey() {
    Path hostKey = new DataFolder(data).hostKeyEd25519();
    Path knownHosts = data.resolve("known_hosts");
    try (InputStream in = Files.newInputStream(hostKey)) {
      for (KeyPair key :
          SecurityUtils.loadKeyPairIdentities(
              null, NamedResource.ofName(hostKey.toString()), in, null)) {
        Files.writeString(
            knownHosts,
            "["
                + HOST
                + "]:"
                + server.sftpPort()
                + " "
                + PublicKeyEntry.toString(key.getPublic())
                + "\n");
        return knownHosts;
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new ShipreadyException("the demo cannot read its back office's host key " + hostKey, e);
    }
    throw new ShipreadyException("the demo's back office has no host key in " + hostKey);
  }

  /** A provisioning API token for the product, made as {@code backoffice token create} does. */
  String token(String product) {
    StringWriter printed = new StringWriter();
    CommandLine create = new CommandLine(new BackofficeTokenCommand.Create());
    create.setOut(new PrintWriter(printed, true));
    create.setErr(new PrintWriter(new StringWriter(), true));
    int exit =
        create.execute(
            "--data", data.toString(), "--db", database, "--product", product, "--scope", "all");
    if (exit != 0) {
      throw new ShipreadyException("the demo could not make a provisioning token for " + product);
    }
    return printed.toString().strip();
  }

  /**
   * What the provisioning API did for the product, by operation ({@code import}, {@code claim},
   * ...): each operation done once, and how often it was asked for again.
   */
  Map<String, long[]> operations(String product) {
    try (ServiceDatabase opened =
        ServiceDatabase.open(
            database, ProvisioningFeature.MIGRATIONS, ProvisioningFeature.HISTORY_TABLE)) {
      Map<String, long[]> done = new LinkedHashMap<>();
      opened
          .jdbi()
          .useHandle(
              h ->
                  h.createQuery(
                          "SELECT kind, COUNT(*) AS n, SUM(repeats) AS again FROM operations"
                              + " WHERE product = ? GROUP BY kind ORDER BY kind")
                      .bind(0, product)
                      .map(
                          (rs, ctx) ->
                              done.put(
                                  rs.getString("kind"),
                                  new long[] {rs.getLong("n"), rs.getLong("again")}))
                      .list());
      return done;
    }
  }

  /**
   * The back office's receipt of the demo factory's files received on a day (UTC), as its API
   * serves it: {@code {"files": [{"file_name", "sha256", "state", "rows", ...}]}}.
   */
  JsonNode receipt(LocalDate day) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(receipts() + "/" + day)).timeout(Duration.ofSeconds(10));
    String token = System.getenv(BackofficeReceipt.TOKEN);
    if (token != null && !token.isBlank()) {
      request.header("Authorization", "Bearer " + token.strip());
    }
    try {
      HttpResponse<String> answer =
          HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new ShipreadyException(
            "the demo's back office answered " + answer.statusCode() + " for its receipt");
      }
      return new ObjectMapper().readTree(answer.body());
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
      throw new ShipreadyException("stopped while reading the back office's receipt");
    }
  }

  /** Stops the back office; once, however often it is called. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.close();
    }
  }

  private static void run(Object command, String... args) {
    StringWriter printed = new StringWriter();
    CommandLine line = new CommandLine(command);
    line.setOut(new PrintWriter(printed, true));
    line.setErr(new PrintWriter(printed, true));
    if (line.execute(args) != 0) {
      throw new ShipreadyException("the demo's back office did not start: " + printed);
    }
  }
}
