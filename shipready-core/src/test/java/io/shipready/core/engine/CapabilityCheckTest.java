package io.shipready.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.recipe.Recipe;
import io.shipready.core.recipe.RecipeParser;
import io.shipready.core.spi.Console;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.ManufacturingStates;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Programmer;
import io.shipready.core.spi.Radio;
import io.shipready.core.spi.Sensors;
import io.shipready.core.spi.Wifi;
import io.shipready.core.step.StepLibrary;
import io.shipready.core.steps.StandardSteps;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilityCheckTest {
  private static final StepLibrary LIBRARY = StandardSteps.library();

  private static final Recipe RECIPE =
      new RecipeParser(LIBRARY)
          .parse(
              "check.yaml",
              """
              recipe: check
              version: "1"
              station:
                device_family: particle
              setup:
                station:
                  - id: fixture_temp
                    kind: measure
                    measurements:
                      - {name: fixture_temp, units: C, range: {max: 40}}
              steps:
                - id: scan_serial
                  kind: scan
                - id: identify
                  kind: identify
                - id: flash_app
                  kind: flash
                  with: {image: images/app.bin, region: app}
                - id: supply
                  kind: measure
                  measurements:
                    - {name: vdd, units: V, range: {min: 3.2, max: 3.4}}
                    - {name: ble, source: "rssi:ble", units: dBm, range: {min: -70}}
                - id: wifi_test
                  kind: wifi
                  with: {action: check, ssid: factory}
                - id: selftest
                  kind: console
                  with: {send: selftest, expect: PASS}
                - id: settle
                  kind: wait
                  with: {duration: 1s}
                - id: print
                  kind: prompt
                  with: {message: Put the unit in the tray}
              """,
              Path.of("."));

  @Test
  void slotsThatHaveEveryCapabilityPass() {
    Set<Class<? extends io.shipready.core.spi.Capability>> all =
        Set.of(
            Identity.class,
            Programmer.class,
            Sensors.class,
            Radio.class,
            Wifi.class,
            Console.class);

    assertThat(
            CapabilityCheck.check(
                RECIPE,
                LIBRARY,
                List.of(
                    new CapabilityCheck.Slot("1", "simulated", all),
                    new CapabilityCheck.Slot("2", "simulated", all))))
        .isEmpty();
  }

  @Test
  void oneMessageNamesEveryStepTheSlotsCannotRunAndWhatTheyLack() {
    Optional<String> problem =
        CapabilityCheck.check(
            RECIPE,
            LIBRARY,
            List.of(
                new CapabilityCheck.Slot(
                    "1",
                    "gdb-remote",
                    Set.of(
                        Identity.class,
                        Programmer.class,
                        Sensors.class,
                        Radio.class,
                        Wifi.class,
                        Console.class,
                        Power.class)),
                new CapabilityCheck.Slot("2", "nrfjprog", Set.of(Programmer.class)),
                new CapabilityCheck.Slot("3", "nrfjprog", Set.of(Programmer.class)),
                new CapabilityCheck.Slot(
                    "4", "particle", Set.of(Identity.class, Programmer.class, Console.class))));

    assertThat(problem)
        .contains(
            "recipe check: slots 2, 3 (nrfjprog) cannot run step 'identify' (needs Identity),"
                + " step 'supply' (needs Sensors, Radio), step 'wifi_test' (needs Wifi), step"
                + " 'selftest' (needs Console); slot 4 (particle) cannot run step 'supply' (needs"
                + " Sensors, Radio), step 'wifi_test' (needs Wifi); give those slots a driver"
                + " that has it or remove the steps");
  }

  @Test
  void aStationSetupStepIsNotAskedOfTheSlots() {
    Recipe stationOnly =
        new RecipeParser(LIBRARY)
            .parse(
                "station.yaml",
                """
                recipe: station
                version: "1"
                station:
                  device_family: particle
                setup:
                  station:
                    - id: fixture_temp
                      kind: measure
                      measurements:
                        - {name: fixture_temp, units: C, range: {max: 40}}
                steps:
                  - id: ask
                    kind: prompt
                    with: {message: Ready?}
                """,
                Path.of("."));

    assertThat(
            CapabilityCheck.check(
                stationOnly, LIBRARY, List.of(new CapabilityCheck.Slot("1", "jlink", Set.of()))))
        .isEmpty();
  }

  @Test
  void anAuditOfFinishedUnitsNeedsOnlyTheirState() {
    Recipe audit =
        new RecipeParser(LIBRARY)
            .parse(
                "audit.yaml",
                """
                recipe: audit
                version: "1"
                station:
                  device_family: azure-sphere
                steps:
                  - id: ready
                    kind: ready_to_ship
                    with:
                      expected_state: DeviceComplete
                      os_versions: os-versions.json
                      allowed_os: ["24.10"]
                      images: [a]
                """,
                Path.of("."));

    assertThat(
            CapabilityCheck.check(
                audit,
                LIBRARY,
                List.of(
                    new CapabilityCheck.Slot("1", "azsphere", Set.of(ManufacturingStates.class)))))
        .isEmpty();
  }
}
