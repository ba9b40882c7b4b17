package io.shipready.output.upload;

import static io.shipready.output.upload.UploadFixture.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connections that drop, logins that fail, servers that are not the one we trust. */
class UploadFaultsTest {
  @TempDir Path dir;

  @Test
  void aConnectionCutMidFileIsRetriedAndOnlyAVerifiedCompleteFileGetsTheName() throws Exception {
    AtomicBoolean cut = new AtomicBoolean();
    Map<String, Long> sizesWhenRenamed = new ConcurrentHashMap<>();
    SftpEventListener cutOnceAfter200k =
        new SftpEventListener() {
          @Override
          public void writing(
              ServerSession session,
              String handle,
              FileHandle file,
              long offset,
              byte[] data,
              int dataOffset,
              int dataLen) {
            if (offset + dataLen > 200_000 && cut.compareAndSet(false, true)) {
              session.close(true);
            }
          }

          @Override
          public void moving(ServerSession session, Path from, Path to, Collection<CopyOption> opts)
              throws IOException {
            sizesWhenRenamed.put(to.getFileName().toString(), Files.size(from));
          }
        };
    try (SftpTestServer server = SftpTestServer.start(dir, cutOnceAfter200k)) {
      UploadFixture station = new UploadFixture(dir);
      Path big = station.dayFile("01_PC_P1_20250301+0100.afero", 1_000_000);

      UploadReport report = station.uploader(server).upload(List.of(big));

      assertThat(cut).isTrue();
      assertThat(report.clean()).as(report.summary()).isTrue();
      assertThat(report.sent()).hasSize(1);
      assertThat(server.sessions()).isEqualTo(2);
      assertThat(server.folder().resolve(name(big))).hasSameBinaryContentAs(big);
      assertThat(names(server.folder())).containsExactly(name(big));
      assertThat(sizesWhenRenamed).containsExactly(Map.entry(name(big), 1_000_000L));
      assertThat(station.receipts().receipts())
          .singleElement()
          .extracting(UploadReceipt::sha256)
          .isEqualTo(Sha256.of(big));
    }
  }

  @Test
  void aFileThatAppearsUnderTheFinalNameWhileOursIsSentIsNotOverwritten() throws Exception {
    SftpEventListener someoneElseFirst =
        new SftpEventListener() {
          @Override
          public void moving(ServerSession session, Path from, Path to, Collection<CopyOption> opts)
              throws IOException {
            Files.writeString(to, "someone else's rows\n");
          }
        };
    try (SftpTestServer server = SftpTestServer.start(dir, someoneElseFirst)) {
      UploadFixture station = new UploadFixture(dir);
      Path ours = station.dayFile("01_PC_P1_20250301+0100.afero", 5_000);

      UploadReport report = station.uploader(server).upload(List.of(ours));

      assertThat(report.refused())
          .singleElement()
          .extracting(FileNote::reason)
          .asString()
          .contains("appeared on the server while ours was being sent", "not overwritten");
      assertThat(server.folder().resolve(name(ours))).content().isEqualTo("someone else's rows\n");
      assertThat(names(server.folder())).containsExactly(name(ours));
      assertThat(station.receipts().receipts()).isEmpty();
      assertThat(station.archive.resolve(name(ours))).doesNotExist();
    }
  }

  @Test
  void aWrongPasswordFailsOnceNamingTheUserAndHost() throws Exception {
    try (SftpTestServer server = SftpTestServer.start(dir)) {
      UploadFixture station = new UploadFixture(dir);
      Path file = station.dayFile("01_PC_P1_20250301+0100.afero", 100);
      SftpCredentials wrong = new SftpCredentials.Password("guess", UploadEnvironment.PASSWORD);
      DayUploader uploader =
          new DayUploader(station.settings(server, wrong).build(), station.receipts());

      assertThatThrownBy(() -> uploader.upload(List.of(file)))
          .isInstanceOf(SftpLoginException.class)
          .hasMessageContaining("refused the login of user 'factory'")
          .hasMessageContaining("127.0.0.1:" + server.port())
          .hasMessageContaining(UploadEnvironment.PASSWORD)
          .hasMessageNotContaining("guess");
      assertThat(server.sessions()).isEqualTo(1);
      assertThat(names(server.folder())).isEmpty();
    }
  }

  @Test
  void aChangedHostKeyIsRefusedAndNothingIsSent() throws Exception {
    try (SftpTestServer server = SftpTestServer.start(dir)) {
      UploadFixture station = new UploadFixture(dir);
      Path monday = station.dayFile("01_PC_P1_20250303+0100.afero", 100);
      Path tuesday = station.dayFile("01_PC_P1_20250304+0100.afero", 100);
      assertThat(station.uploader(server).upload(List.of(monday)).clean()).isTrue();
      Path recorded = station.knownHosts;
      String trusted = Files.readString(recorded);

      server.changeHostKey();

      assertThatThrownBy(() -> station.uploader(server).upload(List.of(tuesday)))
          .isInstanceOf(HostKeyException.class)
          .hasMessageContaining("127.0.0.1:" + server.port())
          .hasMessageContaining("CHANGED")
          .hasMessageContaining(recorded.toString());
      assertThat(names(server.folder())).containsExactly(name(monday));
      assertThat(Files.readString(recorded)).isEqualTo(trusted);
    }
  }

  @Test
  void aGivenKnownHostsFileIsTrustedAndAHostNotInItIsRefused() throws Exception {
    try (SftpTestServer server = SftpTestServer.start(dir)) {
      UploadFixture station = new UploadFixture(dir);
      Path file = station.dayFile("01_PC_P1_20250301+0100.afero", 100);
      Path empty = Files.writeString(dir.resolve("empty_known_hosts"), "");

      assertThatThrownBy(
              () ->
                  new DayUploader(
                          station
                              .settings(server, UploadFixture.password())
                              .hostKeys(HostKeyPolicy.knownHosts(empty))
                              .build(),
                          station.receipts())
                      .upload(List.of(file)))
          .isInstanceOf(HostKeyException.class)
          .hasMessageContaining("is not in the station's known_hosts file " + empty)
          .hasMessageContaining(
              "ssh-keyscan -p " + server.port() + " -t ecdsa 127.0.0.1 >> " + empty)
          .hasMessageContaining(HostKeyPolicy.TRUST_NEW_FLAG);
      assertThat(empty).isEmptyFile();

      // What a first-use run records is a known_hosts file OpenSSH tools and this check accept.
      station.uploader(server).dryRun(List.of(file));
      Path recorded = station.knownHosts;
      assertThat(recorded).doesNotExist();
      station.uploader(server).upload(List.of());
      Path given = Files.move(recorded, dir.resolve("known_hosts"));
      UploadReport report =
          new DayUploader(
                  station
                      .settings(server, UploadFixture.password())
                      .hostKeys(HostKeyPolicy.knownHosts(given))
                      .build(),
                  station.receipts())
              .upload(List.of(file));
      assertThat(report.sent()).hasSize(1);
    }
  }

  @Test
  void aKeyInOpenSshFormatWithPassphraseLogsIn() throws Exception {
    try (SftpTestServer server = SftpTestServer.start(dir)) {
      UploadFixture station = new UploadFixture(dir);
      KeyPair key = ecKey();
      server.authorize(key.getPublic());
      Path keyFile = writeOpenSshKey(key, Optional.of("line 3 key"));
      Path file = station.dayFile("01_PC_P1_20250301+0100.afero", 10_000);
      SftpCredentials credentials =
          UploadEnvironment.credentials(
              Map.of(
                  UploadEnvironment.KEY,
                  keyFile.toString(),
                  UploadEnvironment.KEY_PASSPHRASE,
                  "line 3 key"));

      UploadReport report =
          new DayUploader(station.settings(server, credentials).build(), station.receipts())
              .upload(List.of(file));

      assertThat(report.clean()).as(report.summary()).isTrue();
      assertThat(server.folder().resolve(name(file))).hasSameBinaryContentAs(file);
    }
  }

  @Test
  void aKeyTheServerDoesNotKnowIsALoginFailureNamingTheKey() throws Exception {
    try (SftpTestServer server = SftpTestServer.start(dir)) {
      UploadFixture station = new UploadFixture(dir);
      Path keyFile = writeOpenSshKey(ecKey(), Optional.empty());
      SftpCredentials credentials =
          UploadEnvironment.credentials(Map.of(UploadEnvironment.KEY, keyFile.toString()));
      DayUploader uploader =
          new DayUploader(station.settings(server, credentials).build(), station.receipts());

      assertThatThrownBy(() -> uploader.upload(List.of()))
          .isInstanceOf(SftpLoginException.class)
          .hasMessageContaining("user 'factory'")
          .hasMessageContaining(keyFile.toString());
      assertThat(server.sessions()).isEqualTo(1);
    }
  }

  @Test
  void anEncryptedKeyWithoutOrWithAWrongPassphraseIsAConfigurationError() throws Exception {
    try (SftpTestServer server = SftpTestServer.start(dir)) {
      UploadFixture station = new UploadFixture(dir);
      Path keyFile = writeOpenSshKey(ecKey(), Optional.of("right"));
      for (Optional<String> passphrase : List.of(Optional.<String>empty(), Optional.of("wrong"))) {
        SftpCredentials credentials = new SftpCredentials.PrivateKey(keyFile, passphrase);
        DayUploader uploader =
            new DayUploader(station.settings(server, credentials).build(), station.receipts());

        assertThatThrownBy(() -> uploader.upload(List.of()))
            .isInstanceOf(UploadConfigException.class)
            .hasMessageContaining(keyFile.toString())
            .hasMessageContaining(UploadEnvironment.KEY_PASSPHRASE);
      }
      assertThat(server.sessions()).isZero();
    }
  }

  @Test
  void aServerThatIsDownIsTriedABoundedNumberOfTimes() throws Exception {
    SftpTestServer server = SftpTestServer.start(dir);
    server.close();
    UploadFixture station = new UploadFixture(dir);
    Path file = station.dayFile("01_PC_P1_20250301+0100.afero", 100);

    assertThatThrownBy(() -> station.uploader(server).upload(List.of(file)))
        .isInstanceOf(SftpUnreachableException.class)
        .hasMessageContaining("127.0.0.1:" + server.port())
        .hasMessageContaining("failed 4 times");
  }

  private static KeyPair ecKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  private Path writeOpenSshKey(KeyPair key, Optional<String> passphrase) throws Exception {
    Path file = dir.resolve("id_ecdsa_" + System.nanoTime());
    OpenSSHKeyEncryptionContext encryption = null;
    if (passphrase.isPresent()) {
      encryption = new OpenSSHKeyEncryptionContext();
      encryption.setCipherName("AES");
      encryption.setCipherType("256");
      encryption.setCipherMode("CTR");
      encryption.setKdfRounds(2);
      encryption.setPassword(passphrase.get());
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "station-7", encryption, out);
    }
    assertThat(file).content().startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
    return file;
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }
}
