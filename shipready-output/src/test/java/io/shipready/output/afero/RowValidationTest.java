package io.shipready.output.afero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.output.factoryfile.InvalidRowException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RowValidationTest {

  private static ProgrammingRow.Builder valid() {
    return ProgrammingRow.builder()
        .profile("23371", "1")
        .bootloader("1.2.0", "2")
        .app("3.1.7", "3")
        .wifi("19.6.1", "4")
        .deviceId("0123456789abcdef")
        .associationId("0123456789ABCDEF01234567")
        .companyCode("ACME")
        .bleMac("a0:b1:c2:d3:e4:f5");
  }

  @Test
  void writesHexInUpperCase() {
    ProgrammingRow row = valid().build();
    assertThat(row.deviceId()).isEqualTo("0123456789ABCDEF");
    assertThat(row.bleMac()).isEqualTo("A0:B1:C2:D3:E4:F5");
  }

  @Test
  void namesEachMissingField() {
    assertRefused(() -> valid().profile(null, "1").build(), "profile_version_id", "is missing");
    assertRefused(() -> valid().profile("23371", " ").build(), "profile_fw_type", "is missing");
    assertRefused(() -> valid().bootloader("", "2").build(), "bootloader_version_id", "is missing");
    assertRefused(() -> valid().app("3.1.7", null).build(), "app_fw_type", "is missing");
    assertRefused(() -> valid().deviceId(null).build(), "device_id", "is missing");
    assertRefused(() -> valid().associationId("").build(), "association_id", "is missing");
    assertRefused(() -> valid().companyCode(null).build(), "company_code", "is missing");
    assertRefused(() -> valid().bleMac(null).build(), "ble_mac", "is missing");
  }

  @Test
  void takesModulesWithoutWifiButNotHalfAWifiImage() {
    assertThat(valid().wifi(null, null).build().wifiVersionId()).isEmpty();
    assertRefused(() -> valid().wifi("19.6.1", "").build(), "wifi_fw_type", "give both");
    assertRefused(() -> valid().wifi(null, "4").build(), "wifi_version_id", "give both");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0123456789ABCDE", "0123456789ABCDEF0", "0123456789ABCDEG", "0x23456789ABCDEF"})
  void refusesADeviceIdThatIsNotSixteenHexDigits(String deviceId) {
    assertRefused(
        () -> valid().deviceId(deviceId).build(), "device_id", "is not 16 hexadecimal digits");
    assertRefused(() -> new RssiRow(-50, deviceId, "0123456789ABCDEF01234567"), "device_id", "16");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0123456789ABCDEF0123456",
        "0123456789ABCDEF012345678",
        "0123456789ABCDEF0123456Z"
      })
  void refusesAnAssociationIdThatIsNotTwentyFourHexDigits(String associationId) {
    assertRefused(
        () -> valid().associationId(associationId).build(),
        "association_id",
        "is not 24 hexadecimal digits");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A0B1C2D3E4F5", "a0-b1-c2-d3-e4-f5", "A0:B1:C2:D3:E4:F5"})
  void takesTheUsualWaysOfWritingAMac(String mac) {
    assertThat(valid().bleMac(mac).build().bleMac()).isEqualToIgnoringCase(mac);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"A0B1C2D3E4", "A0:B1:C2:D3:E4:G5", "A0:B1-C2:D3:E4:F5", "A0:B1:C2:D3:E4:F5:00"})
  void refusesAMalformedMac(String mac) {
    assertRefused(() -> valid().bleMac(mac).build(), "ble_mac", "is not a MAC address");
  }

  @Test
  void refusesAnRssiNoRadioReports() {
    assertRefused(
        () -> new RssiRow(-128, "0123456789ABCDEF", "0123456789ABCDEF01234567"),
        "rssi",
        "-127 to 20");
    assertRefused(
        () -> new RssiRow(21, "0123456789ABCDEF", "0123456789ABCDEF01234567"),
        "rssi",
        "-127 to 20");
    assertThat(new RssiRow(-127, "0123456789abcdef", "0123456789abcdef01234567").values())
        .containsExactly("-127", "0123456789ABCDEF", "0123456789ABCDEF01234567");
  }

  private static void assertRefused(ThrowingCallable build, String field, String message) {
    assertThatThrownBy(build)
        .isInstanceOfSatisfying(
            InvalidRowException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining(field)
        .hasMessageContaining(message);
  }
}
