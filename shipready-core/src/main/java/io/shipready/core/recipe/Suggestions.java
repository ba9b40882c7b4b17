package io.shipready.core.recipe;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for misspelt keys, kinds, parameters and step ids. */
final class Suggestions {
  private Suggestions() {}

  /**
   * The fix for an unknown name: the nearest known one when it is close enough to be a typo, then
   * the full list, so the author can pick even when the guess is wrong.
   *
   * @param what how the list is introduced, e.g. "step takes" or "known kinds"
   */
  static String fix(String unknown, Collection<String> known, String what) {
    String list = known.isEmpty() ? "(none)" : String.join(", ", known);
    return nearest(unknown, known)
        .map(name -> "did you mean '" + name + "'? " + what + ": " + list)
        .orElse(what + ": " + list);
  }

  static Optional<String> nearest(String unknown, Collection<String> known) {
    String wanted = unknown.toLowerCase(Locale.ROOT);
    // A third of the length catches a dropped, doubled or swapped letter without proposing
    // unrelated short names.
    int tolerance = Math.max(1, Math.min(3, wanted.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(wanted, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
  }

  static int distance(String a, String b) {
    return io.shipready.core.EditDistance.between(a, b);
  }
}
