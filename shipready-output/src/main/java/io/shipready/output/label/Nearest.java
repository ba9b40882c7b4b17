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

  /** Edit distance where swapping two neighbouring letters counts as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
