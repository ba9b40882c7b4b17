package io.shipready.device.tools.nrf;

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
import java.util.List;

/**
 * Programs a Nordic nRF chip through a J-Link probe with nrfjprog: {@code nrfjprog -f <family> -s
 * <probe serial> --program <file.hex> --sectorerase --verify}. nrfjprog takes Intel HEX only, so a
 * binary image is converted at its region's address first. A write counts only when nrfjprog
 * printed "Verified OK".
 */
public final class NrfjprogProgrammer implements Programmer {
  public static final String TOOL = "nrfjprog";

  static final List<String> UNREACHABLE =
      List.of(
          "unable to connect",
          "no debugger",
          "not connected",
          "cannot connect",
          "could not connect",
          "no emulator",
          "not found");

  private final ToolRunner runner;
  private final String family;
  private final String probeSerial;
  private final RegionAddresses addresses;
  private final Duration timeout;
  private final VerifiedRegions verified = new VerifiedRegions();

  /**
   * @param family the chip family nrfjprog expects: NRF51, NRF52, NRF53, NRF91
   * @param probeSerial the J-Link's serial number: names the slot's probe among several
   * @param addresses where binary images go; HEX images carry their own addresses
   */
  public NrfjprogProgrammer(
      ToolRunner runner,
      String family,
      String probeSerial,
      RegionAddresses addresses,
      Duration timeout) {
    this.runner = requireNonNull(runner, "runner");
    this.family = requireNonNull(family, "family");
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
                      "-f",
                      family,
                      "-s",
                      probeSerial,
                      "--program",
                      file.toString(),
                      "--sectorerase",
                      "--verify")));
      if (!result.succeeded()) {
        if (ToolErrors.mentions(result, UNREACHABLE)) {
          throw ToolErrors.unreachable(result, "probe " + probeSerial + " or its chip not found");
        }
        throw ToolErrors.flashFailed(result, "programming " + image.name() + " failed");
      }
      if (!result.output().contains("Verified OK")) {
        throw new ToolOutputException(result, "'Verified OK.' after programming");
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
