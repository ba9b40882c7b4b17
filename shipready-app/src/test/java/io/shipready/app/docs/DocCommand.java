package io.shipready.app.docs;

/**
 * One command line of a document's shell block, as a user would paste it.
 *
 * @param document the document's path from the repository root, e.g. {@code README.md}
 * @param line the line it starts on (from 1)
 * @param block which shell block of the document it is in (from 0)
 * @param text the command, continuation lines joined and a trailing comment removed
 */
record DocCommand(String document, int line, int block, String text) {
  /** Where it is, as an editor takes it: {@code README.md:59}. */
  String where() {
    return document + ":" + line;
  }

  /** Ends with {@code &}: the user starts it in the background and goes on. */
  boolean background() {
    return text.endsWith("&") && !text.endsWith("&&");
  }

  /** The command without a trailing {@code &}. */
  String foreground() {
    return background() ? text.substring(0, text.length() - 1).strip() : text;
  }

  /** A shipready command, run through {@code bin/shipready} or a {@code shipready} on the PATH. */
  boolean shipready() {
    return text.startsWith("bin/shipready ") || text.startsWith("shipready ");
  }

  /**
   * The shipready subcommand and its arguments' first word, e.g. {@code station} or {@code
   * backoffice serve}.
   */
  boolean is(String subcommand) {
    String rest = text.substring(text.indexOf("shipready ") + "shipready ".length()).strip();
    return rest.equals(subcommand) || rest.startsWith(subcommand + " ");
  }
}
