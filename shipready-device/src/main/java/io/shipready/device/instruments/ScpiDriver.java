package io.shipready.device.instruments;

import io.shipready.core.ShipreadyException;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.DeviceDriver;
import io.shipready.core.spi.FixturePower;
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
 * The {@code scpi} driver: a programmable power supply or meter at the slot that speaks SCPI over a
 * raw TCP socket, usually a slot's {@code fixture}. Keys: {@code address} (required, {@code
 * host:port}, {@code host} for port 5025, or a VISA resource string {@code
 * TCPIP0::host::5025::SOCKET} / {@code TCPIP0::host::INSTR}), {@code timeout} (5s, per reply),
 * {@code off_time} (1s, how long a restart keeps the output off), {@code queries} ({@code
 * {quantity: "SCPI query"}} or {@code {quantity: {query: "...", units: V}}}, more quantities to
 * measure; {@code rssi:ble}, {@code rssi:wifi} and {@code rssi:cellular} are read as the unit's
 * RSSI in dBm and give the slot Radio, for an RF tester at the slot).
 */
public final class ScpiDriver implements DeviceDriver {
  public static final int DEFAULT_PORT = ScpiAddress.DEFAULT_PORT;

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
    Endpoint address = address(settings);
    Duration timeout = settings.duration("timeout", Duration.ofSeconds(5));
    Duration offTime = settings.duration("off_time", Duration.ofSeconds(1));
    SlotSettings block = settings.section("queries");
    Map<String, ScpiInstrument.Reading> queries = new LinkedHashMap<>();
    for (String quantity : block.keys()) {
      queries.put(quantity, reading(block, quantity));
    }
    String slot = settings.slot();
    Set<Class<? extends Capability>> capabilities =
        ScpiInstrument.measuresRssi(queries)
            ? Set.of(Power.class, FixturePower.class, Sensors.class, Radio.class)
            : Set.of(Power.class, FixturePower.class, Sensors.class);
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

  /** The slot's {@code address}: host:port, host, or a LAN VISA resource string. */
  public static Endpoint address(SlotSettings settings) {
    String text = settings.string("address");
    try {
      return ScpiAddress.parse(text);
    } catch (IllegalArgumentException bad) {
      throw settings.error("address", "is wrong: " + bad.getMessage());
    }
  }

  /** A query as text ({@code "MEAS:TEMP?"}), or as {@code {query: ..., units: ...}}. */
  private static ScpiInstrument.Reading reading(SlotSettings block, String quantity) {
    try {
      return ScpiInstrument.Reading.of(block.string(quantity));
    } catch (ShipreadyException notText) {
      // a mapping: read below, with its own keys checked
    }
    SlotSettings inner = block.section(quantity);
    return new ScpiInstrument.Reading(
        inner.string("query"), inner.optionalString("units", null), 1);
  }
}
