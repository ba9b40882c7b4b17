package io.shipready.output.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Key files exactly as {@code ssh-keygen} writes them (the OpenSSH format, bcrypt-encrypted with a
 * passphrase), read through the environment variables a station sets.
 */
class PrivateKeysTest {
  private static final String PASSPHRASE = "test passphrase";

  @ParameterizedTest
  @CsvSource({"ed25519, ssh-ed25519", "ecdsa, ecdsa-sha2-nistp256", "rsa, ssh-rsa"})
  void anEncryptedKeyFileIsReadWithThePassphraseFromTheEnvironment(String file, String type)
      throws Exception {
    List<KeyPair> keys = load(file, PASSPHRASE);

    assertThat(keys).hasSize(1);
    assertThat(KeyUtils.getKeyType(keys.get(0))).isEqualTo(type);
  }

  @Test
  void aKeyWithoutPassphraseNeedsNone() throws Exception {
    assertThat(load("ed25519-plain", null))
        .singleElement()
        .extracting(KeyUtils::getKeyType)
        .isEqualTo("ssh-ed25519");
  }

  @Test
  void anEncryptedKeyWithoutItsPassphraseNamesTheVariableToSet() {
    assertThatThrownBy(() -> load("ed25519", null))
        .isInstanceOf(UploadConfigException.class)
        .hasMessageContaining("is encrypted")
        .hasMessageContaining(UploadEnvironment.KEY_PASSPHRASE)
        .hasMessageNotContaining("Exception");
  }

  @Test
  void aWrongPassphraseIsReportedWithTheFileAndTheVariable() {
    assertThatThrownBy(() -> load("ecdsa", "not the passphrase"))
        .isInstanceOf(UploadConfigException.class)
        .hasMessageContaining(keyFile("ecdsa").toString())
        .hasMessageContaining("check the passphrase in " + UploadEnvironment.KEY_PASSPHRASE);
  }

  private static List<KeyPair> load(String file, String passphrase) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put(UploadEnvironment.KEY, keyFile(file).toString());
    if (passphrase != null) {
      env.put(UploadEnvironment.KEY_PASSPHRASE, passphrase);
    }
    return PrivateKeys.load((SftpCredentials.PrivateKey) UploadEnvironment.credentials(env));
  }

  private static Path keyFile(String name) {
    try {
      return Path.of(PrivateKeysTest.class.getResource("keys/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
