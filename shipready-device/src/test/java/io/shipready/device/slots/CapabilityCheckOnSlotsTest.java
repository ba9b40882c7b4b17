package io.shipready.device.slots;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.engine.CapabilityCheck;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.recipe.RecipeParser;
import io.shipready.core.step.StepLibrary;
import io.shipready.core.steps.StandardSteps;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bundled line recipes against slot maps: what a station would refuse before its first unit.
 */
class CapabilityCheckOnSlotsTest {
  private static final StepLibrary LIBRARY = StandardSteps.library();

  @Test
  void theEmulatedLineRunsOnGdbRemoteSlotsWithAConsole() {
    Recipe recipe = recipe("emulated-nrf51", "recipe.yaml");
    SlotMap withConsoles =
        SlotMap.builder()
            .slot(
                "1", "gdb-remote", Map.of("gdb", "127.0.0.1:3333", "console", "tcp:127.0.0.1:4001"))
            .slot(
                "2", "gdb-remote", Map.of("gdb", "127.0.0.1:3334", "console", "tcp:127.0.0.1:4002"))
            .build();
    SlotMap oneWithout =
        SlotMap.builder()
            .slot(
                "1", "gdb-remote", Map.of("gdb", "127.0.0.1:3333", "console", "tcp:127.0.0.1:4001"))
            .slot("2", "gdb-remote", Map.of("gdb", "127.0.0.1:3334"))
            .build();

    assertThat(CapabilityCheck.check(recipe, LIBRARY, withConsoles.capabilitySlots())).isEmpty();
    assertThat(CapabilityCheck.check(recipe, LIBRARY, oneWithout.capabilitySlots()))
        .hasValueSatisfying(
            message ->
                assertThat(message)
                    .startsWith("recipe emulated-nrf51: slot 2 (gdb-remote) cannot run step '")
                    .contains("(needs Console)")
                    .doesNotContain("slot 1")
                    .endsWith("; give those slots a driver that has it or remove the steps"));
  }

  @Test
  void theParticleLineNeedsMoreThanTheParticleCliGives() {
    Recipe recipe = recipe("particle-cellular", "programming.yaml");
    SlotMap map =
        SlotMap.builder()
            .slot("1", "particle", Map.of("port", "/dev/ttyACM0"))
            .slot("2", "simulated", Map.of("family", "particle"))
            .build();

    assertThat(CapabilityCheck.check(recipe, LIBRARY, map.capabilitySlots()))
        .hasValueSatisfying(
            message ->
                assertThat(message)
                    .contains("slot 1 (particle) cannot run step '")
                    .contains("step 'selftest' (needs Console)")
                    .contains("step 'power' (needs Sensors)")
                    .contains("step 'radio' (needs Radio)")
                    .doesNotContain("(needs Settings)")
                    .doesNotContain("(needs Power)")
                    .doesNotContain("slot 2"));
  }

  @Test
  void aParticleSlotWithItsConsoleAndAnScpiRfTesterRunsTheParticleLine() {
    Recipe recipe = recipe("particle-cellular", "programming.yaml");
    SlotMap map =
        SlotMap.builder()
            .slot(
                "1",
                "particle",
                Map.of(
                    "port",
                    "/dev/ttyACM0",
                    "console",
                    "tcp:127.0.0.1:4001",
                    "fixture",
                    Map.of(
                        "driver",
                        "scpi",
                        "address",
                        "127.0.0.1:5025",
                        "queries",
                        Map.of(
                            "rssi:cellular", "FETC:RSSI?", "battery_voltage", "MEAS:VOLT? (@2)"))))
            .build();

    assertThat(CapabilityCheck.check(recipe, LIBRARY, map.capabilitySlots())).isEmpty();
  }

  private static Recipe recipe(String line, String file) {
    return new RecipeParser(LIBRARY).parse(Path.of("..", "lines", line, file));
  }
}
