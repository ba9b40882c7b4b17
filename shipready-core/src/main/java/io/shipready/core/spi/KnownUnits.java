package io.shipready.core.spi;

import io.shipready.core.ShipreadyException;
import io.shipready.core.model.Identifier;
import java.util.List;
import java.util.Optional;

/**
 * The units earlier runs recorded: how a later station (product label, RSSI check) makes sure the
 * unit in front of it is one the line built, and not a stray label.
 */
public interface KnownUnits {
  /** For a station without records: every look-up stops with the fix. */
  KnownUnits NONE =
      (identifiers, excludingRun) -> {
        throw new ShipreadyException(
            "this station keeps no records, so it cannot look a unit up; run it with a store"
                + " (--db)");
      };

  /**
   * The unit that owns one of these identifiers, with the outcomes of its runs other than {@code
   * excludingRun}; empty when no earlier run recorded any of them.
   */
  Optional<KnownUnit> find(List<Identifier> identifiers, String excludingRun);

  /**
   * A unit earlier runs recorded.
   *
   * @param reference how people find it again (its serial or first identifier)
   * @param runs each earlier run, oldest first
   */
  record KnownUnit(String reference, List<EarlierRun> runs) {
    public KnownUnit {
      runs = List.copyOf(runs);
    }

    /** Whether a run of the recipe (any recipe when null) passed. */
    public boolean passed(String recipe) {
      return runs.stream()
          .anyMatch(
              r -> "PASS".equals(r.outcome()) && (recipe == null || recipe.equals(r.recipe())));
    }
  }

  /** One earlier run: its recipe and outcome (PASS, FAIL, ERROR, ABORTED; empty while open). */
  record EarlierRun(String runId, String recipe, String outcome) {}
}
