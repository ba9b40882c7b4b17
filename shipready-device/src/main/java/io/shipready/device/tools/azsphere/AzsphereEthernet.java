package io.shipready.device.tools.azsphere;

import io.shipready.core.spi.Ethernet;
import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolResult;
import java.util.List;
import java.util.Map;

/**
 * Whether the chip's Ethernet interface ({@code eth0}) is up, from {@code azsphere device network
 * list-interfaces}. The interface exists only once a board-configuration image that enables it
 * (e.g. for a W5500) is installed and the chip has restarted.
 */
final class AzsphereEthernet implements Ethernet {
  static final String INTERFACE = "eth0";

  private final AzsphereCli cli;
  private final String target;

  AzsphereEthernet(AzsphereCli cli, String target) {
    this.cli = cli;
    this.target = target;
  }

  @Override
  public boolean linkUp() throws InterruptedException {
    ToolResult result =
        cli.query(target, cli.settings().command(), List.of("network", "list-interfaces"));
    return linkUp(result);
  }

  static boolean linkUp(ToolResult result) {
    for (Map<String, String> row :
        AzsphereOutput.rows(result, List.of("interfaceName", "interfaceUp"))) {
      if (INTERFACE.equals(row.get("interfaceName"))) {
        String up = row.get("interfaceUp");
        if (!up.equalsIgnoreCase("true") && !up.equalsIgnoreCase("false")) {
          throw new ToolOutputException(result, "interfaceUp true or false for eth0, not " + up);
        }
        return Boolean.parseBoolean(up.toLowerCase(java.util.Locale.ROOT));
      }
    }
    return false;
  }
}
