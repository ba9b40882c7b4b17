package io.shipready.output.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

/** Reads the login key named by {@link UploadEnvironment#KEY}, before anything is connected. */
final class PrivateKeys {
  private PrivateKeys() {}

  static List<KeyPair> load(SftpCredentials.PrivateKey credentials) {
    String name = credentials.keyFile().toString();
    FilePasswordProvider passphrase =
        credentials.passphrase().isPresent()
            ? FilePasswordProvider.of(credentials.passphrase().get())
            : (session, resource, retry) -> {
              throw new UploadConfigException(
                  "The private key "
                      + name
                      + " ("
                      + UploadEnvironment.KEY
                      + ") is encrypted: set its passphrase in "
                      + UploadEnvironment.KEY_PASSPHRASE
                      + ".");
            };
    List<KeyPair> keys = new ArrayList<>();
    try (InputStream in = Files.newInputStream(credentials.keyFile())) {
      Iterable<KeyPair> loaded =
          SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(name), in, passphrase);
      if (loaded != null) {
        loaded.forEach(keys::add);
      }
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new UploadConfigException(
          "Cannot read the private key "
              + name
              + " ("
              + UploadEnvironment.KEY
              + "): "
              + e.getMessage()
              + ". It must be a private key as ssh-keygen writes it (Ed25519, ECDSA or RSA); if it"
              + " is encrypted, check the passphrase in "
              + UploadEnvironment.KEY_PASSPHRASE
              + ".",
          e);
    }
    if (keys.isEmpty()) {
      throw new UploadConfigException(
          "No private key found in "
              + name
              + " ("
              + UploadEnvironment.KEY
              + "): it must hold an OpenSSH private key (-----BEGIN OPENSSH PRIVATE KEY-----).");
    }
    return keys;
  }
}
