package io.shipready.stationpackage;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * Ed25519 keys of a product team, in the format signed images already use: a key file is one line
 * {@code <key id> <base64 key>} (X.509 for a public key, as in a keystore image; PKCS#8 for a
 * private key), with {@code #} comment lines allowed. A public key file is therefore also a valid
 * line of a keystore image.
 */
public final class PackageKeys {
  public static final String ALGORITHM = "Ed25519";
  public static final String PUBLIC_SUFFIX = ".pub";
  public static final String PRIVATE_SUFFIX = ".key";

  // The DER header of an X.509 SubjectPublicKeyInfo for Ed25519; the 32 raw key bytes follow it.
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private PackageKeys() {}

  /** A public key and the id it is known by. */
  public record PublicKeyFile(String keyId, PublicKey key) {
    public PublicKeyFile {
      requireNonNull(keyId, "keyId");
      requireNonNull(key, "key");
    }

    /** {@code SHA256:<base64>} of the X.509 encoding: what messages and records show. */
    public String fingerprint() {
      return PackageKeys.fingerprint(key);
    }

    /** The key file's line. */
    public String line() {
      return keyId + " " + Base64.getEncoder().encodeToString(key.getEncoded());
    }
  }

  /** A private key, its public half, and the id both are known by. */
  public record SigningKey(String keyId, PrivateKey privateKey, PublicKey publicKey) {
    public SigningKey {
      requireNonNull(keyId, "keyId");
      requireNonNull(privateKey, "privateKey");
      requireNonNull(publicKey, "publicKey");
    }

    public PublicKeyFile publicKeyFile() {
      return new PublicKeyFile(keyId, publicKey);
    }

    /** An Ed25519 signature over the exact bytes given. */
    public byte[] sign(byte[] content) {
      try {
        Signature signer = Signature.getInstance(ALGORITHM);
        signer.initSign(privateKey);
        signer.update(content);
        return signer.sign();
      } catch (GeneralSecurityException e) {
        throw new PackageException("cannot sign with key " + keyId + ": " + e.getMessage(), e);
      }
    }
  }

  /** The two files {@code generate} wrote. */
  public record GeneratedKeys(Path privateKeyFile, Path publicKeyFile, String fingerprint) {}

  /**
   * Makes a new key pair and writes {@code <keyId>.key} (readable by its owner only where the file
   * system allows) and {@code <keyId>.pub} into {@code dir}. Never overwrites a key.
   */
  public static GeneratedKeys generate(Path dir, String keyId) {
    requireNonNull(dir, "dir");
    checkKeyId(keyId);
    KeyPair pair;
    try {
      pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new PackageException("this Java has no " + ALGORITHM + ": use Java 17 or later", e);
    }
    Path privateFile = dir.resolve(keyId + PRIVATE_SUFFIX);
    Path publicFile = dir.resolve(keyId + PUBLIC_SUFFIX);
    try {
      Files.createDirectories(dir);
      for (Path existing : new Path[] {privateFile, publicFile}) {
        if (Files.exists(existing)) {
          throw new PackageException(
              existing
                  + " already exists; choose another --id or folder (a key is never replaced)");
        }
      }
      writeSecret(
          privateFile,
          "# shipready package signing key "
              + keyId
              + ": keep it secret, never hand it out; factories get "
              + publicFile.getFileName()
              + "\n"
              + keyId
              + " "
              + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())
              + "\n");
      PublicKeyFile publicKey = new PublicKeyFile(keyId, pair.getPublic());
      Files.writeString(
          publicFile,
          "# shipready package signing key "
              + keyId
              + ", public half ("
              + publicKey.fingerprint()
              + "): give it to stations with --trust\n"
              + publicKey.line()
              + "\n",
          StandardCharsets.UTF_8);
      return new GeneratedKeys(privateFile, publicFile, publicKey.fingerprint());
    } catch (IOException e) {
      throw new PackageException("cannot write the keys into " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void writeSecret(Path file, String text) throws IOException {
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the file inherits the folder's access list; keep the folder private.
      Files.createFile(file);
    } catch (FileAlreadyExistsException exists) {
      throw new PackageException(file + " already exists; a key is never replaced");
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Reads a public key file ({@code --trust}). */
  public static PublicKeyFile readPublic(Path file) {
    String[] parts = keyLine(file, "public");
    return new PublicKeyFile(parts[0], publicKey(file, Base64Text.decode(file, parts[1])));
  }

  /** Parses the text of a public key file; {@code source} names it in messages. */
  public static PublicKeyFile parsePublic(String source, String text) {
    String[] parts = keyLine(source, text, "public");
    return new PublicKeyFile(
        parts[0], publicKey(Path.of(source), Base64Text.decode(Path.of(source), parts[1])));
  }

  /** Reads a private key file ({@code --sign}). */
  public static SigningKey readPrivate(Path file) {
    String[] parts = keyLine(file, "private");
    byte[] encoded = Base64Text.decode(file, parts[1]);
    try {
      PrivateKey key =
          KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(encoded));
      return new SigningKey(parts[0], key, publicHalf(encoded));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new PackageException(
          file + ": not an " + ALGORITHM + " private key; make one with 'shipready keys generate'",
          e);
    }
  }

  /** {@code SHA256:<base64 without padding>} of the key's X.509 encoding, as SSH shows keys. */
  public static String fingerprint(PublicKey key) {
    return "SHA256:"
        + Base64.getEncoder()
            .withoutPadding()
            .encodeToString(Hashes.digest().digest(key.getEncoded()));
  }

  static PublicKey publicKey(Path source, byte[] x509) {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new PackageException(
          source
              + ": not an "
              + ALGORITHM
              + " public key; use the .pub file of 'shipready keys"
              + " generate'",
          e);
    }
  }

  private static PublicKey publicHalf(byte[] pkcs8) throws GeneralSecurityException {
    try {
      byte[] seed =
          ASN1OctetString.getInstance(PrivateKeyInfo.getInstance(pkcs8).parsePrivateKey())
              .getOctets();
      byte[] raw = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
      byte[] x509 = new byte[X509_PREFIX.length + raw.length];
      System.arraycopy(X509_PREFIX, 0, x509, 0, X509_PREFIX.length);
      System.arraycopy(raw, 0, x509, X509_PREFIX.length, raw.length);
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
    } catch (IOException | RuntimeException malformed) {
      throw new GeneralSecurityException("malformed PKCS#8 key", malformed);
    }
  }

  private static String[] keyLine(Path file, String kind) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException missing) {
      throw new PackageException(kind + " key file " + file + " not found");
    } catch (IOException e) {
      throw new PackageException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return keyLine(file.toString(), text, kind);
  }

  private static String[] keyLine(String source, String text, String kind) {
    String found = null;
    for (String line : text.split("\n")) {
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#")) {
        continue;
      }
      if (found != null) {
        throw new PackageException(source + ": holds more than one key; keep one key per file");
      }
      found = stripped;
    }
    if (found == null) {
      throw new PackageException(source + ": holds no " + kind + " key");
    }
    String[] parts = found.split("\\s+");
    if (parts.length != 2) {
      throw new PackageException(
          source + ": expected one line '<key id> <base64 " + kind + " key>'");
    }
    return parts;
  }

  static void checkKeyId(String keyId) {
    requireNonNull(keyId, "keyId");
    if (!keyId.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new PackageException(
          "key id '" + keyId + "' must be one word of letters, digits, '.', '_' or '-'");
    }
  }

  /** Base64 with a message naming the file. */
  static final class Base64Text {
    private Base64Text() {}

    static byte[] decode(Path source, String text) {
      try {
        return Base64.getDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        throw new PackageException(source + ": the key is not valid base64");
      }
    }
  }
}
