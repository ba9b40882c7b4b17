package io.shipready.device.slots;

import static java.util.Objects.requireNonNull;

import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Console;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.Sensors;
import io.shipready.core.spi.SlotBinding;
import io.shipready.device.emulated.SlotEndpoints.ConsoleEndpoint;
import io.shipready.device.spi.ConsoleFirmware;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A slot whose units get more than their driver gives: the console the slot map names, what the
 * family's firmware tells over that console, and the capabilities of the fixture at the slot that
 * the driver lacks (the driver keeps its own). Identity and Sensors that both sides have are
 * combined: the firmware's identifiers before the chip's, each quantity from the side that measures
 * it.
 */
final class ComposedSlot implements SlotBinding {
  private final SlotBinding driver;
  private final SlotConsole console;
  private final SlotBinding fixture;
  private final ConsoleFirmware firmware;
  private final Set<Class<? extends Capability>> fromFirmware;
  private final Set<Class<? extends Capability>> fromFixture;
  private final boolean combineIdentity;
  private final boolean combineSensors;
  private final Set<Class<? extends Capability>> capabilities;

  /**
   * @param console the slot's console, or null
   * @param firmware the family's firmware on that console, or null
   * @param fixture the instrument at the slot, or null
   */
  ComposedSlot(
      String slot,
      SlotBinding driver,
      ConsoleEndpoint console,
      String lineEnding,
      ConsoleFirmware firmware,
      SlotBinding fixture) {
    this.driver = requireNonNull(driver, "driver");
    this.console = console == null ? null : new SlotConsole(slot, console, lineEnding);
    this.firmware = console == null ? null : firmware;
    this.fixture = fixture;
    Set<Class<? extends Capability>> all = new LinkedHashSet<>(driver.capabilities());
    if (console != null) {
      all.add(Console.class);
    }
    Set<Class<? extends Capability>> told = new LinkedHashSet<>();
    this.combineIdentity =
        this.firmware != null
            && driver.capabilities().contains(Identity.class)
            && this.firmware.capabilities().contains(Identity.class);
    this.combineSensors =
        fixture != null
            && driver.capabilities().contains(Sensors.class)
            && fixture.capabilities().contains(Sensors.class);
    if (this.firmware != null) {
      for (Class<? extends Capability> type : this.firmware.capabilities()) {
        if (all.add(type)) {
          told.add(type);
        }
      }
    }
    this.fromFirmware = Collections.unmodifiableSet(told);
    Set<Class<? extends Capability>> added = new LinkedHashSet<>();
    if (fixture != null) {
      for (Class<? extends Capability> type : fixture.capabilities()) {
        if (all.add(type)) {
          added.add(type);
        }
      }
    }
    this.fromFixture = Collections.unmodifiableSet(added);
    this.capabilities = Collections.unmodifiableSet(all);
  }

  @Override
  public Set<Class<? extends Capability>> capabilities() {
    return capabilities;
  }

  @Override
  public Device attach(int number, String serial) throws InterruptedException {
    Device unit = driver.attach(number, serial);
    Map<Class<? extends Capability>, Capability> added = new LinkedHashMap<>();
    if (console != null) {
      added.put(Console.class, console);
    }
    if (firmware != null) {
      Map<Class<? extends Capability>, Capability> told = firmware.over(console);
      for (Class<? extends Capability> type : fromFirmware) {
        Capability capability = told.get(type);
        if (capability != null) {
          added.put(type, capability);
        }
      }
    }
    if (combineIdentity) {
      Identity told = (Identity) firmware.over(console).get(Identity.class);
      unit.capability(Identity.class)
          .ifPresent(chip -> added.put(Identity.class, new CombinedIdentity(told, chip)));
    }
    if (fixture != null) {
      Device instrument = fixture.attach(number, serial);
      for (Class<? extends Capability> type : fromFixture) {
        instrument.capability(type).ifPresent(capability -> added.put(type, capability));
      }
      if (combineSensors) {
        Sensors own = unit.require(Sensors.class);
        instrument
            .capability(Sensors.class)
            .ifPresent(meters -> added.put(Sensors.class, new CombinedSensors(own, meters)));
      }
    }
    return new SlotDevice(unit, added);
  }

  @Override
  public void close() {
    try {
      driver.close();
    } finally {
      try {
        if (fixture != null) {
          fixture.close();
        }
      } finally {
        if (console != null) {
          console.close();
        }
      }
    }
  }
}
