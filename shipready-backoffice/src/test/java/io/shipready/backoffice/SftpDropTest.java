package io.shipready.backoffice;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.backoffice.accounts.Account;
import io.shipready.backoffice.accounts.AccountBook;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SFTP drop's rules over a real SFTP connection. Ingestion looks only once an hour here, so
 * files stay where they arrived.
 */
class SftpDropTest {
  private static final EnumSet<SftpClient.OpenMode> CREATE =
      EnumSet.of(
          SftpClient.OpenMode.Write, SftpClient.OpenMode.Create, SftpClient.OpenMode.Exclusive);
  @TempDir Path folder;
  private TestBackoffice backoffice;

  @BeforeEach
  void start() throws IOException {
    backoffice = TestBackoffice.start(folder, Duration.ofHours(1), "acme", "globex");
    // What a server-side mistake could leave in a factory's folder: a link to outside it.
    Path outside = Files.createDirectories(folder.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "not for factories");
    Path acme = Files.createDirectories(backoffice.folder().factory("acme"));
    Files.createSymbolicLink(acme.resolve("escape"), outside);
    Files.createSymbolicLink(acme.resolve("secret-link.txt"), outside.resolve("secret.txt"));
  }

  @AfterEach
  void stop() throws IOException {
    backoffice.close();
  }

  @Test
  void aWrongPasswordOrUnknownFactoryIsRefused() {
    assertThatThrownBy(() -> backoffice.sftp("acme", "wrong password"))
        .hasMessageContaining("No more authentication methods available");
    assertThatThrownBy(() -> backoffice.sftp("initech", TestBackoffice.PASSWORD))
        .hasMessageContaining("No more authentication methods available");
  }

  @Test
  void aFactoryWithAnAuthorizedKeyLogsInWithIt() throws Exception {
    KeyPair key = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    AccountBook.open(backoffice.folder().accounts())
        .put(
            new Account(
                "initech", null, List.of(PublicKeyEntry.toString(key.getPublic()) + " initech")));
    try (SshClient ssh = SshClient.setUpDefaultClient()) {
      ssh.start();
      try (ClientSession session =
          ssh.connect("initech", "127.0.0.1", backoffice.server.sftpPort())
              .verify(Duration.ofSeconds(10))
              .getSession()) {
        session.addPublicKeyIdentity(key);
        session.auth().verify(Duration.ofSeconds(10));
        try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
          TestBackoffice.upload(sftp, "01_a_b_20250115+0800.afero", "x\r\n".getBytes(UTF_8));
        }
      }
    }
    assertThat(backoffice.folder().incoming("initech").resolve("01_a_b_20250115+0800.afero"))
        .exists();
  }

  @Test
  void pathsCannotLeaveTheFactorysFolder() throws Exception {
    try (SftpClient sftp = backoffice.sftp("acme", TestBackoffice.PASSWORD)) {
      // The folder is the whole file system: absolute paths and the other factories' folders
      // land inside it, and a ".." that climbs above it is refused.
      assertThat(sftp.canonicalPath("incoming/..")).isEqualTo("/");
      assertThatThrownBy(() -> sftp.canonicalPath(".."))
          .hasMessageContaining("'..' leads out of the factory's folder");
      assertThatThrownBy(() -> sftp.canonicalPath("/../../.."))
          .hasMessageContaining("'..' leads out of the factory's folder");
      write(sftp, "incoming/../incoming/x", CREATE, "a");
      write(sftp, "/incoming/y", CREATE, "b");
      assertThatThrownBy(() -> write(sftp, "../incoming/z", CREATE, "c"))
          .hasMessageContaining("'..' leads out of the factory's folder");
      assertThatThrownBy(() -> write(sftp, "z", CREATE, "c"))
          .hasMessageContaining("only written, renamed and removed in /incoming");
      assertThatThrownBy(() -> read(sftp, "../globex/x")).isInstanceOf(SftpException.class);
      assertThatThrownBy(() -> read(sftp, "/etc/passwd")).isInstanceOf(SftpException.class);
      assertThatThrownBy(() -> sftp.write("../../outside/z")).isInstanceOf(SftpException.class);
      // Links that point outside are not followed, for reading, listing or writing.
      assertThatThrownBy(() -> read(sftp, "secret-link.txt")).isInstanceOf(SftpException.class);
      assertThatThrownBy(() -> read(sftp, "escape/secret.txt")).isInstanceOf(SftpException.class);
      assertThatThrownBy(() -> list(sftp, "escape"))
          .hasMessageContaining("outside the factory's folder");
      assertThatThrownBy(() -> write(sftp, "escape/w", CREATE, "c"))
          .isInstanceOf(SftpException.class);
      assertThatThrownBy(() -> sftp.symLink("link2", "/")).isInstanceOf(SftpException.class);
    }
    Path acme = backoffice.folder().incoming("acme");
    assertThat(Files.readString(acme.resolve("x"))).isEqualTo("a");
    assertThat(Files.readString(acme.resolve("y"))).isEqualTo("b");
    assertThat(backoffice.folder().incoming("globex").resolve("x")).doesNotExist();
    assertThat(folder.resolve("data").resolve("z")).doesNotExist();
    try (var outside = Files.list(folder.resolve("outside"))) {
      assertThat(outside.map(p -> p.getFileName().toString())).containsExactly("secret.txt");
    }
    assertThat(folder.resolve("z")).doesNotExist();
  }

  @Test
  void aReceivedFileIsNeverOverwrittenRenamedOrRemoved() throws Exception {
    String name = "01_PC_p_20250115+0800.afero";
    String in = "incoming/" + name;
    try (SftpClient sftp = backoffice.sftp("acme", TestBackoffice.PASSWORD)) {
      TestBackoffice.upload(sftp, name, "first\r\n".getBytes(UTF_8));

      assertThatThrownBy(() -> TestBackoffice.upload(sftp, name, "second\r\n".getBytes(UTF_8)))
          .isInstanceOf(SftpException.class)
          .hasMessageContaining("never replaced");
      assertThatThrownBy(() -> write(sftp, in, EnumSet.of(SftpClient.OpenMode.Write)))
          .isInstanceOf(SftpException.class);
      assertThatThrownBy(
              () ->
                  write(
                      sftp,
                      in,
                      EnumSet.of(
                          SftpClient.OpenMode.Write,
                          SftpClient.OpenMode.Create,
                          SftpClient.OpenMode.Truncate)))
          .isInstanceOf(SftpException.class);
      assertThatThrownBy(() -> write(sftp, in, EnumSet.of(SftpClient.OpenMode.Append)))
          .isInstanceOf(SftpException.class);
      assertThatThrownBy(() -> sftp.rename(in, "incoming/other.afero"))
          .isInstanceOf(SftpException.class);
      assertThatThrownBy(() -> sftp.remove(in)).isInstanceOf(SftpException.class);
      assertThatThrownBy(() -> sftp.mkdir("incoming/sub")).isInstanceOf(SftpException.class);
      assertThatThrownBy(
              () ->
                  write(
                      sftp,
                      "completed/" + name,
                      EnumSet.of(SftpClient.OpenMode.Write, SftpClient.OpenMode.Create)))
          .isInstanceOf(SftpException.class);
      // Its own temporary files a client may remove.
      write(
          sftp,
          "incoming/.leftover.part-1",
          EnumSet.of(SftpClient.OpenMode.Write, SftpClient.OpenMode.Create));
      sftp.remove("incoming/.leftover.part-1");
    }
    assertThat(Files.readString(backoffice.folder().incoming("acme").resolve(name)))
        .isEqualTo("first\r\n");
  }

  private static String read(SftpClient sftp, String path) throws IOException {
    try (InputStream in = sftp.read(path)) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  private static List<String> list(SftpClient sftp, String path) throws IOException {
    List<String> names = new ArrayList<>();
    for (SftpClient.DirEntry entry : sftp.readDir(path)) {
      names.add(entry.getFilename());
    }
    return names;
  }

  private static void write(SftpClient sftp, String path, EnumSet<SftpClient.OpenMode> modes)
      throws IOException {
    write(sftp, path, modes, "x");
  }

  private static void write(
      SftpClient sftp, String path, EnumSet<SftpClient.OpenMode> modes, String text)
      throws IOException {
    try (OutputStream out = sftp.write(path, modes)) {
      out.write(text.getBytes(UTF_8));
    }
  }
}
