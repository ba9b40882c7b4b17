package io.shipready.output.label;

/** Groups a value for people to read: {@code ABCDEF123456} in fours is {@code ABCD-EF12-3456}. */
final class Chunking {
  private Chunking() {}

  /**
   * @param size characters per group; 0 returns the value as it is
   * @param groupsPerLine groups on one line before a line break; 0 for a single line
   */
  static String group(String value, int size, int groupsPerLine) {
    if (size <= 0 || value.length() <= size) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() + value.length() / size + 1);
    int groups = 0;
    for (int start = 0; start < value.length(); start += size) {
      if (groups > 0) {
        out.append(groupsPerLine > 0 && groups % groupsPerLine == 0 ? '\n' : '-');
      }
      out.append(value, start, Math.min(value.length(), start + size));
      groups++;
    }
    return out.toString();
  }
}
