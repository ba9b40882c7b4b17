package io.shipready.output.upload;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the station logs in to the SFTP server. Read from the environment by {@link
 * UploadEnvironment#credentials(java.util.Map)}, never from the command line; {@code toString()}
 * never shows a secret.
 */
public sealed interface SftpCredentials {

  /** Where the secret came from, for messages: "SHIPREADY_SFTP_PASSWORD", "/etc/key". */
  String source();

  /**
   * A password.
   *
   * @param password the password itself
   * @param source where it came from (an environment variable or a file), named in messages
   */
  record Password(String password, String source) implements SftpCredentials {
    public Password {
      requireNonNull(password, "password");
      requireNonNull(source, "source");
    }

    @Override
    public String toString() {
      return "password from " + source;
    }
  }

  /**
   * A private key file in OpenSSH format ({@code -----BEGIN OPENSSH PRIVATE KEY-----}, or PEM).
   *
   * @param keyFile the private key
   * @param passphrase the passphrase if the key is encrypted
   */
  record PrivateKey(Path keyFile, Optional<String> passphrase) implements SftpCredentials {
    public PrivateKey {
      requireNonNull(keyFile, "keyFile");
      requireNonNull(passphrase, "passphrase");
    }

    @Override
    public String source() {
      return keyFile.toString();
    }

    @Override
    public String toString() {
      return "private key " + keyFile + (passphrase.isPresent() ? " (with passphrase)" : "");
    }
  }
}
