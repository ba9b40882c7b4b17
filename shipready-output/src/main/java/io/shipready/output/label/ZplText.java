package io.shipready.output.label;

import java.util.Optional;

/**
 * What may go into a ZPL field. In field data a caret starts a new command and a tilde a control
 * command, so a serial such as {@code AB^XZ} would end the label early and print the rest as
 * commands; such text is refused rather than escaped, because a unit whose identity holds it is
 * itself the problem.
 */
final class ZplText {
  private ZplText() {}

  /** Why the text cannot be printed, or empty when it can. */
  static Optional<String> problem(String text) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (c == '^') {
        return Optional.of("'^', which ZPL reads as the start of a command");
      }
      if (c == '~') {
        return Optional.of("'~', which ZPL reads as the start of a control command");
      }
      if (Character.isISOControl(c)) {
        return Optional.of(String.format("a control character (U+%04X)", c));
      }
      i += Character.charCount(c);
    }
    return Optional.empty();
  }

  /** Why the text cannot be a QR payload (beyond {@link #problem}), or empty when it can. */
  static Optional<String> qrProblem(String text) {
    Optional<String> zpl = problem(text);
    if (zpl.isPresent()) {
      return zpl;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > '~') {
        return Optional.of(
            "'"
                + text.substring(i, text.offsetByCodePoints(i, 1))
                + "'; QR payloads on labels are printable ASCII so that printer and preview"
                + " encode them alike");
      }
    }
    return Optional.empty();
  }
}
