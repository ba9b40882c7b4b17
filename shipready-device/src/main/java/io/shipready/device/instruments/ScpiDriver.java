package io.shipready.device.instruments;

import io.shipready.core.spi.Capability;
import io.shipready.core.spi.DeviceDriver;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Radio;
import io.shipready.core.spi.Sensors;
import io.shipready.core.spi.SlotBinding;
import io.shipready.core.spi.SlotSettings;
import io.shipready.device.gdb.Endpoint;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code scpi} driver: a power supply or meter at the slot that speaks SCPI over a raw TCP
 * socket, usually a slot's {@code fixture}. Keys: {@code address} (required, {@code host:port};
 * port 5025 when left out), {@code timeout} (5s, per reply), {@code off_time} (1s, how long a
 * restart keeps the output off), {@code queries} ({@code {quantity: "SCPI query"}}, more quantities
 * to measure; {@code rssi:ble}, {@code rssi:wifi} and {@code rssi:cellular} are read as the unit's
 * RSSI in dBm and give the slot Radio, for an RF tester at the slot).
 */
public final class ScpiDriver implements DeviceDriver {
  public static final int DEFAULT_PORT = 5025;

  @Override
  public String name() {
    return "scpi";
  }

  @Override
  public String description() {
    return "a power supply or meter speaking SCPI over TCP: power-cycles and measures the unit";
  }

  @Override
  public SlotBinding bind(SlotSettings settings) {
    String text = settings.string("address");
    Endpoint address;
    try {
      address = Endpoint.parse(text.contains(":") ? text : text + ":" + DEFAULT_PORT);
    } catch (IllegalArgumentException bad) {
      throw settings.error("address", "is wrong: " + bad.getMessage());
    }
    Duration timeout = settings.duration("timeout", Duration.ofSeconds(5));
    Duration offTime = settings.duration("off_time", Duration.ofSeconds(1));
    SlotSettings block = settings.section("queries");
    Map<String, String> queries = new LinkedHashMap<>();
    for (String quantity : block.keys()) {
      queries.put(quantity, block.string(quantity));
    }
    String slot = settings.slot();
    Set<Class<? extends Capability>> capabilities =
        ScpiInstrument.measuresRssi(queries)
            ? Set.of(Power.class, Sensors.class, Radio.class)
            : Set.of(Power.class, Sensors.class);
    return new SlotBinding() {
      private final ScpiConnection connection = new ScpiConnection(address, timeout);

      @Override
      public Set<Class<? extends Capability>> capabilities() {
        return capabilities;
      }

      @Override
      public ScpiInstrument attach(int number, String serial) {
        return new ScpiInstrument(slot, connection, offTime, queries);
      }

      @Override
      public void close() {
        connection.close();
      }
    };
  }
}
