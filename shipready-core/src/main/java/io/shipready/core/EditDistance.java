package io.shipready.core;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * How many edits turn one name into another, for "did you mean" suggestions everywhere a person
 * types a name (recipes, templates, configs).
 */
public final class EditDistance {
  private EditDistance() {}

  /**
   * The known name nearest to an unknown one, when it is close enough to be a typo of it (case
   * aside): a third of the length, between 1 and 3 edits, catches a dropped, doubled or swapped
   * letter without proposing unrelated short names.
   */
  public static Optional<String> nearest(String unknown, Collection<String> known) {
    String wanted = unknown.toLowerCase(Locale.ROOT);
    int tolerance = Math.max(1, Math.min(3, wanted.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = between(wanted, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
  }

  /** Edit distance where swapping two neighbouring letters counts as one edit. */
  public static int between(String a, String b) {
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
