package io.shipready.device.tools.afero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceException;
import io.shipready.core.model.Identifier;
import org.junit.jupiter.api.Test;

/** The {@code ids} line of an Afero module's UART, as recorded from the module's console. */
class AferoIdsTest {
  private static final String WIFI_MODULE =
      "device_id=30B97E54F7A2089A association_id=7ECBCDEC5602E2AD6EC04A14 company_code=4989"
          + " ble_mac=EA:0B:CF:29:31:9E wifi_mac=02:5C:11:A0:3B:07\r\n";

  @Test
  void everyIdOfTheLineIsReportedInItsOrder() {
    assertThat(AferoIds.parse(WIFI_MODULE, "console"))
        .containsExactly(
            new Identifier(Identifier.DEVICE_ID, "30B97E54F7A2089A"),
            new Identifier(Identifier.ASSOCIATION_ID, "7ECBCDEC5602E2AD6EC04A14"),
            new Identifier(Identifier.COMPANY_CODE, "4989"),
            new Identifier(Identifier.BLE_MAC, "EA:0B:CF:29:31:9E"),
            new Identifier(Identifier.WIFI_MAC, "02:5C:11:A0:3B:07"));
  }

  @Test
  void aBleModuleHasNoWifiMac() {
    assertThat(
            AferoIds.parse(
                "device_id=30B97E54F7A2089A association_id=7ECBCDEC5602E2AD6EC04A14"
                    + " company_code=4989 ble_mac=EA:0B:CF:29:31:9E",
                "console"))
        .extracting(Identifier::kind)
        .doesNotContain(Identifier.WIFI_MAC);
  }

  @Test
  void anythingElseIsAnErrorNamingTheCommandAndTheLine() {
    assertThatThrownBy(() -> AferoIds.parse("ERROR unknown command 'ids'; try help", "console"))
        .isInstanceOf(DeviceException.class)
        .hasMessageContaining("answered 'ERROR unknown command 'ids'; try help' to 'ids'")
        .hasMessageContaining("'ERROR' is not one of");
    assertThatThrownBy(
            () -> AferoIds.parse("device_id=30b97e54f7a2089a association_id=7ECB", "console at X"))
        .hasMessageContaining("the Afero module on the console at X")
        .hasMessageContaining("device_id '30b97e54f7a2089a' is not");
    assertThatThrownBy(
            () ->
                AferoIds.parse("device_id=30B97E54F7A2089A device_id=30B97E54F7A2089A", "console"))
        .hasMessageContaining("device_id is given twice");
    assertThatThrownBy(() -> AferoIds.parse("device_id=30B97E54F7A2089A", "console"))
        .hasMessageContaining("it has no association_id");
  }
}
