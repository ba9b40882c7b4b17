package io.shipready.device.tools.openocd;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.Image;
import io.shipready.core.spi.Programmer;
import io.shipready.device.tools.RegionAddresses;
import io.shipready.device.tools.ToolErrors;
import io.shipready.device.tools.ToolInvocation;
import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolResult;
import io.shipready.device.tools.ToolRunner;
import io.shipready.device.tools.VerifiedRegions;
import io.shipready.device.tools.WorkFolder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Programs a chip with OpenOCD: {@code openocd -f <interface.cfg> -f <target.cfg> -c "adapter
 * serial <serial>" -c "program {<file>} <address> verify reset exit"}. OpenOCD reports on standard
 * error; a write counts only when it printed "** Verified OK **".
 */
public final class OpenOcdProgrammer implements Programmer {
  public static final String TOOL = "openocd";

  private static final List<String> UNREACHABLE =
      List.of(
          "init mode failed",
          "init failed",
          "unable to find",
          "unable to open",
          "no device found",
          "unable to connect",
          "not found",
          "error connecting dp",
          "target not examined");

  private final ToolRunner runner;
  private final List<String> configFiles;
  private final String adapterSerial;
  private final RegionAddresses addresses;
  private final Duration timeout;
  private final VerifiedRegions verified = new VerifiedRegions();

  /**
   * @param configFiles the interface and target scripts, e.g. interface/cmsis-dap.cfg and
   *     target/nrf52.cfg
   * @param adapterSerial the debug adapter's serial number; empty when the station has one
   */
  public OpenOcdProgrammer(
      ToolRunner runner,
      List<String> configFiles,
      String adapterSerial,
      RegionAddresses addresses,
      Duration timeout) {
    this.runner = requireNonNull(runner, "runner");
    this.configFiles = List.copyOf(configFiles);
    this.adapterSerial = requireNonNull(adapterSerial, "adapterSerial");
    this.addresses = requireNonNull(addresses, "addresses");
    this.timeout = requireNonNull(timeout, "timeout");
    if (this.configFiles.isEmpty()) {
      throw new IllegalArgumentException(
          "openocd needs its interface and target configuration files (-f)");
    }
  }

  @Override
  public void write(Image image) throws InterruptedException {
    verified.forget(image.name());
    long address = addresses.of(TOOL, image.name());
    try (WorkFolder folder = WorkFolder.create(TOOL)) {
      Path binary = folder.write(image, ".bin");
      List<String> arguments = new ArrayList<>();
      for (String config : configFiles) {
        arguments.add("-f");
        arguments.add(config);
      }
      if (!adapterSerial.isEmpty()) {
        arguments.add("-c");
        arguments.add("adapter serial " + adapterSerial);
      }
      arguments.add("-c");
      // Braces keep a path with spaces one Tcl word.
      arguments.add(
          "program {" + binary + "} " + RegionAddresses.hex(address) + " verify reset exit");
      ToolResult result = runner.run(ToolInvocation.of(TOOL, timeout, arguments));
      String what = "programming " + image.name() + " with openocd";
      if (ToolErrors.mentions(result, List.of("** verify failed **"))) {
        throw ToolErrors.flashFailed(result, what + ": flash differs from the image");
      }
      if (ToolErrors.mentions(result, List.of("** programming failed **"))) {
        throw ToolErrors.flashFailed(result, what + " failed");
      }
      if (!result.succeeded()) {
        if (ToolErrors.mentions(result, UNREACHABLE)) {
          throw ToolErrors.unreachable(result, what + ": adapter or target not reachable");
        }
        throw ToolErrors.flashFailed(result, what + " failed");
      }
      if (!result.output().contains("** Verified OK **")) {
        throw new ToolOutputException(result, "'** Verified OK **' after programming");
      }
    }
    verified.verified(image);
  }

  @Override
  public String readBackSha256(String region) {
    return verified.sha256(region);
  }

  @Override
  public String version(String region) {
    return verified.version(region);
  }
}
