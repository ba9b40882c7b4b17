package io.shipready.device.tools.azsphere;

import io.shipready.core.device.DeviceException;
import io.shipready.core.spi.Wifi;
import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The chip's Wi-Fi networks through {@code azsphere device wifi add / list / show-status / scan /
 * forget}, read in the slot's output layout (JSON by default). The CLI's status has no signal
 * strength, so the RSSI is the connected network's signal level in {@code wifi scan}. A
 * DeviceComplete chip refuses every Wi-Fi command.
 */
final class AzsphereWifi implements Wifi {
  private final AzsphereCli cli;
  private final String target;

  AzsphereWifi(AzsphereCli cli, String target) {
    this.cli = cli;
    this.target = target;
  }

  @Override
  public void addNetwork(String ssid, String psk) throws InterruptedException {
    List<String> command = new ArrayList<>(List.of("wifi", "add", "--ssid", ssid));
    if (psk != null && !psk.isEmpty()) {
      command.addAll(List.of("--psk", psk));
    }
    ToolResult result = query(command);
    Map<String, String> added = AzsphereOutput.single(result, List.of("id", "ssid"));
    if (!ssid.equals(added.get("ssid"))) {
      throw new ToolOutputException(result, "the added network " + ssid);
    }
  }

  @Override
  public Status status() throws InterruptedException {
    ToolResult result = query(List.of("wifi", "show-status"));
    Map<String, String> status = AzsphereOutput.single(result, List.of("connectionState"));
    // A chip on no network may leave the SSID out altogether.
    String ssid = java.util.Objects.requireNonNullElse(AzsphereOutput.field(status, "ssid"), "");
    if (!"connected".equalsIgnoreCase(status.get("connectionState"))) {
      return new Status(ssid, false, 0);
    }
    if (ssid.isEmpty()) {
      throw new ToolOutputException(result, "the SSID of the network the chip is connected to");
    }
    ToolResult scan = query(List.of("wifi", "scan"));
    for (Map<String, String> seen : AzsphereOutput.rows(scan, List.of("ssid", "signalLevel"))) {
      if (ssid.equals(seen.get("ssid"))) {
        try {
          return new Status(ssid, true, Integer.parseInt(seen.get("signalLevel").strip()));
        } catch (NumberFormatException notNumber) {
          throw new ToolOutputException(scan, "a signal level in dBm for " + ssid);
        }
      }
    }
    throw new DeviceException(
        "device at "
            + target
            + " is connected to "
            + ssid
            + " but 'azsphere device wifi scan' does not see it; check the test network",
        false);
  }

  @Override
  public List<String> networks() throws InterruptedException {
    return configured().stream().map(network -> network.get("ssid")).toList();
  }

  @Override
  public void removeAllNetworks() throws InterruptedException {
    for (Map<String, String> network : configured()) {
      ToolResult result = run(List.of("wifi", "forget", "--id", network.get("id")));
      if (!result.stdout().toLowerCase(java.util.Locale.ROOT).contains("forgotten")) {
        throw new ToolOutputException(result, "'Successfully forgotten network.'");
      }
    }
  }

  /** The MAC address of the Wi-Fi interface, from the status. */
  String macAddress() throws InterruptedException {
    ToolResult result = query(List.of("wifi", "show-status"));
    return AzsphereOutput.single(result, List.of("macAddress")).get("macAddress");
  }

  private List<Map<String, String>> configured() throws InterruptedException {
    ToolResult result = query(List.of("wifi", "list"));
    return AzsphereOutput.rows(result, List.of("id", "ssid"));
  }

  private ToolResult query(List<String> command) throws InterruptedException {
    return cli.query(target, cli.settings().command(), command);
  }

  private ToolResult run(List<String> command) throws InterruptedException {
    return cli.device(target, cli.settings().command(), command);
  }
}
