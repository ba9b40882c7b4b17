package io.shipready.device.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.device.sim.azuresphere.AzureSphereOs;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationSettingsTest {

  @Test
  void defaultsAreRealTimeAtOneMegabytePerSecond() throws Exception {
    SimulationSettings settings = SimulationSettings.defaults();

    assertThat(settings.linkBytesPerSecond()).isEqualTo(1_000_000);
    assertThat(settings.timeScale()).isEqualTo(1.0);
    assertThat(settings.commandLatency()).isEqualTo(Duration.ofMillis(2));
    assertThat(settings.trustedKeys()).isEmpty();
    assertThat(settings.freshOsImageIds()).contains(AzureSphereOs.RF_TEST_SERVER_IMAGE_ID);
  }

  @Test
  void readsARecipeSimulationBlock() throws Exception {
    SimulationSettings settings =
        SimulationSettings.fromMap(
            Map.of(
                "link_bytes_per_second", 250_000,
                "time_scale", 0.01,
                "command_latency_ms", 5,
                "seed", 42,
                "afero_wifi_module", false));

    assertThat(settings.linkBytesPerSecond()).isEqualTo(250_000);
    assertThat(settings.timeScale()).isEqualTo(0.01);
    assertThat(settings.commandLatency()).isEqualTo(Duration.ofMillis(5));
    assertThat(settings.seed()).isEqualTo(42);
    assertThat(settings.aferoWifiModule()).isFalse();
  }

  @Test
  void anUnknownKeyIsRefusedByName() throws Exception {
    assertThatThrownBy(() -> SimulationSettings.fromMap(Map.of("link_speed", 1000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'link_speed'")
        .hasMessageContaining("link_bytes_per_second");
  }

  @Test
  void aValueOfTheWrongKindIsRefusedByKey() throws Exception {
    assertThatThrownBy(() -> SimulationSettings.fromMap(Map.of("time_scale", "fast")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time_scale");
    assertThatThrownBy(() -> SimulationSettings.fromMap(Map.of("link_bytes_per_second", 0)))
        .hasMessageContaining("link_bytes_per_second");
    assertThatThrownBy(() -> SimulationSettings.fromMap(Map.of("command_latency_ms", -1)))
        .hasMessageContaining("command_latency_ms");
  }

  @Test
  void transferTimeIsSizeOverLinkSpeed() throws Exception {
    SimulationSettings settings = SimulationSettings.builder().linkBytesPerSecond(400_000).build();

    assertThat(settings.transferTime(1_000_000)).isEqualTo(Duration.ofMillis(2500));
    assertThat(settings.transferTime(0)).isEqualTo(Duration.ZERO);
  }

  @Test
  void toBuilderKeepsEverySetting() throws Exception {
    SimulationSettings settings =
        SimulationSettings.builder()
            .seed(9)
            .timeScale(0)
            .trustKey("k1", TestImages.newKeyPair().getPublic())
            .build();

    SimulationSettings copy = settings.toBuilder().build();

    assertThat(copy.seed()).isEqualTo(9);
    assertThat(copy.timeScale()).isZero();
    assertThat(copy.trustedKeys()).isEqualTo(settings.trustedKeys());
  }
}
