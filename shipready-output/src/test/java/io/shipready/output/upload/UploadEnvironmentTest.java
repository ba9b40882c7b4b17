package io.shipready.output.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadEnvironmentTest {
  @TempDir Path dir;

  @Test
  void aPasswordFromTheEnvironmentNeverShowsInToString() {
    SftpCredentials credentials =
        UploadEnvironment.credentials(Map.of(UploadEnvironment.PASSWORD, "s3cret"));

    assertThat(credentials)
        .isEqualTo(new SftpCredentials.Password("s3cret", "SHIPREADY_SFTP_PASSWORD"));
    assertThat(credentials.toString()).doesNotContain("s3cret");
  }

  @Test
  void aPasswordFileLosesItsTrailingLineBreakOnly() throws Exception {
    Path file = Files.writeString(dir.resolve("sftp.pass"), " pass word \r\n");

    SftpCredentials credentials =
        UploadEnvironment.credentials(Map.of(UploadEnvironment.PASSWORD_FILE, file.toString()));

    assertThat(((SftpCredentials.Password) credentials).password()).isEqualTo(" pass word ");
    assertThat(credentials.source()).contains(UploadEnvironment.PASSWORD_FILE, file.toString());
  }

  @Test
  void aKeyWithItsPassphrase() throws Exception {
    Path key = Files.writeString(dir.resolve("id_ecdsa"), "key");

    SftpCredentials credentials =
        UploadEnvironment.credentials(
            Map.of(UploadEnvironment.KEY, key.toString(), UploadEnvironment.KEY_PASSPHRASE, "pp"));

    assertThat(credentials).isEqualTo(new SftpCredentials.PrivateKey(key, Optional.of("pp")));
    assertThat(credentials.toString()).doesNotContain("pp)").contains("with passphrase");
  }

  @Test
  void noLoginNamesEveryVariable() {
    assertThatThrownBy(() -> UploadEnvironment.credentials(Map.of()))
        .isInstanceOf(UploadConfigException.class)
        .hasMessageContainingAll(
            UploadEnvironment.PASSWORD,
            UploadEnvironment.PASSWORD_FILE,
            UploadEnvironment.KEY,
            UploadEnvironment.KEY_PASSPHRASE);
  }

  @Test
  void twoLoginsAreAmbiguous() {
    assertThatThrownBy(
            () ->
                UploadEnvironment.credentials(
                    Map.of(UploadEnvironment.PASSWORD, "a", UploadEnvironment.KEY, "/k")))
        .isInstanceOf(UploadConfigException.class)
        .hasMessageContaining("More than one SFTP login is set")
        .hasMessageContaining(UploadEnvironment.KEY);
  }

  @Test
  void missingOrEmptyFilesAreNamed() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pass"), "\n");
    Path missing = dir.resolve("nowhere");

    assertThatThrownBy(
            () ->
                UploadEnvironment.credentials(
                    Map.of(UploadEnvironment.PASSWORD_FILE, empty.toString())))
        .hasMessageContaining(empty + ", which is empty");
    assertThatThrownBy(
            () -> UploadEnvironment.credentials(Map.of(UploadEnvironment.KEY, missing.toString())))
        .hasMessageContaining(UploadEnvironment.KEY + " names " + missing);
    assertThatThrownBy(() -> UploadEnvironment.credentials(Map.of(UploadEnvironment.PASSWORD, "")))
        .hasMessageContaining("is set but empty");
  }

  @Test
  void theKnownHostsFileIsTheStationsOwnAndANewHostIsTrustedOnlyWhenAsked() {
    Path named = dir.resolve("pinned");

    assertThat(
            UploadEnvironment.hostKeyPolicy(
                Map.of(UploadEnvironment.KNOWN_HOSTS, named.toString()), false))
        .isEqualTo(HostKeyPolicy.knownHosts(named));
    assertThat(
            UploadEnvironment.hostKeyPolicy(
                Map.of(UploadEnvironment.KNOWN_HOSTS, named.toString()), true))
        .isEqualTo(HostKeyPolicy.trustingNew(named));
    assertThat(UploadEnvironment.knownHostsFile(Map.of("XDG_CONFIG_HOME", dir.toString())))
        .isEqualTo(dir.resolve("shipready").resolve("known_hosts"));
    assertThat(UploadEnvironment.knownHostsFile(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".config", "shipready", "known_hosts"));
  }
}
