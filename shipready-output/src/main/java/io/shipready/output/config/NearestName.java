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

  static int distance(String a, String b) {
    return io.shipready.core.EditDistance.between(a, b);
  }
}
