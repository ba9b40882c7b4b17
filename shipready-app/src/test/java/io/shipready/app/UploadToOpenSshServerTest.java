package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shipready upload} against a stock Debian OpenSSH server whose only host key is Ed25519,
 * logging in with an Ed25519 key that has a passphrase, the server pinned exactly as the refusal
 * says: with {@code ssh-keyscan}.
 */
class UploadToOpenSshServerTest {
  private static final String PASSPHRASE = "station key passphrase";

  @TempDir Path dir;
  private OpenSshServer server;
  private Path key;

  @BeforeEach
  void start() throws Exception {
    OpenSshServer.assumeRunnable();
    key = dir.resolve("id_ed25519");
    OpenSshServer.run(
        "ssh-keygen",
        "-q",
        "-t",
        "ed25519",
        "-N",
        PASSPHRASE,
        "-C",
        "station",
        "-f",
        key.toString());
    server = OpenSshServer.start(dir, Files.readString(dir.resolve("id_ed25519.pub")).strip());
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anUnknownServerIsRefusedWithTheKeyscanLineAndOncePinnedTheDaysFilesGo() throws Exception {
    Path files = Files.createDirectories(dir.resolve("out"));
    Files.writeString(files.resolve("01_PC_prog_20261201+0800.afero"), "header\nrow-1\n");
    Path knownHosts = dir.resolve("station").resolve("known_hosts");

    ShipreadyProcess.Result refused = upload(files, knownHosts);
    String pin = "ssh-keyscan -p " + server.port + " -t ed25519 127.0.0.1 >> " + knownHosts;
    assertThat(refused.exit()).as(refused.output()).isNotZero();
    assertThat(refused.output()).contains(pin);

    Files.createDirectories(knownHosts.getParent());
    OpenSshServer.run("sh", "-c", pin);
    ShipreadyProcess.Result sent = upload(files, knownHosts);

    assertThat(sent.exit()).as(sent.output() + server.log()).isZero();
    assertThat(sent.output()).contains("1 file");
    assertThat(server.chroot.resolve("incoming/01_PC_prog_20261201+0800.afero"))
        .hasContent("header\nrow-1\n");
    // What OpenSSH agreed with the upload: its own first choices.
    assertThat(server.log())
        .containsPattern("kex: algorithm: (mlkem768x25519-sha256|sntrup761x25519-sha512)")
        .contains("kex: host key algorithm: ssh-ed25519")
        .contains("client->server cipher: chacha20-poly1305@openssh.com")
        .contains("Accepted publickey for " + System.getProperty("user.name"))
        .contains("ED25519");
  }

  @Test
  void aHashedKnownHostsFileWithEveryKeyTypeTheServerHasIsTaken() throws Exception {
    Path files = Files.createDirectories(dir.resolve("out"));
    Files.writeString(files.resolve("02_PC_rssi_20261201+0800.afero"), "header\nrow-2\n");
    Path knownHosts = dir.resolve("known_hosts");
    OpenSshServer.run(
        "sh", "-c", "ssh-keyscan -H -p " + server.port + " 127.0.0.1 > " + knownHosts);
    assertThat(knownHosts).content().startsWith("|1|");

    ShipreadyProcess.Result sent = upload(files, knownHosts);

    assertThat(sent.exit()).as(sent.output() + server.log()).isZero();
    assertThat(server.chroot.resolve("incoming/02_PC_rssi_20261201+0800.afero"))
        .hasContent("header\nrow-2\n");
  }

  private ShipreadyProcess.Result upload(Path files, Path knownHosts) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "upload",
                "--to",
                "sftp://"
                    + System.getProperty("user.name")
                    + "@127.0.0.1:"
                    + server.port
                    + "/incoming",
                "--files",
                files.toString(),
                "--archive",
                dir.resolve("archive").toString(),
                "--db",
                dir.resolve("station.db").toString()));
    return ShipreadyProcess.run(
        args,
        Map.of(
            "SHIPREADY_SFTP_KEY", key.toString(),
            "SHIPREADY_SFTP_KEY_PASSPHRASE", PASSPHRASE,
            "SHIPREADY_SFTP_KNOWN_HOSTS", knownHosts.toString()));
  }
}
