package io.shipready.device.sim;

/** What a simulated console does with a command: answers it, or stays silent (and why). */
public record ConsoleReply(String text, String silentBecause) {
  public static ConsoleReply text(String text) {
    return new ConsoleReply(text, null);
  }

  public static ConsoleReply silent(String because) {
    return new ConsoleReply(null, because);
  }

  boolean silent() {
    return text == null;
  }
}
