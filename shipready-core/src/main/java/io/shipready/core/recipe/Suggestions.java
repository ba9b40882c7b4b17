package io.shipready.core.recipe;

import java.util.Collection;
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
    return io.shipready.core.EditDistance.nearest(unknown, known);
  }

  static int distance(String a, String b) {
    return io.shipready.core.EditDistance.between(a, b);
  }
}
