package io.shipready.backoffice.sftp;

import io.shipready.backoffice.BackofficeException;
import io.shipready.backoffice.DataFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * The drop's host keys: Ed25519 first, as OpenSSH clients and {@code ssh-keyscan} ask for it, and
 * ECDSA P-256 for clients that pinned the key of earlier versions. Each is made at first start and
 * kept in the data folder, so the fingerprints stations pinned stay valid.
 */
final class DropHostKeys {
  private DropHostKeys() {}

  static List<KeyPair> load(DataFolder data) {
    List<KeyPair> keys = new ArrayList<>();
    keys.add(ed25519(data.hostKeyEd25519()));
    SimpleGeneratorHostKeyProvider ecdsa = new SimpleGeneratorHostKeyProvider(data.hostKey());
    ecdsa.setAlgorithm(KeyUtils.EC_ALGORITHM);
    ecdsa.setKeySize(256);
    ecdsa.loadKeys(null).forEach(keys::add);
    return List.copyOf(keys);
  }

  /** {@code ssh-ed25519 SHA256:...} for each key, as {@code ssh-keygen -l} shows them. */
  static List<String> fingerprints(List<KeyPair> keys) {
    return keys.stream()
        .map(k -> KeyUtils.getKeyType(k) + " " + KeyUtils.getFingerPrint(k.getPublic()))
        .toList();
  }

  static KeyPairProvider provider(List<KeyPair> keys) {
    return KeyPairProvider.wrap(keys);
  }

  private static KeyPair ed25519(Path file) {
    try {
      if (!Files.exists(file)) {
        generate(file);
      }
      try (InputStream in = Files.newInputStream(file)) {
        for (KeyPair key :
            SecurityUtils.loadKeyPairIdentities(
                null, NamedResource.ofName(file.toString()), in, null)) {
          return key;
        }
      }
      throw new BackofficeException(
          "The SFTP host key " + file + " holds no key: move it away to have a new one made.");
    } catch (IOException | GeneralSecurityException e) {
      throw new BackofficeException(
          "Cannot read or make the SFTP host key "
              + file
              + " ("
              + e.getMessage()
              + "): fix the data folder's permissions, or move a broken file away to have a new"
              + " key made (factories must then pin the new key).",
          e);
    }
  }

  /**
   * Writes a new key under a temporary name, readable by the owner only, then gives it its name.
   */
  private static void generate(Path file) throws IOException, GeneralSecurityException {
    KeyPair key = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temporary = file.resolveSibling("." + file.getFileName() + ".new");
    Files.deleteIfExists(temporary);
    Files.createFile(temporary);
    try {
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the data folder's own permissions protect it
    }
    try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "shipready-backoffice", null, out);
    }
    try {
      // Another back office sharing the data folder may have made one meanwhile: keep that one.
      Files.createLink(file, temporary);
    } catch (FileAlreadyExistsException e) {
      // theirs is kept
    } catch (UnsupportedOperationException | IOException e) {
      if (!Files.exists(file)) {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
