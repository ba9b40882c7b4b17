package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

/**
 * One block of human-readable text. Sizes and positions are dots at the template's dpi.
 *
 * @param key where the block is in the template, e.g. "aId" or "text.serial"; errors name it
 * @param value the text, with the unit's fields in braces
 * @param font character height
 * @param fontWidth character width
 * @param chunk 0 to print field values as they are, or the group size: 4 prints {@code
 *     ABCD-EF12-3456}
 * @param groupsPerLine 0 for one line, or how many groups go on a line before the next starts
 * @param lineSpacing distance from one line's top to the next line's top
 */
public record TextBlock(
    String key,
    ValueTemplate value,
    int font,
    int fontWidth,
    int x,
    int y,
    int chunk,
    int groupsPerLine,
    int lineSpacing) {
  public TextBlock {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
  }
}
