package io.shipready.device.tools.azsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.OperationRefusedException;
import io.shipready.core.model.Identifier;
import io.shipready.core.spi.Ethernet;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Wifi;
import io.shipready.device.tools.StandIn;
import io.shipready.device.tools.StandIn.Reply;
import io.shipready.device.tools.ToolDevice;
import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wi-Fi, restart, Ethernet and the RF tool's e-fuses on recorded outputs of the azsphere CLI (JSON)
 * and of the RF settings tool.
 */
class AzsphereCapabilitiesTest {
  @TempDir Path temp;
  StandIn azsphere;
  StandIn rftool;

  @BeforeEach
  void attachedDevices() {
    azsphere = StandIn.create(temp.resolve("cli"), "azsphere");
    azsphere.on("device list-attached", Reply.stdout("azsphere/list-attached.txt"));
    rftool = StandIn.create(temp.resolve("rf"), RfTool.TOOL);
  }

  private ToolDevice attach() throws InterruptedException {
    return AzsphereDevice.attach(
        new AzsphereCli(azsphere.runner(), AzsphereSettings.DEFAULTS),
        new RfTool(rftool.runner(), Duration.ofSeconds(30)),
        "slot-2",
        "21143");
  }

  @Test
  void wifiStatusTakesTheSignalLevelOfTheConnectedNetworkFromTheScan() throws Exception {
    azsphere
        .on("wifi show-status", Reply.stdout("azsphere/wifi-show-status.json"))
        .on("wifi scan", Reply.stdout("azsphere/wifi-scan.json"));

    Wifi.Status status = attach().require(Wifi.class).status();

    assertThat(status).isEqualTo(new Wifi.Status("shipready-factory-test", true, -48));
    assertThat(azsphere.calls().get(1)).containsSubsequence("--output", "json");
  }

  @Test
  void aDisconnectedChipIsNotConnected() throws Exception {
    azsphere.on("wifi show-status", Reply.stdout("azsphere/wifi-show-status-disconnected.json"));

    assertThat(attach().require(Wifi.class).status().connected()).isFalse();
  }

  @Test
  void addingAndForgettingNetworksNamesEachByItsId() throws Exception {
    azsphere
        .on("wifi add", Reply.stdout("azsphere/wifi-add.json"))
        .on("wifi list", Reply.stdout("azsphere/wifi-list.json"))
        .on("wifi forget", Reply.stdout("azsphere/wifi-forget.txt"));
    Wifi wifi = attach().require(Wifi.class);

    wifi.addNetwork("shipready-factory-test", "");
    assertThat(wifi.networks()).containsExactly("shipready-factory-test", "left-over");
    wifi.removeAllNetworks();

    List<List<String>> calls = azsphere.calls();
    assertThat(calls.get(1))
        .containsExactly(
            "device",
            "wifi",
            "add",
            "--ssid",
            "shipready-factory-test",
            "--output",
            "json",
            "--device",
            "21143");
    assertThat(calls)
        .anySatisfy(call -> assertThat(call).containsSubsequence("forget", "--id", "0"))
        .anySatisfy(call -> assertThat(call).containsSubsequence("forget", "--id", "3"));
  }

  @Test
  void aDeviceCompleteChipRefusesWifiAndIsIdentifiedByItsDeviceIdAlone() throws Exception {
    azsphere.on("wifi", Reply.stderr("azsphere/wifi-locked.txt").exit(1));
    ToolDevice device = attach();

    assertThatThrownBy(() -> device.require(Wifi.class).networks())
        .isInstanceOf(OperationRefusedException.class)
        .hasMessageContaining("DeviceComplete");
    assertThat(device.require(Identity.class).identifiers())
        .extracting(Identifier::kind)
        .containsExactly(Identifier.DEVICE_ID);
  }

  @Test
  void theWifiMacJoinsTheDeviceIdWhileTheChipAnswers() throws Exception {
    azsphere.on("wifi show-status", Reply.stdout("azsphere/wifi-show-status.json"));

    assertThat(attach().require(Identity.class).identifiers())
        .contains(new Identifier(Identifier.WIFI_MAC, "02:1a:2b:bd:7b:10"));
  }

  @Test
  void ethernetIsUpOnlyWithAnEth0ThatIsUp() throws Exception {
    azsphere.on(
        "network list-interfaces",
        Reply.stdout("azsphere/network-list-interfaces-no-eth0.json"),
        Reply.stdout("azsphere/network-list-interfaces.json"));
    Ethernet ethernet = attach().require(Ethernet.class);

    assertThat(ethernet.linkUp()).isFalse();
    assertThat(ethernet.linkUp()).isTrue();
  }

  @Test
  void aTableWhereJsonWasAskedForIsAnErrorNamingTheCommand() throws Exception {
    azsphere.on("network list-interfaces", Reply.stdout("azsphere/list-attached.txt"));

    assertThatThrownBy(() -> attach().require(Ethernet.class).linkUp())
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining("network list-interfaces")
        .hasMessageContaining("interfaceName");
  }

  @Test
  void restartWaitsForTheChipToSayItRestarted() throws Exception {
    azsphere.on("device restart", Reply.stdout("azsphere/restart.txt"));

    attach().require(Power.class).reboot();

    assertThat(azsphere.calls().get(1)).containsExactly("device", "restart", "--device", "21143");
  }

  @Test
  void eFusesAreReadAndBurntThroughTheRfTool() throws Exception {
    rftool
        .on("read", Reply.stdout("azsphere/rftool-read.txt"))
        .on("write", Reply.stdout("azsphere/rftool-write.txt"));
    var fuses = attach().require(io.shipready.core.spi.Fuses.class);

    assertThat(fuses.read(0x36, 2)).containsExactly('D', 'E');
    fuses.write(0x36, "DE".getBytes(StandardCharsets.US_ASCII));

    assertThat(rftool.calls().get(0))
        .containsExactly("read", "--device", "21143", "--offset", "0x0036", "--length", "2");
    assertThat(rftool.calls().get(1))
        .containsExactly("write", "--device", "21143", "--offset", "0x0036", "--hex", "4445");
  }

  @Test
  void aRegionCodeThatIsNotTwoLettersIsRefusedBeforeTheRfToolRuns() throws Exception {
    rftool.on("write", Reply.stdout("azsphere/rftool-write-0x40.txt"));
    var fuses = attach().require(io.shipready.core.spi.Fuses.class);

    for (String code : List.of("00", "D", "de", "D1")) {
      assertThatThrownBy(() -> fuses.write(0x36, code.getBytes(StandardCharsets.US_ASCII)))
          .as(code)
          .isInstanceOf(OperationRefusedException.class);
    }
    fuses.write(0x40, new byte[] {0x12, 0x12}); // elsewhere any bytes go to the tool
    assertThat(rftool.calls()).hasSize(1);
  }

  @Test
  void theRfToolsRefusalPastBlankIsARefusal() throws Exception {
    rftool.on("write", Reply.stderr("azsphere/rftool-locked.txt").exit(1));
    var fuses = attach().require(io.shipready.core.spi.Fuses.class);

    assertThatThrownBy(() -> fuses.write(0x36, "DE".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(OperationRefusedException.class)
        .hasMessageContaining("Module1Complete");
  }

  @Test
  void aReadOfTheWrongOffsetOrLengthIsAnError() {
    ToolResult shifted = result("0x0037: 44 45\n");
    ToolResult short1 = result("0x0036: 44\n");

    assertThatThrownBy(() -> RfTool.parseRead(shifted, 0x36, 2))
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining("0x0037: 44 45");
    assertThatThrownBy(() -> RfTool.parseRead(short1, 0x36, 2))
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining("found 1 bytes");
  }

  private static ToolResult result(String stdout) {
    return new ToolResult(RfTool.TOOL, List.of("read"), 0, stdout, "", Duration.ofMillis(5), false);
  }
}
