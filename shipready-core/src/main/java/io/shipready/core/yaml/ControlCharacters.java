package io.shipready.core.yaml;

import io.shipready.core.model.SourceLocation;

/**
 * Control characters (NUL, escape, backspace...) have no place in a hand-written file: they are
 * invisible in an editor, and a value holding one would be recorded and printed as something other
 * than what the author sees. Tabs and line breaks are text.
 */
final class ControlCharacters {
  private ControlCharacters() {}

  static void refuse(String source, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
        throw new YamlInputException(
            location(source, text, i),
            "control character U+" + String.format("%04X", (int) c) + " in the file",
            "remove it (editors often do not show it); to mean it in a value, write it as an"
                + " escape in double quotes, e.g. \"\\x07\"");
      }
    }
  }

  /** The 1-based line and column of a character, counting \n, \r\n and \r as line breaks. */
  static SourceLocation location(String source, String text, int index) {
    int line = 1;
    int lineStart = 0;
    int end = Math.min(index, text.length());
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    return new SourceLocation(source, line, end - lineStart + 1);
  }
}
