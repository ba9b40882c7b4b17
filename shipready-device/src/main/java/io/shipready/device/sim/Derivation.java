package io.shipready.device.sim;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Values that are a pure function of the fleet's seed and a label (unit number, family, what the
 * value is for). Hash-based rather than a shared random generator, so the value of one unit never
 * depends on how many other units or values were made before it.
 */
public final class Derivation {
  private final long seed;

  Derivation(long seed) {
    this.seed = seed;
  }

  /** {@code length} bytes for the label, SHA-256 in counter mode. */
  public byte[] bytes(String label, int length) {
    byte[] out = new byte[length];
    int filled = 0;
    for (int block = 0; filled < length; block++) {
      byte[] digest = digest(label, block);
      int n = Math.min(digest.length, length - filled);
      System.arraycopy(digest, 0, out, filled, n);
      filled += n;
    }
    return out;
  }

  public long number(String label) {
    return ByteBuffer.wrap(bytes(label, Long.BYTES)).getLong();
  }

  /** Uniform in [0, 1). */
  public double uniform(String label) {
    return (number(label) >>> 11) * 0x1.0p-53;
  }

  /** Standard normal, cut at three standard deviations so no value is a freak. */
  public double gaussian(String label) {
    double u1 = Math.max(uniform(label + "#u1"), 0x1.0p-53);
    double u2 = uniform(label + "#u2");
    double g = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return Math.max(-3, Math.min(3, g));
  }

  public String hex(String label, int hexDigits) {
    String hex = HexFormat.of().formatHex(bytes(label, (hexDigits + 1) / 2));
    return hex.substring(0, hexDigits);
  }

  /** A number in [0, bound). */
  public long below(String label, long bound) {
    return Math.floorMod(number(label), bound);
  }

  private byte[] digest(String label, int block) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(
          ByteBuffer.allocate(Long.BYTES + Integer.BYTES).putLong(seed).putInt(block).array());
      sha.update(label.getBytes(StandardCharsets.UTF_8));
      return sha.digest();
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java runtime has SHA-256", impossible);
    }
  }
}
