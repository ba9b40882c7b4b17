package io.shipready.store.internal;

import io.shipready.core.model.Identifier;
import java.util.List;
import java.util.Locale;

/**
 * What never leaves the station in a CFX message: a unit's mobile secret (the claim code printed
 * for the owner), keys, passwords, tokens. A line may name its own identifier kinds, so any kind
 * whose name has one of these words is kept back too.
 */
final class CfxSecrets {
  private static final List<String> WORDS =
      List.of("secret", "key", "password", "passphrase", "token", "claim", "pin", "credential");

  private CfxSecrets() {}

  static boolean isSecret(String kind) {
    if (kind == null) {
      return false;
    }
    String lower = kind.toLowerCase(Locale.ROOT);
    if (lower.equals(Identifier.MOBILE_SECRET)) {
      return true;
    }
    // By whole words of the name (mobile_secret, claim-code, api.key), so "shipping" is no "pin".
    for (String part : lower.split("[^a-z0-9]+")) {
      if (WORDS.contains(part)
          || (part.endsWith("s") && WORDS.contains(part.substring(0, part.length() - 1)))) {
        return true;
      }
    }
    return false;
  }
}
