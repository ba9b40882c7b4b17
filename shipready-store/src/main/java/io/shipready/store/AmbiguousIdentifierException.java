package io.shipready.store;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * More than one unit carries the identifier that was asked for (the same value as two kinds of
 * identifier, a duplicated MAC, a component moved from one unit to another).
 */
public class AmbiguousIdentifierException extends StoreException {
  /** One unit that carries the identifier, and as what. */
  public record Candidate(String kind, long unitId, String unitName) {
    public Candidate {
      requireNonNull(kind, "kind");
      requireNonNull(unitName, "unitName");
    }

    @Override
    public String toString() {
      return "as " + kind + " of unit " + unitName + " (unit #" + unitId + ")";
    }
  }

  private final String identifier;
  private final List<Candidate> candidates;

  public AmbiguousIdentifierException(String identifier, List<Candidate> candidates) {
    super(message(identifier, candidates));
    this.identifier = identifier;
    this.candidates = List.copyOf(candidates);
  }

  public String identifier() {
    return identifier;
  }

  public List<Candidate> candidates() {
    return candidates;
  }

  private static String message(String identifier, List<Candidate> candidates) {
    String example =
        candidates.isEmpty() ? "serial=" + identifier : candidates.get(0).kind() + "=" + identifier;
    return "The identifier '"
        + identifier
        + "' is carried by "
        + candidates.stream().map(c -> c.unitId()).distinct().count()
        + " units:\n"
        + candidates.stream().map(c -> "  " + c).collect(Collectors.joining("\n"))
        + "\nUse a more specific identifier: another of the unit's identifiers (its serial or"
        + " device id), or name the kind, as in '"
        + example
        + "'.";
  }
}
