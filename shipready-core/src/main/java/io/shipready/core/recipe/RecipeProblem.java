package io.shipready.core.recipe;

import io.shipready.core.model.SourceLocation;

/** One thing wrong with a recipe, where it is, and what to do about it. */
public record RecipeProblem(SourceLocation location, String message, String fix) {
  @Override
  public String toString() {
    return location + ": " + message + (fix == null || fix.isBlank() ? "" : " (" + fix + ")");
  }
}
