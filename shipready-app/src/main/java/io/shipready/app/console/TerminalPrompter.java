package io.shipready.app.console;

import static java.util.Objects.requireNonNull;

import io.shipready.core.spi.Prompter;
import io.shipready.core.step.StepFailedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * The operator at the station's terminal: each question names its slot, and the answer (a scan from
 * a keyboard-wedge scanner, a typed value, yes) is the next line typed. Questions from many slots
 * are asked one at a time, so a scan always belongs to the slot that asked for it. When the input
 * ends, nobody is there to answer and the step fails saying so.
 */
public final class TerminalPrompter implements Prompter {
  private final BufferedReader in;
  private final PrintWriter out;

  public TerminalPrompter(BufferedReader in, PrintWriter out) {
    this.in = requireNonNull(in, "in");
    this.out = requireNonNull(out, "out");
  }

  @Override
  public synchronized String ask(Prompt prompt, Duration timeout) {
    String choices =
        prompt.choices().isEmpty() ? "" : " [" + String.join(" / ", prompt.choices()) + "]";
    out.println("slot " + prompt.slot() + ": " + prompt.message() + choices);
    out.flush();
    String line;
    try {
      line = in.readLine();
    } catch (IOException unreadable) {
      throw new StepFailedException(
          "cannot read the operator's answer: " + unreadable.getMessage());
    }
    if (line == null) {
      throw new StepFailedException(
          "nobody at the terminal to answer '"
              + prompt.message()
              + "' for slot "
              + prompt.slot()
              + "; run the station from its page (shipready station) or give the answers on"
              + " standard input");
    }
    String answer = line.strip();
    if (prompt.kind() == Kind.CHOOSE
        && !prompt.choices().isEmpty()
        && !prompt.choices().contains(answer)) {
      throw new StepFailedException(
          "slot " + prompt.slot() + ": '" + answer + "' is not one of " + prompt.choices());
    }
    return answer;
  }
}
