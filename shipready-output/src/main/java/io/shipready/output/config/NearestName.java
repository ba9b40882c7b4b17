package io.shipready.output.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for misspelt keys. */
final class NearestName {
  private NearestName() {}

  /**
   * The known name closest to {@code unknown}, when it is close enough to be a typo: a third of the
   * length catches a dropped, doubled or swapped letter without proposing unrelated names. Case and
   * the separators people add ({@code part_no}, {@code Part No}) do not count.
   */
  static Optional<String> of(String unknown, Collection<String> known) {
    String wanted = simplified(unknown);
    int tolerance = Math.max(1, Math.min(3, wanted.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(wanted, simplified(candidate));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= tolerance ? Optional.ofNullable(best) : Optional.empty();
  }

  private static String simplified(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
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
