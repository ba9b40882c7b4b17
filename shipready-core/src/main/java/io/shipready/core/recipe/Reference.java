package io.shipready.core.recipe;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.SourceLocation;

/**
 * A name one part of a recipe uses for another (a step id, an instrument), and where it is used.
 */
record Reference(String name, SourceLocation location) {
  Reference {
    requireNonNull(name, "name");
    requireNonNull(location, "location");
  }
}
