package io.shipready.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Values a record may hold but nothing shows in plain text: a unit's mobile secret (the claim code
 * printed for its owner), keys, passwords, tokens. The record keeps what the recipe asked it to
 * keep; exports, traces, reports and the console show a fingerprint instead, {@code sha256:} and
 * the SHA-256 of the value, which matches a secret someone holds without giving it away.
 */
public final class Secrets {
  private static final List<String> WORDS =
      List.of("secret", "key", "password", "passphrase", "token", "claim", "pin", "credential");

  /** What a shown secret starts with. */
  public static final String PREFIX = "sha256:";

  private Secrets() {}

  /**
   * Whether values of this kind (an identifier kind, an attribute name) are secret: the mobile
   * secret, or a name with one of the words secret, key, password, passphrase, token, claim, pin,
   * credential (whole words, so "shipping" is no "pin").
   */
  public static boolean isSecret(String kind) {
    if (kind == null) {
      return false;
    }
    String lower = kind.toLowerCase(Locale.ROOT);
    if (lower.equals(Identifier.MOBILE_SECRET)) {
      return true;
    }
    for (String part : lower.split("[^a-z0-9]+")) {
      if (WORDS.contains(part)
          || (part.endsWith("s") && WORDS.contains(part.substring(0, part.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  /** The fingerprint shown for a secret value: {@code sha256:<64 hex digits>}. */
  public static String fingerprint(String value) {
    if (value.startsWith(PREFIX)) {
      return value;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The value as it may be shown: its fingerprint when the kind is secret, else itself. */
  public static String shown(String kind, String value) {
    return isSecret(kind) ? fingerprint(value) : value;
  }

  /** The identifier as it may be shown. */
  public static Identifier shown(Identifier id) {
    return isSecret(id.kind()) ? new Identifier(id.kind(), fingerprint(id.value())) : id;
  }
}
