package io.shipready.device.sim;

import io.shipready.core.device.DeviceException;
import io.shipready.core.spi.Sensors;
import java.util.Map;

/** The fixture's meters on a unit: each quantity a fixed value per unit, near its nominal. */
public final class FixtureSensors implements Sensors {
  private final SimUnit unit;
  private final Map<String, Nominal> quantities;

  public FixtureSensors(SimUnit unit, Map<String, Nominal> quantities) {
    this.unit = unit;
    this.quantities = Map.copyOf(quantities);
  }

  @Override
  public double read(String quantity) throws InterruptedException {
    Nominal nominal = quantities.get(quantity);
    if (nominal == null) {
      throw new DeviceException(
          "the fixture at slot "
              + unit.slot
              + " has no meter for '"
              + quantity
              + "' on a "
              + unit.family
              + " unit; measure one of "
              + quantities.keySet().stream().sorted().toList(),
          false);
    }
    Firing firing = unit.begin("sensor:" + quantity);
    return firing.valueOverride().orElseGet(() -> unit.measured("sensor:" + quantity, nominal));
  }
}
