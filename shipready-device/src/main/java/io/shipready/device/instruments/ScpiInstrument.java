package io.shipready.device.instruments;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.DeviceException;
import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.FixturePower;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Radio;
import io.shipready.device.spi.KnownQuantities;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * A programmable power supply (or meter) at a slot, over SCPI. As a supply it feeds the unit
 * (FixturePower: {@code VOLT}, {@code CURR}, {@code OUTP ON|OFF}, each confirmed with {@code
 * SYST:ERR?} and {@code *OPC?}) and restarts it by switching its output off and on again (Power).
 * It measures the unit's supply (Sensors): {@code supply_voltage} and {@code voltage} in volts
 * ({@code MEAS:VOLT?}), {@code current} and {@code current_a} in amperes and {@code current_ma} in
 * milliamperes ({@code MEAS:CURR?}), plus the quantities the slot map's {@code queries} name (a
 * generic meter: a query, and the units its value is taken in). An RF tester's queries named {@code
 * rssi:<band>} (ble, wifi, cellular) also give the unit's RSSI in dBm (Radio).
 */
public final class ScpiInstrument implements Device, Power, KnownQuantities, Radio, FixturePower {
  private static final String RSSI = "rssi:";

  /**
   * A quantity: the query that reads it, the units its value is expected in (null: as it comes) and
   * the factor from those units.
   */
  public record Reading(String query, String units, double factor) {
    public Reading {
      requireNonNull(query, "query");
    }

    public static Reading of(String query) {
      return new Reading(query, null, 1);
    }
  }

  private static final Map<String, Reading> STANDARD =
      Map.of(
          "supply_voltage", new Reading("MEAS:VOLT?", "V", 1),
          "voltage", new Reading("MEAS:VOLT?", "V", 1),
          "current", new Reading("MEAS:CURR?", "A", 1),
          "current_a", new Reading("MEAS:CURR?", "A", 1),
          "current_ma", new Reading("MEAS:CURR?", "A", 1000));

  private final String slot;
  private final ScpiConnection connection;
  private final Duration offTime;
  private final Map<String, Reading> readings = new LinkedHashMap<>(STANDARD);

  /**
   * @param offTime how long a restart keeps the output off, so the unit really loses power
   * @param queries more quantities, by name
   */
  public ScpiInstrument(
      String slot, ScpiConnection connection, Duration offTime, Map<String, Reading> queries) {
    this.slot = requireNonNull(slot, "slot");
    this.connection = requireNonNull(connection, "connection");
    this.offTime = requireNonNull(offTime, "offTime");
    readings.putAll(queries);
  }

  /** Whether the queries make the instrument an RF tester: one is named rssi:<band>. */
  static boolean measuresRssi(Map<String, ?> queries) {
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
            || type == FixturePower.class
            || type == io.shipready.core.spi.Sensors.class
            || (type == Radio.class && measuresRssi(readings));
    return has ? Optional.of(type.cast(this)) : Optional.empty();
  }

  @Override
  public void on(OptionalDouble volts, OptionalDouble currentLimitAmps) {
    List<String> commands = new ArrayList<>();
    volts.ifPresent(v -> commands.add(String.format(Locale.ROOT, "VOLT %.4f", v)));
    currentLimitAmps.ifPresent(a -> commands.add(String.format(Locale.ROOT, "CURR %.4f", a)));
    // Settings first, checked, so a refused voltage never reaches the unit.
    if (!commands.isEmpty()) {
      commands.forEach(connection::send);
      ScpiErrors.check(connection, String.join(", ", commands));
    }
    switchOutput("ON");
  }

  @Override
  public void off() {
    switchOutput("OFF");
  }

  /** Switches the output off, waits, and on again. */
  @Override
  public void reboot() throws InterruptedException {
    switchOutput("OFF");
    Thread.sleep(offTime.toMillis());
    switchOutput("ON");
  }

  private void switchOutput(String state) {
    connection.send("OUTP " + state);
    ScpiErrors.check(connection, "OUTP " + state);
    connection.awaitComplete();
  }

  @Override
  public Set<String> quantities() {
    return Set.copyOf(readings.keySet());
  }

  /**
   * @throws DeviceException when the instrument has no such quantity (naming the ones it has), does
   *     not answer (with what its error queue then says), or answers no number in the units
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
    String where = "the instrument at " + connection.address() + " (" + reading.query() + ")";
    String reply;
    try {
      reply = connection.query(reading.query());
    } catch (DeviceUnreachableException silent) {
      throw withQueuedErrors(silent);
    }
    return ScpiValue.parse(reply, reading.units(), where) * reading.factor();
  }

  /** An instrument that did not answer a query may have queued why (-113 Undefined header). */
  private DeviceException withQueuedErrors(DeviceUnreachableException silent) {
    List<String> errors;
    try {
      errors = ScpiErrors.drain(connection);
    } catch (DeviceException stillSilent) {
      return silent;
    }
    if (errors.isEmpty()) {
      return silent;
    }
    return new DeviceException(
        silent.getMessage() + "; its error queue says " + String.join("; ", errors), false);
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
