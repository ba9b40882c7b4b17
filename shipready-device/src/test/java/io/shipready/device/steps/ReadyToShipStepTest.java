package io.shipready.device.steps;

import static io.shipready.device.steps.TestLine.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.device.ManufacturingState;
import io.shipready.core.event.Event;
import io.shipready.core.event.Event.IrreversibleOperation.Phase;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.core.model.StepOutcome;
import io.shipready.core.model.StepResult;
import io.shipready.core.spi.ImageStore;
import io.shipready.core.spi.ManufacturingStates;
import io.shipready.core.spi.Recovery;
import io.shipready.core.spi.Wifi;
import io.shipready.device.sim.Fault;
import io.shipready.device.sim.SimulatedDevice;
import io.shipready.device.sim.azuresphere.AzureSphereOs;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end of the Azure Sphere line: recovery to the factory OS, the functional test application in
 * and out again, the production application, then the ready-to-ship checks before DeviceComplete.
 */
class ReadyToShipStepTest {
  private static final String RECOVER =
      """
        - id: recover
          kind: recover
          with:
            images: {recovery_images}
            image_ids: {factory_os}
          timeout: 2m
      """;

  private static final String LINE =
      """
      recipe: sphere-finalize
      version: "1.0"
      station: {device_family: azure-sphere}
      steps:
        - id: identify
          kind: identify
          with: {require: [device_id, wifi_mac]}
      {recover}
        - id: load_test_app
          kind: sideload
          with:
            image: images/functional-test.imagepackage
            component_id: functional-test
            image_id: functional-test-2.0
        - id: selftest
          kind: console
          with: {send: selftest, expect: "^PASS$"}
        - id: remove_test_app
          kind: delete_image
          with: {component_id: functional-test}
        - id: load_app
          kind: sideload
          with:
            image: images/tracker-app.imagepackage
            component_id: tracker-app
            image_id: tracker-app-1.4.2
            keystore: images/keystore-2024.bin
      {extra}
        - id: lock_rf
          kind: set_state
          with: {state: Module1Complete}
        - id: ready
          kind: ready_to_ship
          with:
            expected_state: Module1Complete
            os_versions: os-versions.json
            allowed_os: ["24.10"]
            images: [tracker-app-1.4.2]
            forbidden_components: [{rf_test_server}]
        - id: finalize
          kind: set_state
          with: {state: DeviceComplete}
      """;

  @TempDir Path folder;
  private TestLine line;
  private SphereLine sphere;

  @BeforeEach
  void lineFiles() {
    line = new TestLine(folder);
    sphere = new SphereLine(line);
  }

  private static String recipe(boolean recover, String extraSteps) {
    return SphereLine.recipe(
        LINE.replace("{recover}\n", recover ? RECOVER : "").replace("{extra}\n", extraSteps));
  }

  private static ManufacturingState state(SimulatedDevice unit) throws Exception {
    return unit.require(ManufacturingStates.class).current();
  }

  /** The checks failed, named the problem, and the unit was not finalized. */
  private void assertNotFinalized(RunResult run, SimulatedDevice unit, String failedCheck)
      throws Exception {
    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.failedStep()).isEqualTo("ready");
    assertThat(run.message()).contains(failedCheck);
    StepResult finalize = step(run, "finalize");
    assertThat(finalize.outcome()).isEqualTo(StepOutcome.SKIPPED);
    assertThat(finalize.attempts()).isZero();
    assertThat(line.events(run, Event.StepStarted.class))
        .extracting(Event.StepStarted::stepId)
        .doesNotContain("finalize");
    assertThat(line.events(run, Event.IrreversibleOperation.class))
        .extracting(Event.IrreversibleOperation::stepId)
        .doesNotContain("finalize");
    assertThat(state(unit)).isEqualTo(ManufacturingState.MODULE1_COMPLETE);
  }

  @Test
  void aUnitThatPassesEveryCheckIsFinalized() throws Exception {
    // Recovery brings a current keystore, so even a unit made with a stale one takes the images.
    SimulatedDevice unit = sphere.staleUnit(1);

    RunResult run = line.run(recipe(true, ""), unit);

    assertThat(run.message()).isEmpty();
    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    assertThat(state(unit)).isEqualTo(ManufacturingState.DEVICE_COMPLETE);
    assertThat(run.attributes())
        .containsEntry(
            "ready_to_ship.manufacturing_state", "manufacturing state: PASS (Module1Complete)")
        .containsEntry("ready_to_ship.capabilities", "capabilities: PASS (none)")
        .containsEntry("ready_to_ship.os_version", "os version: PASS (24.10)")
        .containsEntry(
            "ready_to_ship.application_images", "application images: PASS (tracker-app-1.4.2)")
        .containsEntry("ready_to_ship.wifi_networks", "wifi networks: PASS (none)")
        .containsEntry("state.after", "DeviceComplete");
    assertThat(line.events(run, Event.IrreversibleOperation.class))
        .filteredOn(e -> e.stepId().equals("finalize"))
        .extracting(Event.IrreversibleOperation::phase)
        .containsExactly(Phase.BEFORE, Phase.AFTER_SUCCESS);
  }

  @Test
  void aFinalizedUnitNoLongerTakesSoftware() throws Exception {
    SimulatedDevice unit = sphere.freshUnit(1);
    line.run(recipe(true, ""), unit);
    String reload =
        """
        recipe: sphere-reload
        version: "1.0"
        station: {device_family: azure-sphere}
        steps:
          - id: load_app
            kind: sideload
            with:
              image: images/tracker-app.imagepackage
              component_id: tracker-app
              image_id: tracker-app-1.4.2
        """;

    RunResult run = line.run(reload, unit);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.message()).contains("is DeviceComplete, which locks loading software");
  }

  @Test
  void aWifiNetworkLeftConfiguredStopsFinalization() throws Exception {
    SimulatedDevice unit = sphere.freshUnit(1);
    String leaveNetwork =
        """
          - id: join_test_network
            kind: wifi
            with: {action: add, ssid: factory-test, psk: "line-test-1234"}
        """;

    RunResult run = line.run(recipe(true, leaveNetwork), unit);

    assertNotFinalized(run, unit, "wifi networks: FAIL (configured: [factory-test])");
    assertThat(run.attributes())
        .containsEntry(
            "ready_to_ship.wifi_networks", "wifi networks: FAIL (configured: [factory-test])");
  }

  @Test
  void evenARecipeThatGoesOnAfterAFailedCheckDoesNotFinalize() throws Exception {
    SimulatedDevice unit = sphere.freshUnit(1);
    String leaveNetwork =
        """
          - id: join_test_network
            kind: wifi
            with: {action: add, ssid: factory-test, psk: "line-test-1234"}
        """;
    String goesOn =
        recipe(true, leaveNetwork)
            .replace("kind: ready_to_ship", "kind: ready_to_ship\n    on_fail: continue");

    RunResult run = line.run(goesOn, unit);

    assertNotFinalized(run, unit, "wifi networks: FAIL");
    assertThat(step(run, "finalize").message()).isEqualTo("irreversible, and ready did not pass");
  }

  @Test
  void anExtraApplicationImageStopsFinalization() throws Exception {
    SimulatedDevice unit = sphere.freshUnit(1);
    String secondApp =
        """
          - id: load_diagnostics
            kind: sideload
            with:
              image: images/functional-test.imagepackage
              component_id: diagnostics
              image_id: diagnostics-0.9
        """;

    RunResult run = line.run(recipe(true, secondApp), unit);

    assertNotFinalized(run, unit, "application images: FAIL ({unexpected=[diagnostics-0.9]})");
  }

  @Test
  void theRfTestServerOfAFreshUnitStopsFinalizationUntilRecovery() throws Exception {
    SimulatedDevice unit = sphere.freshUnit(1);
    assertThat(unit.require(Recovery.class).osComponentImageIds())
        .contains(AzureSphereOs.RF_TEST_SERVER_IMAGE_ID);

    RunResult run = line.run(recipe(false, ""), unit);

    assertNotFinalized(
        run,
        unit,
        "os version: FAIL (test component "
            + AzureSphereOs.RF_TEST_SERVER_IMAGE_ID
            + " is still installed)");
  }

  @Test
  void anInstalledCapabilityStopsFinalization() throws Exception {
    SimulatedDevice unit = sphere.freshUnit(1);
    unit.inject(new Fault.CapabilityInstalled(AzureSphereOs.FIELD_SERVICING));

    RunResult run = line.run(recipe(true, ""), unit);

    assertNotFinalized(run, unit, "capabilities: FAIL (device holds [EnableFieldServicing])");
  }

  @Test
  void recoveryBringsTheFactoryOsAndWipesWhatTheUnitHeld() throws Exception {
    SimulatedDevice unit = sphere.freshUnit(1);
    String loadThenRecover =
        SphereLine.recipe(
            """
            recipe: sphere-recover
            version: "1.0"
            station: {device_family: azure-sphere}
            steps:
              - id: load_app
                kind: sideload
                with:
                  image: images/tracker-app.imagepackage
                  component_id: tracker-app
                  image_id: tracker-app-1.4.2
              - id: join_test_network
                kind: wifi
                with: {action: add, ssid: factory-test}
              - id: recover
                kind: recover
                with:
                  images: {recovery_images}
                  image_ids: {factory_os}
            """);

    RunResult run = line.run(loadThenRecover, unit);

    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    assertThat(unit.require(Recovery.class).osComponentImageIds())
        .containsExactlyElementsOf(AzureSphereOs.FACTORY_OS_IMAGE_IDS)
        .doesNotContain(AzureSphereOs.RF_TEST_SERVER_IMAGE_ID);
    assertThat(unit.require(ImageStore.class).installed()).isEmpty();
    assertThat(unit.require(Wifi.class).networks()).isEmpty();
  }
}
