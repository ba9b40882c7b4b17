package io.shipready.device.tools.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceException;
import io.shipready.core.model.Identifier;
import io.shipready.core.spi.Radio.Band;
import io.shipready.device.tools.StandIn;
import io.shipready.device.tools.StandIn.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The station PC's radios as the unit's receiver, on recorded outputs of BlueZ's btmgmt and
 * bluetoothctl and of iw: the unit's signal is picked by the device id from its QR code (or its
 * MAC) among the others the station hears.
 */
class StationRadioTest {
  private static final List<Identifier> SCANNED =
      List.of(
          new Identifier(Identifier.ASSOCIATION_ID, "0A1B2C3D4E5F60718293A4B5"),
          new Identifier(Identifier.DEVICE_ID, "0123456789ABCDEF"));

  @TempDir Path temp;

  @Test
  void readsEveryAdvertisementBtmgmtFound() throws IOException {
    List<Heard> heard = ScanOutput.btmgmt(recorded("btmgmt-find.txt"));

    assertThat(heard)
        .extracting(Heard::address)
        .containsExactly("5C:F3:70:8B:12:04", "D2:34:56:78:90:AB", "F1:0E:22:5A:C3:09");
    assertThat(heard.get(1).name()).isEqualTo("Afero-0123456789ABCDEF");
    assertThat(heard.get(1).rssi()).containsExactly(-57.0, -55.0);
  }

  @Test
  void readsBluetoothctlsRssiChangesAndManufacturerData() throws IOException {
    List<Heard> heard = ScanOutput.bluetoothctl(recorded("bluetoothctl-scan.txt"));

    Heard unit =
        heard.stream().filter(h -> h.address().equals("D2:34:56:78:90:AB")).findFirst().get();
    assertThat(unit.rssi()).containsExactly(-56.0, -58.0);
    assertThat(unit.data()).isEqualTo("0123456789ABCDEF0102");
    assertThat(unit.name()).as("a device named by its address has no name").isEmpty();
  }

  @Test
  void readsTheAccessPointsIwListed() throws IOException {
    List<Heard> heard = ScanOutput.iw(recorded("iw-scan.txt"));

    assertThat(heard).hasSize(3);
    assertThat(heard.get(1).address()).isEqualTo("02:AF:00:00:1C:42");
    assertThat(heard.get(1).name()).isEqualTo("AFERO-FTM-0123456789ABCDEF");
    assertThat(heard.get(1).rssi()).containsExactly(-49.0);
  }

  @Test
  void picksTheUnitByTheDeviceIdOfItsQrCode() throws Exception {
    assertThat(radio("btmgmt", "btmgmt-find.txt").rssiDbm(Band.BLE, SCANNED)).isEqualTo(-56.0);
    assertThat(radio("bluetoothctl", "bluetoothctl-scan.txt").rssiDbm(Band.BLE, SCANNED))
        .isEqualTo(-57.0);
    assertThat(radio("iw", "iw-scan.txt").rssiDbm(Band.WIFI, SCANNED)).isEqualTo(-49.0);
  }

  @Test
  void picksTheUnitByItsMacWhenTheRunKnowsIt() throws Exception {
    List<Identifier> known = List.of(new Identifier(Identifier.WIFI_MAC, "02:af:00:00:1c:77"));
    assertThat(radio("iw", "iw-scan.txt").rssiDbm(Band.WIFI, known)).isEqualTo(-52.0);
  }

  @Test
  void aUnitNotHeardFailsNamingWhatWasLookedFor() throws Exception {
    List<Identifier> other = List.of(new Identifier(Identifier.DEVICE_ID, "00000000DEADBEEF"));

    assertThatThrownBy(() -> radio("btmgmt", "btmgmt-find.txt").rssiDbm(Band.BLE, other))
        .isInstanceOf(DeviceException.class)
        .hasMessageContaining("did not hear the unit (device id 00000000DEADBEEF)")
        .hasMessageContaining("among the 3 it heard")
        .satisfies(e -> assertThat(((DeviceException) e).unitFault()).isTrue());
  }

  @Test
  void withoutTheUnitsIdsItCannotPickASignal() throws Exception {
    assertThatThrownBy(() -> radio("btmgmt", "btmgmt-find.txt").rssiDbm(Band.BLE, List.of()))
        .isInstanceOf(DeviceException.class)
        .hasMessageContaining("needs the unit's device id or MAC");
  }

  private StationRadio radio(String tool, String output) {
    StandIn standIn = StandIn.create(temp.resolve(tool), tool);
    standIn.on(tool.equals("btmgmt") ? "find" : "scan", Reply.stdout("radio/" + output));
    StationRadio.Scanner scanner =
        switch (tool) {
          case "btmgmt" ->
              new StationRadio.Scanner(
                  tool, List.of("--index", "0", "find", "-l"), ScanOutput::btmgmt);
          case "bluetoothctl" ->
              new StationRadio.Scanner(
                  tool, List.of("--timeout", "10", "scan", "on"), ScanOutput::bluetoothctl);
          default ->
              new StationRadio.Scanner(tool, List.of("dev", "wlan0", "scan"), ScanOutput::iw);
        };
    return tool.equals("iw")
        ? new StationRadio(standIn.runner(), null, scanner, Duration.ofSeconds(30))
        : new StationRadio(standIn.runner(), scanner, null, Duration.ofSeconds(30));
  }

  private static List<String> recorded(String name) throws IOException {
    try (InputStream in =
        StationRadioTest.class.getResourceAsStream("/io/shipready/device/tools/radio/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
