package io.shipready.device.tools.nrf;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.Image;
import io.shipready.core.spi.Programmer;
import io.shipready.device.tools.RegionAddresses;
import io.shipready.device.tools.ToolErrors;
import io.shipready.device.tools.ToolInvocation;
import io.shipready.device.tools.ToolResult;
import io.shipready.device.tools.ToolRunner;
import io.shipready.device.tools.VerifiedRegions;
import io.shipready.device.tools.WorkFolder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Programs a Nordic chip with nRF Util, nrfjprog's successor: {@code nrfutil device program
 * --firmware <file.hex> --serial-number <probe> --options
 * chip_erase_mode=ERASE_RANGES_TOUCHED_BY_FIRMWARE,verify=VERIFY_READ}. With VERIFY_READ the tool
 * reads the flash back and compares it; it exits 0 only when everything matched, as documented.
 */
public final class NrfutilProgrammer implements Programmer {
  public static final String TOOL = "nrfutil";

  static final List<String> UNREACHABLE =
      List.of(
          "no devices",
          "not found",
          "unable to connect",
          "failed to connect",
          "could not connect",
          "cannot connect");

  private final ToolRunner runner;
  private final String probeSerial;
  private final RegionAddresses addresses;
  private final Duration timeout;
  private final VerifiedRegions verified = new VerifiedRegions();

  public NrfutilProgrammer(
      ToolRunner runner, String probeSerial, RegionAddresses addresses, Duration timeout) {
    this.runner = requireNonNull(runner, "runner");
    this.probeSerial = requireNonNull(probeSerial, "probeSerial");
    this.addresses = requireNonNull(addresses, "addresses");
    this.timeout = requireNonNull(timeout, "timeout");
  }

  @Override
  public void write(Image image) throws InterruptedException {
    verified.forget(image.name());
    try (WorkFolder folder = WorkFolder.create(TOOL)) {
      Path file = HexImages.write(folder, image, addresses, TOOL);
      ToolResult result =
          runner.run(
              ToolInvocation.of(
                  TOOL,
                  timeout,
                  List.of(
                      "device",
                      "program",
                      "--firmware",
                      file.toString(),
                      "--serial-number",
                      probeSerial,
                      "--options",
                      "chip_erase_mode=ERASE_RANGES_TOUCHED_BY_FIRMWARE,verify=VERIFY_READ")));
      if (!result.succeeded()) {
        if (ToolErrors.mentions(result, List.of("verif"))) {
          throw ToolErrors.flashFailed(
              result, "flash of " + image.name() + " differs from the image");
        }
        if (ToolErrors.mentions(result, UNREACHABLE)) {
          throw ToolErrors.unreachable(result, "probe " + probeSerial + " or its chip not found");
        }
        throw ToolErrors.flashFailed(result, "programming " + image.name() + " failed");
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
