package io.shipready.core.yaml;

import static java.util.Objects.requireNonNull;

import io.shipready.core.ShipreadyException;
import io.shipready.core.model.SourceLocation;

/** A YAML file that cannot be read: where (file:line:column), what is wrong, and the fix. */
public final class YamlInputException extends ShipreadyException {
  private final SourceLocation location;
  private final String problem;
  private final String fix;

  /**
   * @param fix what to do about it; blank when the problem already says
   */
  public YamlInputException(SourceLocation location, String problem, String fix) {
    super(location + ": " + problem + (fix.isBlank() ? "" : " (" + fix + ")"));
    this.location = requireNonNull(location, "location");
    this.problem = requireNonNull(problem, "problem");
    this.fix = requireNonNull(fix, "fix");
  }

  public SourceLocation location() {
    return location;
  }

  public String problem() {
    return problem;
  }

  public String fix() {
    return fix;
  }
}
