package io.shipready.device.tools.azsphere;

import io.shipready.core.spi.Power;
import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolResult;
import java.util.List;
import java.util.Locale;

/**
 * Restarts the chip with {@code azsphere device restart}, which returns once the chip answers
 * again. A board-configuration image takes effect only after this.
 */
final class AzspherePower implements Power {
  private final AzsphereCli cli;
  private final String target;

  AzspherePower(AzsphereCli cli, String target) {
    this.cli = cli;
    this.target = target;
  }

  @Override
  public void reboot() throws InterruptedException {
    ToolResult result = cli.device(target, cli.settings().command(), List.of("restart"));
    if (!result.stdout().toLowerCase(Locale.ROOT).contains("restarted successfully")) {
      throw new ToolOutputException(result, "'Device restarted successfully.'");
    }
  }
}
