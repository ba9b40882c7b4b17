package io.shipready.device.tools.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceException;
import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.model.Identifier;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.Sensors;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Nordic chip tells who it is through each probe tool: its FICR device id and address, read with
 * nrfjprog --memrd, nrfutil device read and J-Link Commander mem32, give the same identifiers; the
 * J-Link measures the target voltage on its VTref pin.
 */
class ProbeIdentityStandInTest {
  private static final String PROBE = "683012377";

  @TempDir Path temp;
  StandIns standIns;

  @BeforeEach
  void standIns() {
    standIns = StandIns.in(temp);
    standIns.device(
        "create",
        "--family",
        "probe",
        "--id",
        PROBE,
        "--ficr-device-id",
        "0123456789ABCDEF",
        "--ficr-device-address",
        "1234567890AB");
  }

  @ParameterizedTest
  @ValueSource(strings = {"jlink", "nrfjprog", "nrfutil"})
  void identifiesTheChipFromItsFicr(String driver) throws Exception {
    Identity identity = unit(driver).require(Identity.class);

    assertThat(identity.identifiers())
        .containsExactly(
            new Identifier(Identifier.DEVICE_ID, "0123456789ABCDEF"),
            // A random static address: its two top bits set, as it goes over the air.
            new Identifier(Identifier.BLE_MAC, "D2:34:56:78:90:AB"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"jlink", "nrfjprog", "nrfutil"})
  void aChipThatDoesNotAnswerIsUnreachable(String driver) {
    standIns.device("fault", PROBE, "no-target");

    assertThatThrownBy(() -> unit(driver).require(Identity.class).identifiers())
        .isInstanceOf(DeviceUnreachableException.class)
        .hasMessageContaining(PROBE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jlink", "nrfjprog", "nrfutil"})
  void aProtectedChipIsAUnitFaultNamingTheRecover(String driver) {
    standIns.device("fault", PROBE, "locked");

    assertThatThrownBy(() -> unit(driver).require(Identity.class).identifiers())
        .isInstanceOf(DeviceException.class)
        .hasMessageContaining("protection")
        .hasMessageContaining("recover")
        .satisfies(e -> assertThat(((DeviceException) e).unitFault()).isTrue());
  }

  @Test
  void theJLinkMeasuresTheTargetVoltage() throws Exception {
    Sensors sensors = unit("jlink").require(Sensors.class);
    assertThat(sensors.read("target_voltage")).isEqualTo(3.3);

    standIns.device("fault", PROBE, "low-supply");
    assertThat(sensors.read("target_voltage")).isEqualTo(2.1);

    standIns.device("clear", PROBE);
    standIns.device("fault", PROBE, "no-target");
    assertThat(sensors.read("target_voltage")).as("an unpowered board reads 0 V").isZero();
  }

  @Test
  void aChipWithoutThisFicrLayoutHasNoIdentityFromTheProbe() throws Exception {
    Device nrf91 = unit("nrfjprog", Map.of("nrf_family", "NRF91"));
    assertThat(nrf91.capability(Identity.class)).isEmpty();
  }

  private Device unit(String driver) throws InterruptedException {
    return unit(driver, Map.of());
  }

  private Device unit(String driver, Map<String, Object> more) throws InterruptedException {
    Map<String, Object> slot = new HashMap<>(more);
    slot.put("driver", driver);
    slot.put("family", "my-product");
    slot.put("probe", PROBE);
    slot.put("timeout_s", 60);
    if (driver.equals("jlink")) {
      slot.put("device", "NRF52840_XXAA");
    }
    return standIns.attach("slot-1", slot);
  }
}
