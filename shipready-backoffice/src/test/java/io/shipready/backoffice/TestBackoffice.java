package io.shipready.backoffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.backoffice.accounts.Account;
import io.shipready.backoffice.accounts.AccountBook;
import io.shipready.backoffice.accounts.PasswordHash;
import io.shipready.backoffice.ingest.IngestHttpFeature;
import io.shipready.output.cfx.CfxSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/** A real back office on loopback (SQLite in a test folder), and real clients to talk to it. */
final class TestBackoffice implements AutoCloseable {
  static final String TOKEN = "receipts-token-for-tests";
  static final String PASSWORD = "correct horse battery staple";
  private static final ObjectMapper JSON = new ObjectMapper();

  final Path data;
  final BackofficeServer server;
  private final SshClient ssh;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestBackoffice(Path data, BackofficeServer server, SshClient ssh) {
    this.data = data;
    this.server = server;
    this.ssh = ssh;
  }

  /**
   * @param poll how often the ingester looks; a long one keeps files where they arrived
   */
  static TestBackoffice start(Path folder, Duration poll, String... factories) {
    return start(folder, poll, null, factories);
  }

  /** As above, publishing IPC-CFX as {@code cfx} says (null: not at all). */
  static TestBackoffice start(Path folder, Duration poll, CfxSettings cfx, String... factories) {
    Path data = folder.resolve("data");
    AccountBook accounts = AccountBook.open(new DataFolder(data).accounts());
    for (String factory : factories) {
      accounts.put(new Account(factory, PasswordHash.hash(PASSWORD.toCharArray()), List.of()));
    }
    BackofficeSettings settings =
        new BackofficeSettings(
            "127.0.0.1",
            0,
            0,
            folder.resolve("backoffice.db").toString(),
            data,
            poll,
            Duration.ZERO,
            TOKEN,
            "test-worker",
            cfx);
    BackofficeServer server =
        BackofficeServer.start(
            settings, parts -> List.of(new IngestHttpFeature(parts.ingester().receipts(), TOKEN)));
    SshClient ssh = SshClient.setUpDefaultClient();
    ssh.start();
    return new TestBackoffice(data, server, ssh);
  }

  DataFolder folder() {
    return new DataFolder(data);
  }

  /** An SFTP session as a factory; closing the client closes the session. */
  SftpClient sftp(String user, String password) throws IOException {
    ClientSession session =
        ssh.connect(user, "127.0.0.1", server.sftpPort())
            .verify(Duration.ofSeconds(10))
            .getSession();
    try {
      session.addPasswordIdentity(password);
      session.auth().verify(Duration.ofSeconds(10));
      return SftpClientFactory.instance().createSftpClient(session).singleSessionInstance();
    } catch (IOException | RuntimeException e) {
      session.close(true);
      throw e;
    }
  }

  /** Uploads as the station's uploader does: a temporary name, then a rename. */
  static void upload(SftpClient sftp, String name, byte[] content) throws IOException {
    String temporary = "incoming/." + name + ".part-test";
    try (OutputStream out =
        sftp.write(
            temporary,
            EnumSet.of(
                SftpClient.OpenMode.Write,
                SftpClient.OpenMode.Create,
                SftpClient.OpenMode.Exclusive))) {
      out.write(content);
    }
    sftp.rename(temporary, "incoming/" + name);
  }

  HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String today() {
    return LocalDate.now(ZoneOffset.UTC).toString();
  }

  /** Today's receipt of a factory, as JSON. */
  JsonNode receipt(String factory) throws IOException, InterruptedException {
    HttpResponse<String> response = get("/v1/factories/" + factory + "/receipts/" + today(), TOKEN);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /**
   * Waits for today's receipt to satisfy {@code done}; gives up after a minute so a broken server
   * fails the test instead of hanging it.
   */
  JsonNode awaitReceipt(String factory, Predicate<JsonNode> done)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    JsonNode receipt = receipt(factory);
    while (!done.test(receipt)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the receipt never got there: " + receipt);
      }
      Thread.sleep(50);
      receipt = receipt(factory);
    }
    return receipt;
  }

  /** The receipt entry of a file, once it is in a final state. */
  JsonNode awaitFile(String factory, String name) throws IOException, InterruptedException {
    JsonNode receipt = awaitReceipt(factory, r -> finalEntry(r, name) != null);
    return finalEntry(receipt, name);
  }

  private static JsonNode finalEntry(JsonNode receipt, String name) {
    JsonNode found = null;
    for (JsonNode entry : receipt) {
      String state = entry.path("state").asText();
      if (entry.path("fileName").asText().equals(name)
          && (state.equals("completed") || state.equals("rejected") || state.equals("duplicate"))) {
        found = entry;
      }
    }
    return found;
  }

  @Override
  public void close() throws IOException {
    ssh.stop();
    server.close();
  }
}
