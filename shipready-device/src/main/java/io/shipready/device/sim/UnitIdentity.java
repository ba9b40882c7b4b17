package io.shipready.device.sim;

import io.shipready.core.model.Identifier;
import io.shipready.core.spi.Identity;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What a unit says about itself: identifiers fixed at birth, versions that follow its flash. */
public final class UnitIdentity implements Identity {
  private final SimUnit unit;
  private final List<Identifier> identifiers;
  private final Supplier<Map<String, String>> versions;

  public UnitIdentity(
      SimUnit unit, List<Identifier> identifiers, Supplier<Map<String, String>> versions) {
    this.unit = unit;
    this.identifiers = List.copyOf(identifiers);
    this.versions = versions;
  }

  @Override
  public List<Identifier> identifiers() {
    unit.beginUninterruptibly("identify");
    return identifiers;
  }

  @Override
  public Map<String, String> versions() {
    unit.beginUninterruptibly("identify");
    return Map.copyOf(versions.get());
  }
}
