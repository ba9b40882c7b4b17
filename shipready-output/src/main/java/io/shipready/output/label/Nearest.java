package io.shipready.output.label;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for a misspelt key or name. */
final class Nearest {
  private Nearest() {}

  /** The fix for an unknown name: the nearest known one when it looks like a typo, then all. */
  static String fix(String unknown, Collection<String> known, String listIntro) {
    String list = String.join(", ", known);
    return to(unknown, known)
        .map(name -> "did you mean " + name + "? " + listIntro + ": " + list)
        .orElse(listIntro + ": " + list);
  }

  static Optional<String> to(String unknown, Collection<String> known) {
    String wanted = unknown.toLowerCase(Locale.ROOT);
    if (wanted.length() >= 3) {
      // A name cut short ("width_in") means the one it starts.
      for (String candidate : known) {
        if (candidate.toLowerCase(Locale.ROOT).startsWith(wanted)) {
          return Optional.of(candidate);
        }
      }
    }
    // A third of the length catches a dropped, doubled or swapped letter (or a case slip, which
    // costs nothing here) without proposing unrelated short names.
    int tolerance = Math.max(1, Math.min(4, wanted.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(wanted, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= tolerance ? Optional.ofNullable(best) : Optional.empty();
  }

  static int distance(String a, String b) {
    return io.shipready.core.EditDistance.between(a, b);
  }
}
