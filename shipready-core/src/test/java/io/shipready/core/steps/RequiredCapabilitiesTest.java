package io.shipready.core.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.model.MeasurementSpec;
import io.shipready.core.model.StepSpec;
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
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Programmer;
import io.shipready.core.spi.Radio;
import io.shipready.core.spi.Recovery;
import io.shipready.core.spi.Sensors;
import io.shipready.core.spi.Settings;
import io.shipready.core.spi.Wifi;
import io.shipready.core.step.StepLibrary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each step kind asks of the unit's device, as its execute does. */
class RequiredCapabilitiesTest {
  private final StepLibrary library = StandardSteps.library();

  @Test
  void everyKindSaysWhatItAsksTheDeviceFor() {
    Map<String, List<Class<? extends Capability>>> expected =
        Map.ofEntries(
            Map.entry("identify", List.of(Identity.class)),
            Map.entry("device_details", List.of(ConnectionInfo.class, Identity.class)),
            Map.entry("scan", List.of()),
            Map.entry("flash", List.of(Programmer.class)),
            Map.entry("recover", List.of(Recovery.class)),
            Map.entry("sideload", List.of(ImageStore.class)),
            Map.entry("delete_image", List.of(ImageStore.class)),
            Map.entry("measure", List.of()),
            Map.entry("console", List.of(Console.class)),
            Map.entry("wifi", List.of(Wifi.class)),
            Map.entry("efuse", List.of(Fuses.class)),
            Map.entry("efuse_check", List.of(Fuses.class)),
            Map.entry("rf_settings_check", List.of(Fuses.class, Identity.class)),
            Map.entry("ethernet_check", List.of(Ethernet.class)),
            Map.entry(
                "ready_to_ship",
                List.of(ManufacturingStates.class, Recovery.class, ImageStore.class, Wifi.class)),
            Map.entry("set_state", List.of(ManufacturingStates.class)),
            Map.entry("set_flag", List.of(Settings.class)),
            Map.entry("fixture_power", List.of(io.shipready.core.spi.FixturePower.class)),
            Map.entry("reboot", List.of(Power.class)),
            Map.entry("command", List.of()),
            Map.entry("prompt", List.of()),
            Map.entry("wait", List.of()),
            Map.entry("cloud_connect", List.of(CloudConnection.class)),
            Map.entry("label", List.of()),
            Map.entry("factory_row", List.of()),
            Map.entry("provision_queue", List.of()),
            Map.entry("read_versions", List.of(Identity.class)),
            Map.entry("known_unit", List.of()),
            Map.entry("write_identity", List.of(IdentityWriter.class)));

    assertThat(library.kinds())
        .extracting(k -> k.name())
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    library
        .kinds()
        .forEach(
            kind ->
                assertThat(kind.requiredCapabilities(step(kind.name(), Map.of(), List.of())))
                    .as(kind.name())
                    .isEqualTo(expected.get(kind.name())));
  }

  @Test
  void aMeasurementAsksTheRadioForRssiAndTheSensorsForTheRest() {
    StepSpec step =
        step(
            "measure",
            Map.of(),
            List.of(
                new MeasurementSpec("vdd", "V", "supply_voltage", List.of(), null),
                new MeasurementSpec("ble", "dBm", "rssi:ble", List.of(), null),
                new MeasurementSpec("idd", "mA", "current_ma", List.of(), null)));

    assertThat(library.get("measure").requiredCapabilities(step))
        .containsExactly(Sensors.class, Radio.class);
  }

  @Test
  void parametersThatSpareACapabilitySpareIt() {
    assertThat(
            library
                .get("ready_to_ship")
                .requiredCapabilities(
                    step("ready_to_ship", Map.of("expected_state", "DeviceComplete"), List.of())))
        .containsExactly(ManufacturingStates.class);
    assertThat(
            library
                .get("rf_settings_check")
                .requiredCapabilities(
                    step("rf_settings_check", Map.of("wifi_mac", false), List.of())))
        .containsExactly(Fuses.class);
  }

  private static StepSpec step(
      String kind, Map<String, Object> params, List<MeasurementSpec> measurements) {
    return new StepSpec(
        "s", kind, null, params, measurements, null, null, null, List.of(), null, null);
  }
}
