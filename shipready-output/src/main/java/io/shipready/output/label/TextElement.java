package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

/**
 * One line of text placed at the printer's resolution.
 *
 * @param key the template key it came from, e.g. "aId" or "text.serial"
 * @param x left edge in dots
 * @param y top edge in dots
 * @param height character height in dots
 * @param width character width in dots
 */
public record TextElement(String key, String text, int x, int y, int height, int width) {
  public TextElement {
    requireNonNull(key, "key");
    requireNonNull(text, "text");
  }
}
