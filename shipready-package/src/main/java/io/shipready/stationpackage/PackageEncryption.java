package io.shipready.stationpackage;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A whole package sealed with a passphrase: AES-256-GCM under a key derived with Argon2id
 * (BouncyCastle). The file is a header followed by the ciphertext and its tag:
 *
 * <pre>
 *   magic "SRPKGENC" | format (1 byte) | KDF id (1 byte, 1 = Argon2id v1.3)
 *   | memory KiB (4) | iterations (4) | parallelism (4) | salt (16) | nonce (12) | ciphertext+tag
 * </pre>
 *
 * The header is the cipher's associated data, so changing the settings, salt or nonce is detected
 * like changing the content.
 */
public final class PackageEncryption {
  static final byte[] MAGIC = "SRPKGENC".getBytes(StandardCharsets.US_ASCII);
  private static final byte FORMAT = 1;
  private static final byte ARGON2ID = 1;
  private static final int SALT_BYTES = 16;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int HEADER_BYTES = MAGIC.length + 2 + 12 + SALT_BYTES + NONCE_BYTES;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PackageEncryption() {}

  /** Whether the bytes start like an encrypted package. */
  public static boolean isEncrypted(byte[] file) {
    return file.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC);
  }

  /** Seals a package's bytes with a passphrase. */
  public static byte[] encrypt(byte[] plain, char[] passphrase, KdfSettings kdf) {
    requireNonNull(plain, "plain");
    checkPassphrase(passphrase);
    byte[] salt = new byte[SALT_BYTES];
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(salt);
    RANDOM.nextBytes(nonce);
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
    header.put(MAGIC).put(FORMAT).put(ARGON2ID);
    header.putInt(kdf.memoryKiB()).putInt(kdf.iterations()).putInt(kdf.parallelism());
    header.put(salt).put(nonce);
    byte[] headerBytes = header.array();
    byte[] key = deriveKey(passphrase, salt, kdf);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(headerBytes);
      byte[] sealed = cipher.doFinal(plain);
      byte[] file = Arrays.copyOf(headerBytes, headerBytes.length + sealed.length);
      System.arraycopy(sealed, 0, file, headerBytes.length, sealed.length);
      return file;
    } catch (GeneralSecurityException e) {
      throw new PackageException("cannot encrypt the package: " + e.getMessage(), e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * Opens an encrypted package.
   *
   * @param source names the file in messages
   * @throws PackageException "wrong passphrase or damaged package" when the tag does not match
   */
  static byte[] decrypt(String source, byte[] file, char[] passphrase) {
    checkPassphrase(passphrase);
    if (!isEncrypted(file) || file.length < HEADER_BYTES + TAG_BITS / 8) {
      throw new PackageException(source + ": not an encrypted station package (or cut short)");
    }
    ByteBuffer header = ByteBuffer.wrap(file, 0, HEADER_BYTES);
    header.position(MAGIC.length);
    byte format = header.get();
    byte kdfId = header.get();
    if (format != FORMAT || kdfId != ARGON2ID) {
      throw new PackageException(
          source
              + ": encrypted with format "
              + format
              + " and key derivation "
              + kdfId
              + ", which this shipready does not read; use a newer shipready");
    }
    KdfSettings kdf;
    try {
      kdf = new KdfSettings(header.getInt(), header.getInt(), header.getInt());
    } catch (PackageException unreasonable) {
      throw new PackageException(
          source + ": damaged package header (" + unreasonable.getMessage() + ")");
    }
    byte[] salt = new byte[SALT_BYTES];
    byte[] nonce = new byte[NONCE_BYTES];
    header.get(salt).get(nonce);
    byte[] key = deriveKey(passphrase, salt, kdf);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(file, 0, HEADER_BYTES);
      return cipher.doFinal(file, HEADER_BYTES, file.length - HEADER_BYTES);
    } catch (AEADBadTagException wrong) {
      throw new PackageException(
          source
              + ": wrong passphrase or damaged package (the package's authentication tag does not"
              + " match); check the passphrase, or get the package again");
    } catch (GeneralSecurityException e) {
      throw new PackageException(source + ": cannot decrypt: " + e.getMessage(), e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte[] deriveKey(char[] passphrase, byte[] salt, KdfSettings kdf) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(kdf.memoryKiB())
            .withIterations(kdf.iterations())
            .withParallelism(kdf.parallelism())
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] key = new byte[32];
    generator.generateBytes(passphrase, key);
    return key;
  }

  private static void checkPassphrase(char[] passphrase) {
    if (passphrase == null || passphrase.length == 0) {
      throw new PackageException("the passphrase is empty; give the package's passphrase");
    }
  }
}
