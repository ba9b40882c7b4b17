package io.shipready.app.station;

import java.util.Locale;

/**
 * Who may do what on the station page. An operator runs units and answers prompts; an engineer also
 * stops runs and the station, after giving the engineer PIN.
 */
public enum Role {
  OPERATOR,
  ENGINEER;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
