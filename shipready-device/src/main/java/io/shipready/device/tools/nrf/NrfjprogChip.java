package io.shipready.device.tools.nrf;

import io.shipready.device.tools.ToolInvocation;
import io.shipready.device.tools.ToolResult;
import io.shipready.device.tools.ToolRunner;
import java.time.Duration;
import java.util.List;

/**
 * The chip's device id and MAC through nrfjprog: {@code nrfjprog -f <family> -s <probe> --memrd
 * 0x10000060 --n 8}, then {@code --memrd 0x100000A0 --n 12}.
 */
final class NrfjprogChip extends ChipReader {
  private final ToolRunner runner;
  private final String family;
  private final String probe;
  private final Duration timeout;

  NrfjprogChip(ToolRunner runner, String family, String probe, Duration timeout) {
    super("nrfjprog on probe " + probe, NrfjprogProgrammer.UNREACHABLE);
    this.runner = runner;
    this.family = family;
    this.probe = probe;
    this.timeout = timeout;
  }

  @Override
  protected ToolResult read(long address, int bytes) throws InterruptedException {
    return runner.run(
        ToolInvocation.of(
            NrfjprogProgrammer.TOOL,
            timeout,
            List.of(
                "-f",
                family,
                "-s",
                probe,
                "--memrd",
                String.format("0x%08X", address),
                "--n",
                Integer.toString(bytes))));
  }
}
