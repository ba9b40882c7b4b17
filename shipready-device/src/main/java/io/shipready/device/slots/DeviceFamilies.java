package io.shipready.device.slots;

import io.shipready.core.spi.DeviceDriver;
import io.shipready.device.sim.SimulatedFamilies;
import io.shipready.device.spi.ConsoleFirmware;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The device families a station can build or reach units of: every family the simulator knows,
 * every family with registered console firmware, and every family a registered driver reaches as
 * its own. A recipe naming another would leave the station with no unit to run. Nothing here names
 * a family; each joins by being registered.
 */
public final class DeviceFamilies {
  private DeviceFamilies() {}

  /** Every known family, in alphabetical order. */
  public static Set<String> names() {
    Set<String> names = new TreeSet<>(SimulatedFamilies.names());
    ServiceLoader.load(ConsoleFirmware.class, ConsoleFirmware.class.getClassLoader())
        .forEach(firmware -> names.add(firmware.family()));
    for (DeviceDriver driver : DeviceDrivers.load().all()) {
      names.addAll(driver.families());
    }
    return names;
  }
}
