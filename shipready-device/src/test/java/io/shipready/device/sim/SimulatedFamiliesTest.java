package io.shipready.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.recipe.RecipeParser;
import io.shipready.core.steps.StandardSteps;
import io.shipready.device.sim.aferoasr.AferoAsrFamily;
import io.shipready.device.sim.azuresphere.AzureSphereFamily;
import io.shipready.device.sim.particle.ParticleFamily;
import io.shipready.device.spi.SimulatedFamily;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator finds its device families through the registry, never by a list of its own. */
class SimulatedFamiliesTest {
  @TempDir Path folder;

  @Test
  void everyRegisteredFamilyIsFoundByItsName() {
    assertThat(SimulatedFamilies.names()).containsExactly("afero-asr", "azure-sphere", "particle");
    assertThat(SimulatedFamilies.of(AferoAsrFamily.NAME)).isInstanceOf(AferoAsrFamily.class);
    assertThat(SimulatedFamilies.of(AzureSphereFamily.NAME)).isInstanceOf(AzureSphereFamily.class);
    assertThat(SimulatedFamilies.of(ParticleFamily.NAME)).isInstanceOf(ParticleFamily.class);
  }

  @Test
  void theRegistrationFileListsEveryFamilyOnce() {
    assertThat(ServiceLoader.load(SimulatedFamily.class).stream().map(p -> p.type().getName()))
        .containsExactlyInAnyOrder(
            AferoAsrFamily.class.getName(),
            AzureSphereFamily.class.getName(),
            ParticleFamily.class.getName());
  }

  @Test
  void eachFamilyBuildsUnitsThatCarryItsName() {
    SimulatedFleet fleet = new SimulatedFleet(SimulationSettings.builder().timeScale(0).build());
    for (String family : SimulatedFamilies.names()) {
      SimulatedDevice unit = fleet.unit(3, "slot-3", family);
      assertThat(unit.family()).isEqualTo(family);
      assertThat(unit.capabilityTypes()).as(family).isNotEmpty();
    }
  }

  @Test
  void anUnknownNameIsRefusedWithTheKnownOnes() {
    assertThat(SimulatedFamilies.find("esp32")).isEmpty();
    assertThatThrownBy(() -> SimulatedFamilies.of("esp32"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the simulator has no device family 'esp32'; use one of [afero-asr, azure-sphere,"
                + " particle] in the recipe's station.device_family");
  }

  @Test
  void onlyTheRecipesOwnFamilyAddsFaultsOfItsOperations() throws Exception {
    String steps =
        """
        steps:
          - id: recover_os
            kind: recover
            with: {images: [os.bin], image_ids: [os-1]}
          - id: hello
            kind: console
            with: {send: ping, expect: pong}
        """;
    Path sphere = folder.resolve("sphere.yaml");
    Files.writeString(
        sphere, "recipe: s\nversion: \"1\"\nstation: {device_family: azure-sphere}\n" + steps);
    Path particle = folder.resolve("particle.yaml");
    Files.writeString(
        particle, "recipe: p\nversion: \"1\"\nstation: {device_family: particle}\n" + steps);
    RecipeParser parser = new RecipeParser(StandardSteps.library());

    assertThat(FaultPlanner.opportunities(parser.parse(sphere)))
        .extracting(FaultPlanner.Opportunity::stepId)
        .containsExactly("recover_os", "hello");
    assertThat(FaultPlanner.opportunities(parser.parse(particle)))
        .extracting(FaultPlanner.Opportunity::stepId)
        .containsExactly("hello");
  }
}
