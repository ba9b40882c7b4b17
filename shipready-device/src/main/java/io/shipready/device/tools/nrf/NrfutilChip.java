package io.shipready.device.tools.nrf;

import io.shipready.device.tools.ToolInvocation;
import io.shipready.device.tools.ToolResult;
import io.shipready.device.tools.ToolRunner;
import java.time.Duration;
import java.util.List;

/**
 * The chip's device id and MAC through nRF Util: {@code nrfutil device read --address 0x10000060
 * --bytes 8 --direct --serial-number <probe>}, then the same at 0x100000A0 for 12 bytes. {@code
 * --direct} reads the registers as they are, without the memory-controller setup meant for flash.
 */
final class NrfutilChip extends ChipReader {
  private final ToolRunner runner;
  private final String probe;
  private final Duration timeout;

  NrfutilChip(ToolRunner runner, String probe, Duration timeout) {
    super("nrfutil on probe " + probe, NrfutilProgrammer.UNREACHABLE);
    this.runner = runner;
    this.probe = probe;
    this.timeout = timeout;
  }

  @Override
  protected ToolResult read(long address, int bytes) throws InterruptedException {
    return runner.run(
        ToolInvocation.of(
            NrfutilProgrammer.TOOL,
            timeout,
            List.of(
                "device",
                "read",
                "--address",
                String.format("0x%08X", address),
                "--bytes",
                Integer.toString(bytes),
                "--direct",
                "--serial-number",
                probe)));
  }
}
