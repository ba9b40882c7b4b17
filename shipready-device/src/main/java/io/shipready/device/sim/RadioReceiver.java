package io.shipready.device.sim;

import io.shipready.core.device.DeviceException;
import io.shipready.core.spi.Radio;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The station's antenna receiving a unit: a fixed RSSI per unit and band, near its nominal. A band
 * may be silent for a while (no firmware advertising yet, not in factory test mode).
 */
public final class RadioReceiver implements Radio {
  private final SimUnit unit;
  private final Map<Band, Nominal> bands;
  private final Function<Band, Optional<String>> silentBecause;

  /**
   * @param silentBecause why a band the unit has is not on the air now, or empty when it is
   */
  public RadioReceiver(
      SimUnit unit, Map<Band, Nominal> bands, Function<Band, Optional<String>> silentBecause) {
    this.unit = unit;
    this.bands = Map.copyOf(bands);
    this.silentBecause = silentBecause;
  }

  @Override
  public double rssiDbm(Band band) throws InterruptedException {
    Nominal nominal = bands.get(band);
    if (nominal == null) {
      throw new DeviceException(
          "a "
              + unit.family
              + " unit has no "
              + band
              + " radio (slot "
              + unit.slot
              + "); measure one of "
              + bands.keySet().stream().sorted().toList(),
          false);
    }
    Firing firing = unit.begin(FaultInjector.rssiOperation(band));
    Optional<String> silent = silentBecause.apply(band);
    if (silent.isPresent()) {
      throw new DeviceException(
          "nothing received on " + band + " from " + unit.where() + ": " + silent.get(), false);
    }
    return firing
        .valueOverride()
        .orElseGet(() -> unit.measured(FaultInjector.rssiOperation(band), nominal));
  }
}
