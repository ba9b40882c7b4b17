package io.shipready.device.tools.jlink;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.DeviceException;
import io.shipready.device.spi.KnownQuantities;
import io.shipready.device.tools.ToolErrors;
import io.shipready.device.tools.ToolInvocation;
import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolResult;
import io.shipready.device.tools.ToolRunner;
import io.shipready.device.tools.WorkFolder;
import io.shipready.device.tools.nrf.ChipReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What J-Link Commander reads from the slot's chip and probe: the chip's FICR device id and MAC
 * ({@code mem32 10000060, 2} and {@code mem32 100000A0, 3} after connecting), and the target
 * voltage the J-Link measures on its VTref pin ({@code target_voltage}, in volts), which it prints
 * as {@code VTref=3.300V} when it opens. The voltage is read without connecting to the chip, so an
 * unpowered board reads 0 V and fails its limit instead of stopping at a connect error.
 */
final class JLinkChip extends ChipReader implements KnownQuantities {
  static final String TARGET_VOLTAGE = "target_voltage";
  private static final Pattern VTREF = Pattern.compile("VTref\\s*=\\s*([0-9]+(?:\\.[0-9]+)?)\\s*V");

  private final ToolRunner runner;
  private final JLinkSettings settings;

  JLinkChip(ToolRunner runner, JLinkSettings settings) {
    super("J-Link " + settings.probeSerial(), JLinkCommanderProgrammer.UNREACHABLE);
    this.runner = requireNonNull(runner, "runner");
    this.settings = requireNonNull(settings, "settings");
  }

  @Override
  protected ToolResult read(long address, int bytes) throws InterruptedException {
    return commander(
        List.of(
            "device " + settings.device(),
            "si " + settings.targetInterface(),
            "speed " + settings.speedKhz(),
            "connect",
            String.format("mem32 %08X, %X", address, bytes / 4),
            "exit"));
  }

  @Override
  public Set<String> quantities() {
    return Set.of(TARGET_VOLTAGE);
  }

  @Override
  public double read(String quantity) throws InterruptedException {
    if (!TARGET_VOLTAGE.equals(quantity)) {
      throw new DeviceException(
          "J-Link "
              + settings.probeSerial()
              + " measures "
              + TARGET_VOLTAGE
              + ", not '"
              + quantity
              + "'; give the slot a fixture that measures it",
          false);
    }
    ToolResult result =
        commander(
            List.of(
                "device " + settings.device(),
                "si " + settings.targetInterface(),
                "speed " + settings.speedKhz(),
                "exit"));
    if (ToolErrors.mentions(result, List.of("cannot connect to j-link", "no j-link found"))) {
      throw ToolErrors.unreachable(result, "J-Link " + settings.probeSerial() + " not found");
    }
    return targetVoltage(result);
  }

  static double targetVoltage(ToolResult result) {
    for (String line : result.lines()) {
      Matcher vtref = VTREF.matcher(line);
      if (vtref.find()) {
        return Double.parseDouble(vtref.group(1));
      }
    }
    throw new ToolOutputException(result, "'VTref=<volts>V' when the J-Link opens");
  }

  private ToolResult commander(List<String> commands) throws InterruptedException {
    try (WorkFolder folder = WorkFolder.create(JLinkCommanderProgrammer.TOOL)) {
      Path script =
          folder.write(
              "read.jlink",
              (String.join("\n", commands) + "\n").getBytes(StandardCharsets.US_ASCII));
      return runner.run(
          ToolInvocation.of(
              JLinkCommanderProgrammer.TOOL,
              settings.timeout(),
              List.of(
                  "-NoGui",
                  "1",
                  "-ExitOnError",
                  "1",
                  "-SelectEmuBySN",
                  settings.probeSerial(),
                  "-CommandFile",
                  script.toString())));
    }
  }
}
