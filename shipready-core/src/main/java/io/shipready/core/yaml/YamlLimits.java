package io.shipready.core.yaml;

/**
 * How much YAML shipready reads from one file. A recipe or a config is written by hand; these are
 * far above what one needs and far below what would exhaust a station's memory or stack, so a
 * broken or hostile file is refused with a message instead of stopping the program.
 *
 * @param maxDepth the most nested lists and mappings, counting those reached through aliases
 * @param maxAliasExpansion the most values aliases may stand for in all, so that a few lines of
 *     aliases of aliases cannot expand into billions of values
 * @param maxBytes the largest file read
 * @param maxSteps the most steps one recipe section holds
 */
public record YamlLimits(int maxDepth, long maxAliasExpansion, long maxBytes, int maxSteps) {
  /** The limits every reader applies. */
  public static final YamlLimits DEFAULT = new YamlLimits(50, 100_000, 8L * 1024 * 1024, 20_000);

  public YamlLimits {
    if (maxDepth < 1 || maxAliasExpansion < 0 || maxBytes < 1 || maxSteps < 1) {
      throw new IllegalArgumentException("YAML limits must be positive");
    }
  }

  /** The largest file, in words, e.g. "8 MiB". */
  public String maxSize() {
    return maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MiB" : maxBytes + " bytes";
  }
}
