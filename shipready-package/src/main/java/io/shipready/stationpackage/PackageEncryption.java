package io.shipready.stationpackage;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Supplier;
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
 *   magic "SRPKGENC" | format (1 byte, 2) | KDF id (1 byte, 1 = Argon2id v1.3)
 *   | memory KiB (4) | iterations (4) | parallelism (4) | salt (16) | nonce (12)
 *   | signature length (1 byte, 0 or 64) | Ed25519 signature over everything before it
 *   | ciphertext+tag
 * </pre>
 *
 * Deriving the key is deliberately costly, so the header is trusted before it is used: its settings
 * must lie within {@link KdfSettings}' bounds, and a package built with {@code --sign} carries the
 * team's signature over the header, checked against the trusted key before the passphrase is even
 * asked for. The whole header is also the cipher's associated data.
 */
public final class PackageEncryption {
  static final byte[] MAGIC = "SRPKGENC".getBytes(StandardCharsets.US_ASCII);

  /** Format 1 had no signed header: its settings could be raised to cost minutes of CPU. */
  private static final byte FORMAT = 2;

  private static final byte UNSIGNED_FORMAT = 1;
  private static final byte ARGON2ID = 1;
  private static final int SALT_BYTES = 16;
  private static final int NONCE_BYTES = 12;
  private static final int SIGNATURE_BYTES = 64;
  private static final int TAG_BITS = 128;
  private static final int SIGNED_PART_BYTES = MAGIC.length + 2 + 12 + SALT_BYTES + NONCE_BYTES;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PackageEncryption() {}

  /** Whether the bytes start like an encrypted package. */
  public static boolean isEncrypted(byte[] file) {
    return isEncrypted(ByteBuffer.wrap(file));
  }

  static boolean isEncrypted(ByteBuffer file) {
    return file.remaining() >= MAGIC.length
        && file.duplicate().limit(file.position() + MAGIC.length).equals(ByteBuffer.wrap(MAGIC));
  }

  /**
   * Seals a package's bytes with a passphrase.
   *
   * @param signingKey signs the header, so a station trusting the key checks it before deriving;
   *     null for an unsigned package
   */
  public static byte[] encrypt(
      byte[] plain, char[] passphrase, KdfSettings kdf, PackageKeys.SigningKey signingKey) {
    requireNonNull(plain, "plain");
    requireNonNull(kdf, "kdf");
    checkPassphrase(passphrase);
    byte[] salt = new byte[SALT_BYTES];
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(salt);
    RANDOM.nextBytes(nonce);
    ByteBuffer signed = ByteBuffer.allocate(SIGNED_PART_BYTES);
    signed.put(MAGIC).put(FORMAT).put(ARGON2ID);
    signed.putInt(kdf.memoryKiB()).putInt(kdf.iterations()).putInt(kdf.parallelism());
    signed.put(salt).put(nonce);
    byte[] signature = signingKey == null ? new byte[0] : signingKey.sign(signed.array());
    byte[] header =
        ByteBuffer.allocate(SIGNED_PART_BYTES + 1 + signature.length)
            .put(signed.array())
            .put((byte) signature.length)
            .put(signature)
            .array();
    byte[] key = deriveKey(passphrase, salt, kdf);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(header);
      byte[] sealed = cipher.doFinal(plain);
      byte[] file = Arrays.copyOf(header, header.length + sealed.length);
      System.arraycopy(sealed, 0, file, header.length, sealed.length);
      return file;
    } catch (GeneralSecurityException e) {
      throw new PackageException("cannot encrypt the package: " + e.getMessage(), e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * Opens an encrypted package: checks its header against {@code trust} and the bounds, then asks
   * for the passphrase and decrypts.
   *
   * @param source names the file in messages
   * @throws PackageException "wrong passphrase or damaged package" when the tag does not match
   */
  static byte[] open(String source, byte[] file, Supplier<char[]> passphrase, Trust trust) {
    if (!isEncrypted(file) || file.length < MAGIC.length + 2) {
      throw new PackageException(source + ": not an encrypted station package (or cut short)");
    }
    byte format = file[MAGIC.length];
    byte kdfId = file[MAGIC.length + 1];
    if (format == UNSIGNED_FORMAT) {
      throw new PackageException(
          source
              + ": sealed with encrypted-package format 1, whose key-derivation settings are not"
              + " protected; build the package again with this shipready (package build ..."
              + " --encrypt --sign KEY)");
    }
    if (format != FORMAT || kdfId != ARGON2ID) {
      throw new PackageException(
          source
              + ": encrypted with format "
              + format
              + " and key derivation "
              + kdfId
              + ", which this shipready does not read; use a newer shipready");
    }
    if (file.length < SIGNED_PART_BYTES + 1) {
      throw cutShort(source);
    }
    int signatureLength = Byte.toUnsignedInt(file[SIGNED_PART_BYTES]);
    int headerLength = SIGNED_PART_BYTES + 1 + signatureLength;
    if ((signatureLength != 0 && signatureLength != SIGNATURE_BYTES)
        || file.length < headerLength + TAG_BITS / 8) {
      throw cutShort(source);
    }
    checkSigner(source, file, signatureLength, trust);
    ByteBuffer header = ByteBuffer.wrap(file, MAGIC.length + 2, SIGNED_PART_BYTES);
    KdfSettings kdf;
    try {
      kdf = new KdfSettings(header.getInt(), header.getInt(), header.getInt());
    } catch (PackageException unreasonable) {
      throw new PackageException(
          source
              + ": damaged or tampered package header ("
              + unreasonable.getMessage()
              + "); refused before deriving its key; get the package again");
    }
    byte[] salt = new byte[SALT_BYTES];
    byte[] nonce = new byte[NONCE_BYTES];
    header.get(salt).get(nonce);
    char[] secret = passphrase.get();
    byte[] key;
    try {
      checkPassphrase(secret);
      key = deriveKey(secret, salt, kdf);
    } finally {
      if (secret != null) {
        Arrays.fill(secret, '\0');
      }
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(file, 0, headerLength);
      return cipher.doFinal(file, headerLength, file.length - headerLength);
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

  /** With a trusted key, the header must carry its signature (unless unsigned is allowed). */
  private static void checkSigner(String source, byte[] file, int signatureLength, Trust trust) {
    if (trust.key() == null) {
      return;
    }
    if (signatureLength == 0) {
      if (trust.allowUnsigned()) {
        return;
      }
      throw new PackageException(
          source
              + ": the sealed package's header is not signed; build it with --sign, or accept it"
              + " with --allow-unsigned for a trial only");
    }
    byte[] signed = Arrays.copyOf(file, SIGNED_PART_BYTES);
    byte[] signature =
        Arrays.copyOfRange(file, SIGNED_PART_BYTES + 1, SIGNED_PART_BYTES + 1 + signatureLength);
    if (!Signatures.valid(trust.key().key(), signed, signature)) {
      throw new PackageException(
          source
              + ": the sealed package's header is not signed by the trusted key "
              + trust.key().keyId()
              + " "
              + trust.key().fingerprint()
              + " (it was changed, or sealed by another team); refused before asking for the"
              + " passphrase; get the package again from the product team");
    }
  }

  private static PackageException cutShort(String source) {
    return new PackageException(
        source
            + ": the encrypted package is cut short or its header is damaged; copy the whole file"
            + " again from the product team");
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
