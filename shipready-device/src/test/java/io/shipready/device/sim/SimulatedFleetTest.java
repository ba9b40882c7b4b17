package io.shipready.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.model.Identifier;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.Markings;
import io.shipready.core.spi.Radio;
import io.shipready.core.spi.Sensors;
import io.shipready.device.sim.aferoasr.AferoAsrFamily;
import io.shipready.device.sim.azuresphere.AzureSphereFamily;
import io.shipready.device.sim.particle.ParticleFamily;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedFleetTest {
  private static SimulatedFleet fleet(long seed) {
    return new SimulatedFleet(SimulationSettings.builder().seed(seed).timeScale(0).build());
  }

  private static Map<String, String> ids(SimulatedDevice device) throws InterruptedException {
    Map<String, String> ids = new java.util.LinkedHashMap<>();
    for (Identifier id : device.require(Identity.class).identifiers()) {
      ids.put(id.kind(), id.value());
    }
    return ids;
  }

  @Test
  void anUnknownFamilyIsRefusedListingTheKnownOnes() throws Exception {
    assertThatThrownBy(() -> fleet(1).unit(1, "slot-1", "esp32"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'esp32'")
        .hasMessageContaining("afero-asr")
        .hasMessageContaining("azure-sphere")
        .hasMessageContaining("particle");
  }

  @Test
  void theSameSeedAndUnitGiveTheSameIdentityInAnySlot() throws Exception {
    for (String family : SimulatedFamilies.names()) {
      Map<String, String> first = ids(fleet(42).unit(7, "slot-1", family));
      Map<String, String> again = ids(fleet(42).unit(7, "slot-5", family));

      assertThat(again).as(family).isEqualTo(first);
    }
  }

  @Test
  void differentUnitsAndDifferentSeedsGiveDifferentIdentities() throws Exception {
    for (String family : SimulatedFamilies.names()) {
      Map<String, String> unit7 = ids(fleet(42).unit(7, "slot-1", family));
      Map<String, String> unit8 = ids(fleet(42).unit(8, "slot-1", family));
      Map<String, String> otherSeed = ids(fleet(43).unit(7, "slot-1", family));

      assertThat(unit8.get("device_id")).as(family).isNotEqualTo(unit7.get("device_id"));
      assertThat(otherSeed.get("device_id")).as(family).isNotEqualTo(unit7.get("device_id"));
    }
  }

  @Test
  void identifiersFromSmallSpacesDoNotCollideAcrossAThousandUnits() throws Exception {
    SimulatedFleet fleet = fleet(3);
    Set<String> serials = new HashSet<>();
    Set<String> imeis = new HashSet<>();
    for (int unit = 0; unit < 1000; unit++) {
      Map<String, String> ids = ids(fleet.unit(unit, "slot-1", ParticleFamily.NAME));
      serials.add(ids.get(Identifier.SERIAL));
      imeis.add(ids.get(Identifier.IMEI));
    }
    assertThat(serials).hasSize(1000);
    assertThat(imeis).hasSize(1000);
  }

  @Test
  void azureSphereDeviceIdIs128UppercaseHex() throws Exception {
    Map<String, String> ids = ids(fleet(1).unit(1, "slot-1", AzureSphereFamily.NAME));

    assertThat(ids.get(Identifier.DEVICE_ID)).matches("[0-9A-F]{128}");
    assertThat(ids.get(Identifier.WIFI_MAC)).matches("([0-9A-F]{2}:){5}[0-9A-F]{2}");
  }

  @Test
  void particleIdentifiersHaveTheirRealShapes() throws Exception {
    for (int unit = 0; unit < 50; unit++) {
      Map<String, String> ids = ids(fleet(5).unit(unit, "slot-1", ParticleFamily.NAME));

      assertThat(ids.get(Identifier.DEVICE_ID)).matches("[0-9a-f]{24}");
      assertThat(ids.get(Identifier.IMEI)).matches("[0-9]{15}");
      assertThat(Luhn.valid(ids.get(Identifier.IMEI))).as(ids.get(Identifier.IMEI)).isTrue();
      assertThat(ids.get(Identifier.ICCID)).matches("89[0-9]{17,18}");
      assertThat(Luhn.valid(ids.get(Identifier.ICCID))).isTrue();
      assertThat(ids.get(Identifier.SERIAL)).matches("P046AA[0-9]{7}");
    }
  }

  @Test
  void luhnAgreesWithAKnownImei() throws Exception {
    // The IMEI used as the example in the GSMA's Luhn explanation.
    assertThat(Luhn.valid("490154203237518")).isTrue();
    assertThat(Luhn.valid("490154203237519")).isFalse();
    assertThat(Luhn.checkDigit("49015420323751")).isEqualTo(8);
  }

  @Test
  void particleSerialStickerHoldsSerialSpaceMobileSecret() throws Exception {
    SimulatedDevice device = fleet(5).unit(3, "slot-1", ParticleFamily.NAME);
    Markings markings = device.require(Markings.class);

    String sticker = markings.read("serial").orElseThrow();

    assertThat(sticker).matches("P046AA[0-9]{7} [A-Z0-9]{15}");
    assertThat(sticker.split(" ")[0]).isEqualTo(ids(device).get(Identifier.SERIAL));
    assertThat(markings.read("component:J1")).get().asString().startsWith("ANT-");
    assertThat(markings.read("component:PCB")).get().asString().startsWith("PCB-");
    assertThat(markings.read("component:BT1")).get().asString().startsWith("BAT-");
    assertThat(markings.read("component:U99")).isEmpty();
  }

  @Test
  void aferoIdentifiersHaveTheirRealShapes() throws Exception {
    Map<String, String> ids = ids(fleet(1).unit(1, "slot-1", AferoAsrFamily.NAME));

    assertThat(ids.get(Identifier.DEVICE_ID)).matches("[0-9A-F]{16}");
    assertThat(ids.get(Identifier.ASSOCIATION_ID)).matches("[0-9A-F]{24}");
    assertThat(ids.get("company_code")).matches("[0-9A-F]{4}");
    assertThat(ids.get(Identifier.BLE_MAC)).matches("([0-9A-F]{2}:){5}[0-9A-F]{2}");
  }

  @Test
  void theSameSeedGivesTheSameMeasurementsAndThemInsideTypicalLimits() throws Exception {
    for (String family : SimulatedFamilies.names()) {
      for (int unit = 0; unit < 30; unit++) {
        Sensors a = fleet(11).unit(unit, "slot-1", family).require(Sensors.class);
        Sensors b = fleet(11).unit(unit, "slot-2", family).require(Sensors.class);

        double volts = a.read("supply_voltage");
        assertThat(b.read("supply_voltage")).isEqualTo(volts);
        assertThat(volts).isBetween(3.2, 3.4);
        assertThat(a.read("temperature_c")).isBetween(20.0, 30.0);
      }
    }
  }

  @Test
  void measurementsVaryFromUnitToUnit() throws Exception {
    SimulatedFleet fleet = fleet(11);
    Set<Double> values = new HashSet<>();
    for (int unit = 0; unit < 20; unit++) {
      values.add(
          fleet
              .unit(unit, "slot-1", ParticleFamily.NAME)
              .require(Sensors.class)
              .read("current_ma"));
    }
    assertThat(values).hasSizeGreaterThan(10);
  }

  @Test
  void rssiIsDeterministicAndAboveTypicalThresholds() throws Exception {
    for (int unit = 0; unit < 30; unit++) {
      Radio radio = fleet(2).unit(unit, "slot-1", ParticleFamily.NAME).require(Radio.class);
      double cellular = radio.rssiDbm(Radio.Band.CELLULAR);

      assertThat(
              fleet(2)
                  .unit(unit, "slot-9", ParticleFamily.NAME)
                  .require(Radio.class)
                  .rssiDbm(Radio.Band.CELLULAR))
          .isEqualTo(cellular);
      assertThat(cellular).isBetween(-85.0, -65.0);
      assertThat(radio.rssiDbm(Radio.Band.BLE)).isBetween(-63.0, -47.0);
    }
  }

  @Test
  void drawIsRepeatableAndSpread() throws Exception {
    SimulatedFleet fleet = fleet(8);

    assertThat(fleet.draw(4, "flash")).isEqualTo(fleet(8).draw(4, "flash"));
    assertThat(fleet.draw(4, "flash")).isNotEqualTo(fleet.draw(5, "flash"));
    long below = 0;
    for (int unit = 0; unit < 1000; unit++) {
      if (fleet.draw(unit, "flash") < 0.1) {
        below++;
      }
    }
    assertThat(below).isBetween(60L, 140L);
  }

  @Test
  void familiesHaveTheirCapabilities() throws Exception {
    SimulatedFleet fleet = fleet(1);

    assertThat(fleet.unit(1, "s1", AzureSphereFamily.NAME).capabilityTypes())
        .extracting(Class::getSimpleName)
        .contains("ImageStore", "Fuses", "ManufacturingStates", "Recovery", "Wifi", "Ethernet")
        .doesNotContain("Programmer");
    assertThat(fleet.unit(1, "s1", ParticleFamily.NAME).capabilityTypes())
        .extracting(Class::getSimpleName)
        .contains("Programmer", "Markings", "Settings", "Sensors", "Radio", "Console", "Power");
    assertThat(fleet.unit(1, "s1", AferoAsrFamily.NAME).capabilityTypes())
        .extracting(Class::getSimpleName)
        .contains("Programmer", "Identity", "Radio", "Sensors", "Console")
        .doesNotContain("ImageStore");
    assertThat(List.copyOf(fleet.unit(1, "s1", AferoAsrFamily.NAME).capabilityTypes()))
        .isNotEmpty();
  }
}
