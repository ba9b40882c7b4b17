package io.shipready.app.simulate;

import io.shipready.core.spi.Prompter;
import io.shipready.core.step.StepFailedException;
import java.time.Duration;

/**
 * The operator of a dry run: confirms, picks the first choice, enters nothing. A scan it cannot
 * answer fails the step, since a simulated unit's markings are read by the simulator itself.
 */
public final class AutoAnswerPrompter implements Prompter {
  @Override
  public String ask(Prompt prompt, Duration timeout) {
    return switch (prompt.kind()) {
      case CONFIRM -> "yes";
      case CHOOSE -> prompt.choices().isEmpty() ? "" : prompt.choices().get(0);
      case VALUE -> "";
      case SCAN ->
          throw new StepFailedException(
              "nobody to scan '" + prompt.message() + "' in a simulated run");
    };
  }
}
