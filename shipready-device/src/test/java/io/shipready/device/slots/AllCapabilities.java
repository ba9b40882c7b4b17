package io.shipready.device.slots;

import io.shipready.core.spi.Capability;
import io.shipready.core.spi.CloudConnection;
import io.shipready.core.spi.ConnectionInfo;
import io.shipready.core.spi.Console;
import io.shipready.core.spi.Ethernet;
import io.shipready.core.spi.Fuses;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.IdentityWriter;
import io.shipready.core.spi.ImageStore;
import io.shipready.core.spi.ManufacturingStates;
import io.shipready.core.spi.Markings;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Programmer;
import io.shipready.core.spi.Radio;
import io.shipready.core.spi.Recovery;
import io.shipready.core.spi.Sensors;
import io.shipready.core.spi.Settings;
import io.shipready.core.spi.Wifi;
import java.util.List;

/** Every capability interface of the core, to ask a device for each. */
final class AllCapabilities {
  static final List<Class<? extends Capability>> TYPES =
      List.of(
          CloudConnection.class,
          ConnectionInfo.class,
          Console.class,
          Ethernet.class,
          Fuses.class,
          io.shipready.core.spi.FixturePower.class,
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
