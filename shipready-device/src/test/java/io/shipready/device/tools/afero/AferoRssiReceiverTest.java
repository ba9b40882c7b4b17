package io.shipready.device.tools.afero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceException;
import io.shipready.core.spi.Radio.Band;
import org.junit.jupiter.api.Test;

/** The Afero RSSI receiver's SCPI replies, as recorded. */
class AferoRssiReceiverTest {
  @Test
  void aReplyInDbmIsTheRssi() {
    assertThat(AferoRssiReceiver.query(Band.BLE)).isEqualTo("MEAS:RSSI? BLE");
    assertThat(AferoRssiReceiver.parse(Band.BLE, "MEAS:RSSI? BLE", "-55.0", "r")).isEqualTo(-55.0);
    assertThat(AferoRssiReceiver.parse(Band.WIFI, "MEAS:RSSI? WIFI", "-6.15E+01\r", "r"))
        .isEqualTo(-61.5);
  }

  @Test
  void nothingHeardIsAUnitFaultSayingWhatTheModuleMustDo() {
    assertThatThrownBy(() -> AferoRssiReceiver.parse(Band.WIFI, "MEAS:RSSI? WIFI", "9.91E37", "r"))
        .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.unitFault()).isTrue())
        .hasMessageContaining("hears no Wi-Fi access point")
        .hasMessageContaining("factory test mode");
    assertThatThrownBy(() -> AferoRssiReceiver.parse(Band.BLE, "MEAS:RSSI? BLE", "9.91E+37", "r"))
        .hasMessageContaining("hears no BLE advertisement");
  }

  @Test
  void aReplyThatIsNoRssiIsAnErrorNamingTheQueryAndTheReply() {
    assertThatThrownBy(
            () ->
                AferoRssiReceiver.parse(
                    Band.BLE, "MEAS:RSSI? BLE", "-113,\"Undefined header\"", "127.0.0.1:5025"))
        .hasMessageContaining("127.0.0.1:5025 answered '-113,\"Undefined header\"' to MEAS:RSSI?")
        .hasMessageContaining("not a number in dBm");
    assertThatThrownBy(() -> AferoRssiReceiver.parse(Band.BLE, "MEAS:RSSI? BLE", "+12.0", "r"))
        .hasMessageContaining("no RSSI in dBm");
  }
}
