package io.shipready.output.config;

import static java.util.Objects.requireNonNull;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The engineer PIN or password of a station, kept in the configuration only as a salted PBKDF2
 * hash: {@code pbkdf2-sha256:<iterations>:<salt, base64>:<hash, base64>}. The PIN itself is never
 * written to a file or a log.
 */
public final class EngineerPin {
  private static final String PREFIX = "pbkdf2-sha256";
  private static final int ITERATIONS = 210_000;
  private static final int BITS = 256;

  private EngineerPin() {}

  /** A new hash of the PIN, with a fresh salt, to put in the configuration. */
  public static String hash(char[] pin) {
    requireNonNull(pin, "pin");
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    Base64.Encoder base64 = Base64.getEncoder();
    return PREFIX
        + ":"
        + ITERATIONS
        + ":"
        + base64.encodeToString(salt)
        + ":"
        + base64.encodeToString(derive(pin, salt, ITERATIONS));
  }

  /** True when the text has the shape {@link #hash} writes. */
  public static boolean isWellFormed(String stored) {
    try {
      parse(stored);
      return true;
    } catch (IllegalArgumentException bad) {
      return false;
    }
  }

  /** True when the PIN is the one the stored hash was made from (compared in constant time). */
  public static boolean matches(String stored, char[] pin) {
    requireNonNull(pin, "pin");
    Parsed parsed = parse(stored);
    return MessageDigest.isEqual(parsed.hash(), derive(pin, parsed.salt(), parsed.iterations()));
  }

  private record Parsed(int iterations, byte[] salt, byte[] hash) {}

  private static Parsed parse(String stored) {
    if (stored == null) {
      throw new IllegalArgumentException("no hash");
    }
    String[] parts = stored.strip().split(":");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      throw new IllegalArgumentException("not " + PREFIX + ":<iterations>:<salt>:<hash>");
    }
    int iterations = Integer.parseInt(parts[1]);
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be positive");
    }
    Base64.Decoder base64 = Base64.getDecoder();
    byte[] salt = base64.decode(parts[2]);
    byte[] hash = base64.decode(parts[3]);
    if (salt.length < 8 || hash.length != BITS / 8) {
      throw new IllegalArgumentException("salt or hash has the wrong length");
    }
    return new Parsed(iterations, salt, hash);
  }

  private static byte[] derive(char[] pin, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException missing) {
      throw new IllegalStateException("this Java runtime has no PBKDF2WithHmacSHA256", missing);
    } finally {
      spec.clearPassword();
    }
  }
}
