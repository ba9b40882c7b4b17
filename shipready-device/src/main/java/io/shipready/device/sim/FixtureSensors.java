package io.shipready.device.sim;

import io.shipready.core.device.DeviceException;
import io.shipready.core.spi.Sensors;
import java.util.Map;

/** The fixture's meters on a unit: each quantity a fixed value per unit, near its nominal. */
public final class FixtureSensors implements Sensors {
  private final SimUnit unit;
  private final Map<String, Nominal> quantities;

  private final SimSupply supply;

  public FixtureSensors(SimUnit unit, Map<String, Nominal> quantities) {
    this(unit, quantities, null);
  }

  /**
   * @param supply the fixture's programmable supply, or null: once a step set it, the voltages read
   *     follow it ({@link #SUPPLIED}), and nothing is drawn with its output off
   */
  public FixtureSensors(SimUnit unit, Map<String, Nominal> quantities, SimSupply supply) {
    this.unit = unit;
    this.quantities = Map.copyOf(quantities);
    this.supply = supply;
  }

  /** The quantities that read the supply's voltage. */
  static final java.util.Set<String> SUPPLIED =
      java.util.Set.of("supply_voltage", "target_voltage");

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
    java.util.OptionalDouble fed =
        supply == null ? java.util.OptionalDouble.empty() : supply.outputVolts();
    if (fed.isPresent()) {
      if (fed.getAsDouble() == 0) {
        return firing.valueOverride().orElse(0.0);
      }
      if (SUPPLIED.contains(quantity)) {
        nominal = new Nominal(fed.getAsDouble(), nominal.sigma(), nominal.decimals());
      }
    }
    Nominal judged = nominal;
    return firing.valueOverride().orElseGet(() -> unit.measured("sensor:" + quantity, judged));
  }
}
