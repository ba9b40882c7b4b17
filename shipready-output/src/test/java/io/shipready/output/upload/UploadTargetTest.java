package io.shipready.output.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UploadTargetTest {

  @Test
  void readsUserHostPortAndFolder() {
    UploadTarget target =
        UploadTarget.parse("sftp://factory@drop.example.com:2222/incoming/afero/");

    assertThat(target)
        .isEqualTo(new UploadTarget("factory", "drop.example.com", 2222, "/incoming/afero"));
    assertThat(target.remotePath("01_A.afero")).isEqualTo("/incoming/afero/01_A.afero");
    assertThat(target.server()).isEqualTo("drop.example.com:2222");
    assertThat(target).hasToString("sftp://factory@drop.example.com:2222/incoming/afero");
  }

  @Test
  void thePortIs22UnlessGiven() {
    assertThat(UploadTarget.parse("SFTP://factory@10.0.0.5/in").port()).isEqualTo(22);
  }

  @Test
  void readsIpv6HomeRelativeFoldersAndEscapes() {
    UploadTarget target = UploadTarget.parse("sftp://line%201@[fe80::1]:22/~/drop%20box");

    assertThat(target).isEqualTo(new UploadTarget("line 1", "fe80::1", 22, "drop box"));
    assertThat(target.remotePath("x")).isEqualTo("drop box/x");
    assertThat(target.server()).isEqualTo("[fe80::1]:22");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ftp://factory@host/in | the scheme is 'ftp'",
        "factory@host/in | it has no scheme",
        "sftp://host/in | the user is missing",
        "sftp://@host/in | the user is empty",
        "sftp://factory@/in | the host is missing",
        "sftp://factory@host:ssh/in | the port 'ssh' is not a number",
        "sftp://factory@host:70000/in | the port 70000 is out of range",
        "sftp://factory@host:0/in | the port 0 is out of range",
        "sftp://factory@host | the folder is missing",
        "sftp://factory@host/ | the folder is missing",
        "sftp://factory@host/in/../etc | the folder contains '..'",
        "sftp://factory@ho st/in | the host 'ho st' is not a host name",
        "sftp://factory@host/in%2 | the folder has a broken %-escape",
      })
  void namesThePartThatIsWrong(String url, String problem) {
    assertThatThrownBy(() -> UploadTarget.parse(url))
        .isInstanceOf(UploadConfigException.class)
        .hasMessageStartingWith("Upload target '" + url + "': " + problem);
  }

  @Test
  void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(() -> UploadTarget.parse("sftp://factory:hunter2@host/in"))
        .isInstanceOf(UploadConfigException.class)
        .hasMessageStartingWith(
            "Upload target 'sftp://factory:***@host/in': it contains a password")
        .hasMessageNotContaining("hunter2")
        .hasMessageContaining(UploadEnvironment.PASSWORD)
        .hasMessageContaining("never go on the command line");
  }
}
