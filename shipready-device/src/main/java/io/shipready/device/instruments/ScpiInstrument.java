package io.shipready.device.instruments;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.DeviceException;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Radio;
import io.shipready.core.spi.Sensors;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A power supply (or meter) at a slot, over SCPI: it restarts the unit by switching its output off
 * and on again (Power), and measures the unit's supply (Sensors): {@code supply_voltage} and {@code
 * voltage} in volts ({@code MEAS:VOLT?}), {@code current} and {@code current_a} in amperes and
 * {@code current_ma} in milliamperes ({@code MEAS:CURR?}), plus the quantities the slot map's
 * {@code queries} name, in the instrument's own units. An RF tester's queries named {@code
 * rssi:<band>} (ble, wifi, cellular) also give the unit's RSSI in dBm (Radio).
 */
public final class ScpiInstrument implements Device, Power, Sensors, Radio {
  private static final String RSSI = "rssi:";

  /** A quantity: the query that reads it and the factor from the instrument's units. */
  private record Reading(String query, double factor) {}

  private static final Map<String, Reading> STANDARD =
      Map.of(
          "supply_voltage", new Reading("MEAS:VOLT?", 1),
          "voltage", new Reading("MEAS:VOLT?", 1),
          "current", new Reading("MEAS:CURR?", 1),
          "current_a", new Reading("MEAS:CURR?", 1),
          "current_ma", new Reading("MEAS:CURR?", 1000));

  private final String slot;
  private final ScpiConnection connection;
  private final Duration offTime;
  private final Map<String, Reading> readings = new LinkedHashMap<>(STANDARD);

  /**
   * @param offTime how long a restart keeps the output off, so the unit really loses power
   * @param queries more quantities: name to SCPI query, read in the instrument's units
   */
  public ScpiInstrument(
      String slot, ScpiConnection connection, Duration offTime, Map<String, String> queries) {
    this.slot = requireNonNull(slot, "slot");
    this.connection = requireNonNull(connection, "connection");
    this.offTime = requireNonNull(offTime, "offTime");
    queries.forEach((quantity, query) -> readings.put(quantity, new Reading(query, 1)));
  }

  /** Whether the queries make the instrument an RF tester: one is named rssi:<band>. */
  static boolean measuresRssi(Map<String, String> queries) {
    return queries.keySet().stream().anyMatch(q -> q.startsWith(RSSI));
  }

  @Override
  public String slot() {
    return slot;
  }

  @Override
  public String family() {
    return "instrument";
  }

  @Override
  public <T extends Capability> Optional<T> capability(Class<T> type) {
    requireNonNull(type, "type");
    boolean has =
        type == Power.class
            || type == Sensors.class
            || (type == Radio.class
                && readings.keySet().stream().anyMatch(q -> q.startsWith(RSSI)));
    return has ? Optional.of(type.cast(this)) : Optional.empty();
  }

  /** Switches the output off, waits, and on again; each switch confirmed with {@code *OPC?}. */
  @Override
  public void reboot() throws InterruptedException {
    connection.send("OUTP OFF");
    connection.awaitComplete();
    Thread.sleep(offTime.toMillis());
    connection.send("OUTP ON");
    connection.awaitComplete();
  }

  /**
   * @throws DeviceException when the instrument has no such quantity (naming the ones it has), or
   *     does not answer
   */
  @Override
  public double read(String quantity) {
    Reading reading = readings.get(quantity);
    if (reading == null) {
      throw new DeviceException(
          "the instrument at slot "
              + slot
              + " ("
              + connection.address()
              + ") measures "
              + new TreeSet<>(readings.keySet())
              + ", not '"
              + quantity
              + "'; name its query under the fixture's queries in the slot map",
          false);
    }
    return connection.number(reading.query()) * reading.factor();
  }

  /**
   * @throws DeviceException when no query is named {@code rssi:<band>} for the band
   */
  @Override
  public double rssiDbm(Band band) {
    return read(RSSI + band.name().toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    String identity = connection.identity();
    return "SCPI instrument at "
        + connection.address()
        + (identity.isEmpty() ? "" : " (" + identity + ")");
  }
}
