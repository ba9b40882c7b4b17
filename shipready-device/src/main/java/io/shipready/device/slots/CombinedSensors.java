package io.shipready.device.slots;

import io.shipready.core.spi.Sensors;
import io.shipready.device.spi.KnownQuantities;

/**
 * A slot where the driver and the fixture both measure (a J-Link's target voltage beside a power
 * supply's voltage and current): each quantity goes to the one that says it measures it, the driver
 * first; a quantity neither names goes to the fixture, whose message lists what it has.
 */
record CombinedSensors(Sensors driver, Sensors fixture) implements Sensors {
  @Override
  public double read(String quantity) throws InterruptedException {
    if (driver instanceof KnownQuantities known && known.quantities().contains(quantity)) {
      return driver.read(quantity);
    }
    if (fixture instanceof KnownQuantities known
        && !known.quantities().contains(quantity)
        && !(driver instanceof KnownQuantities)) {
      return driver.read(quantity);
    }
    return fixture.read(quantity);
  }
}
