package io.shipready.core.spi;

import java.time.Duration;
import java.util.List;

/**
 * Asks the operator of a slot something and waits for the answer: on the console, on the station's
 * web page, or answered by a script in a dry run.
 */
public interface Prompter {

  /** What kind of answer a prompt wants. */
  enum Kind {
    CONFIRM,
    CHOOSE,
    VALUE,
    SCAN
  }

  /** A question for the operator at a slot. */
  record Prompt(String slot, Kind kind, String message, List<String> choices, String image) {
    public Prompt {
      choices = List.copyOf(choices);
    }
  }

  /**
   * Waits for the answer.
   *
   * @throws InterruptedException when the step is cancelled while waiting
   * @throws StepFailedException when the operator declines or nobody answers in time
   */
  String ask(Prompt prompt, Duration timeout) throws InterruptedException;
}
