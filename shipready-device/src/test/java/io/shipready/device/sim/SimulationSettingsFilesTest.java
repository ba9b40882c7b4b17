package io.shipready.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.spi.Recovery;
import io.shipready.device.sim.azuresphere.AzureSphereFamily;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulation settings a line profile gives in files and lists: keys and the fresh OS. */
class SimulationSettingsFilesTest {
  @TempDir Path folder;

  private static KeyPair key() throws Exception {
    return KeyPairGenerator.getInstance(ImageSigning.ALGORITHM).generateKeyPair();
  }

  @Test
  void aTrustedKeystoreFileGivesTheKeysOfAFreshUnitOldestFirst() throws Exception {
    Map<String, java.security.PublicKey> keys = new LinkedHashMap<>();
    keys.put("factory-2023", key().getPublic());
    keys.put("line-2024", key().getPublic());
    Files.createDirectories(folder.resolve("keys"));
    Files.write(folder.resolve("keys/trusted.txt"), KeystoreImages.content(keys));

    SimulationSettings settings =
        SimulationSettings.fromMap(Map.of("trusted_keystore", "keys/trusted.txt"), folder);

    assertThat(settings.trustedKeys()).containsExactlyEntriesOf(keys);
  }

  @Test
  void freshOsImageIdsAreWhatAFreshUnitCarries() throws Exception {
    SimulationSettings settings =
        SimulationSettings.fromMap(Map.of("fresh_os_image_ids", List.of("a", "b")), folder)
            .toBuilder()
            .timeScale(0)
            .build();

    var unit = new SimulatedFleet(settings).unit(1, "1", AzureSphereFamily.NAME);

    assertThat(unit.require(Recovery.class).osComponentImageIds()).containsExactly("a", "b");
  }

  @Test
  void aMissingOrMalformedKeystoreIsRefusedNamingTheSetting() throws Exception {
    assertThatThrownBy(
            () -> SimulationSettings.fromMap(Map.of("trusted_keystore", "keys/none.txt"), folder))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'trusted_keystore'")
        .hasMessageContaining("none.txt");
    Files.writeString(folder.resolve("bad.txt"), "line-2024 not-a-key\n");
    assertThatThrownBy(
            () -> SimulationSettings.fromMap(Map.of("trusted_keystore", "bad.txt"), folder))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> SimulationSettings.fromMap(Map.of("trusted_keystore", "bad.txt")))
        .hasMessageContaining("no recipe folder");
    assertThatThrownBy(
            () -> SimulationSettings.fromMap(Map.of("fresh_os_image_ids", "one"), folder))
        .hasMessageContaining("must be a list of image ids");
  }
}
