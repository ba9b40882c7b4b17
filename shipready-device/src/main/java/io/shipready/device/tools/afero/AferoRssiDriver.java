package io.shipready.device.tools.afero;

import io.shipready.core.spi.Capability;
import io.shipready.core.spi.DeviceDriver;
import io.shipready.core.spi.Radio;
import io.shipready.core.spi.SlotBinding;
import io.shipready.core.spi.SlotSettings;
import io.shipready.device.gdb.Endpoint;
import io.shipready.device.instruments.ScpiConnection;
import io.shipready.device.instruments.ScpiDriver;
import io.shipready.device.tools.ToolDevice;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The {@code afero-rssi} driver: the receiver of an Afero RSSI validation fixture, usually a slot's
 * {@code fixture}. Afero's validation station measures at the station, not on the module: it hears
 * the product's BLE advertisement, or the Wi-Fi access point the module raises in factory test
 * mode, and judges its RSSI. The receiver speaks SCPI over TCP ({@link AferoRssiReceiver}). Keys:
 * {@code address} (required, {@code host:port}; 5025 when the port is left out), {@code timeout}
 * (5s, per reply).
 */
public final class AferoRssiDriver implements DeviceDriver {
  public static final String NAME = "afero-rssi";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> families() {
    return List.of(AferoAsrFirmware.FAMILY);
  }

  @Override
  public String description() {
    return "the RSSI receiver of an Afero validation fixture (BLE advertisement, Wi-Fi test AP)";
  }

  @Override
  public SlotBinding bind(SlotSettings settings) {
    Endpoint address = ScpiDriver.address(settings);
    Duration timeout = settings.duration("timeout", Duration.ofSeconds(5));
    String slot = settings.slot();
    return new SlotBinding() {
      private final ScpiConnection connection = new ScpiConnection(address, timeout);

      @Override
      public Set<Class<? extends Capability>> capabilities() {
        return Set.of(Radio.class);
      }

      @Override
      public ToolDevice attach(int number, String serial) {
        return ToolDevice.builder(slot, AferoAsrFirmware.FAMILY)
            .with(Radio.class, new AferoRssiReceiver(connection))
            .build();
      }

      @Override
      public void close() {
        connection.close();
      }
    };
  }
}
