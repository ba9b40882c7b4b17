package io.shipready.store.internal;

import io.shipready.core.model.Secrets;

/**
 * What never leaves the station in a CFX message: a unit's mobile secret (the claim code printed
 * for the owner), keys, passwords, tokens ({@link Secrets#isSecret}). A line may name its own
 * identifier kinds, so any kind whose name has one of those words is kept back too.
 */
final class CfxSecrets {
  private CfxSecrets() {}

  static boolean isSecret(String kind) {
    return Secrets.isSecret(kind);
  }
}
