package io.shipready.backoffice.provisioning.auth;

import io.shipready.core.ShipreadyException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a token may do within its product. */
public enum Scope {
  DEVICES_IMPORT("devices:import"),
  SIMS_ACTIVATE("sims:activate"),
  GROUPS_UPDATE("groups:update"),
  DEVICES_UPDATE("devices:update"),
  DEVICES_CLAIM("devices:claim"),
  DEVICES_READ("devices:read");

  private final String text;

  Scope(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  /** Parses {@code devices:import}; {@code all} is not a scope (give each one). */
  public static Scope parse(String text) {
    for (Scope scope : values()) {
      if (scope.text.equals(text.trim())) {
        return scope;
      }
    }
    throw new ShipreadyException("Unknown scope '" + text + "': use one or more of " + allText());
  }

  public static String allText() {
    return Arrays.stream(values()).map(Scope::text).collect(Collectors.joining(", "));
  }
}
