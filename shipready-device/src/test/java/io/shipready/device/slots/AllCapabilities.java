package io.shipready.device.slots;

import io.shipready.core.device.Capability;
import io.shipready.core.device.ConnectionInfo;
import io.shipready.core.device.Console;
import io.shipready.core.device.Ethernet;
import io.shipready.core.device.Fuses;
import io.shipready.core.device.Identity;
import io.shipready.core.device.IdentityWriter;
import io.shipready.core.device.ImageStore;
import io.shipready.core.device.ManufacturingStates;
import io.shipready.core.device.Markings;
import io.shipready.core.device.Power;
import io.shipready.core.device.Programmer;
import io.shipready.core.device.Radio;
import io.shipready.core.device.Recovery;
import io.shipready.core.device.Sensors;
import io.shipready.core.device.Settings;
import io.shipready.core.device.Wifi;
import java.util.List;

/** Every capability interface of the core, to ask a device for each. */
final class AllCapabilities {
  static final List<Class<? extends Capability>> TYPES =
      List.of(
          ConnectionInfo.class,
          Console.class,
          Ethernet.class,
          Fuses.class,
          Identity.class,
          IdentityWriter.class,
          ImageStore.class,
          ManufacturingStates.class,
          Markings.class,
          Power.class,
          Programmer.class,
          Radio.class,
          Recovery.class,
          Sensors.class,
          Settings.class,
          Wifi.class);

  private AllCapabilities() {}
}
