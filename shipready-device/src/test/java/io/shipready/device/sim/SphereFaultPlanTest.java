package io.shipready.device.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.model.Outcome;
import io.shipready.core.recipe.RecipeParser;
import io.shipready.core.steps.StandardSteps;
import io.shipready.device.sim.azuresphere.AzureSphereOs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The faults an Azure Sphere recipe can reveal, each tied to the first step that would. */
class SphereFaultPlanTest {
  @TempDir Path folder;

  @Test
  void sideloadRecoveryWifiAndLateReadyToShipStepsGetFaults() throws Exception {
    Path recipe = folder.resolve("recipe.yaml");
    Files.writeString(
        recipe,
        """
        recipe: sphere-plan
        version: "1.0"
        station: {device_family: azure-sphere}
        steps:
          - id: recover_os
            kind: recover
            with: {images: [os.bin], image_ids: [os-1]}
          - id: load_app
            kind: sideload
            with: {image: app.imagepackage, component_id: app, image_id: app-1}
          - id: load_app_again
            kind: sideload
            with: {image: app.imagepackage, component_id: app, image_id: app-1}
          - id: wifi_add
            kind: wifi
            with: {action: add, ssid: test}
          - id: wifi_check
            kind: wifi
            with: {action: check, ssid: test}
            measurements: [{name: wifi_rssi, source: rssi, units: dBm, range: {min: -70}}]
          - id: ready_blank
            kind: ready_to_ship
            with: {expected_state: Blank, os_versions: os.json, allowed_os: ["1"], images: [app-1]}
          - id: module1
            kind: set_state
            with: {state: Module1Complete}
          - id: ready_module1
            kind: ready_to_ship
            with:
              expected_state: Module1Complete
              os_versions: os.json
              allowed_os: ["1"]
              images: [app-1]
        """);

    var opportunities =
        FaultPlanner.opportunities(new RecipeParser(StandardSteps.library()).parse(recipe));

    assertThat(opportunities)
        .extracting(FaultPlanner.Opportunity::stepId, FaultPlanner.Opportunity::expected)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("recover_os", Outcome.ERROR),
            org.assertj.core.api.Assertions.tuple("load_app", Outcome.ERROR),
            org.assertj.core.api.Assertions.tuple("wifi_check", Outcome.FAIL),
            org.assertj.core.api.Assertions.tuple("ready_module1", Outcome.FAIL));
    assertThat(opportunities.get(3).fault())
        .isEqualTo(new Fault.CapabilityInstalled(AzureSphereOs.FIELD_SERVICING));
  }
}
