package io.shipready.core.spi;

import io.shipready.core.model.Identifier;
import java.util.List;
import java.util.Optional;

/**
 * Whether the unit in front of a station may be worked on here: the line's route (the stations it
 * must have passed first, and that it is neither scrapped nor waiting for repair). The engine asks
 * once per run, when the unit is identified and before any step that is not identification runs; a
 * refusal ends the run as FAIL without touching the unit.
 */
public interface RouteCheck {
  /** A station outside any line: every unit may be worked on. */
  RouteCheck NONE = (identifiers, runId) -> Optional.empty();

  /**
   * Why the unit carrying these identifiers may not be worked on here (naming what is missing and
   * the fix); empty when it may.
   *
   * @param runId the run asking, which does not count as an earlier run
   */
  Optional<String> refusal(List<Identifier> identifiers, String runId);
}
