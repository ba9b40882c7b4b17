package io.shipready.app.assembly;

import io.shipready.core.ShipreadyException;
import io.shipready.core.model.AttachedUnit;
import java.util.List;

/** Slots whose units a caller's own source gives (benchmarks); none is attached on demand. */
final class GivenSlots implements StationSlots {
  private final UnitSupply.Given supply;

  GivenSlots(UnitSupply.Given supply) {
    this.supply = supply;
  }

  @Override
  public List<String> names() {
    return supply.slots();
  }

  @Override
  public AttachedUnit attach(int number, String slot) {
    throw new ShipreadyException("this station's units come from its own source only");
  }

  @Override
  public boolean simulated() {
    return supply.simulated();
  }
}
