package io.shipready.device.tools.jlink;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Programs a chip through a SEGGER J-Link with J-Link Commander ({@code JLinkExe}, {@code
 * JLink.exe} on Windows): writes a command file into a private folder and runs {@code JLinkExe
 * -NoGui 1 -ExitOnError 1 -SelectEmuBySN <serial> -CommandFile <file>}. Commander's exit code says
 * little, so its output decides: the load must end in "O.K." and {@code verifybin} must say "Verify
 * successful".
 */
public final class JLinkCommanderProgrammer implements Programmer {
  public static final String TOOL = "jlink";

  static final List<String> UNREACHABLE =
      List.of(
          "cannot connect to target",
          "cannot connect to j-link",
          "could not open j-link",
          "could not connect",
          "no j-link found",
          "failed to identify target",
          "could not find core");

  private final ToolRunner runner;
  private final JLinkSettings settings;
  private final RegionAddresses addresses;
  private final VerifiedRegions verified = new VerifiedRegions();

  public JLinkCommanderProgrammer(
      ToolRunner runner, JLinkSettings settings, RegionAddresses addresses) {
    this.runner = requireNonNull(runner, "runner");
    this.settings = requireNonNull(settings, "settings");
    this.addresses = requireNonNull(addresses, "addresses");
  }

  @Override
  public void write(Image image) throws InterruptedException {
    verified.forget(image.name());
    long address = addresses.of(TOOL, image.name());
    try (WorkFolder folder = WorkFolder.create(TOOL)) {
      Path binary = folder.write(image, ".bin");
      Path script =
          folder.write(
              "program.jlink",
              (String.join("\n", JLinkCommandFile.program(settings, binary, address)) + "\n")
                  .getBytes(StandardCharsets.US_ASCII));
      ToolResult result =
          runner.run(
              ToolInvocation.of(
                  TOOL,
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
      check(result, image);
    }
    verified.verified(image);
  }

  private void check(ToolResult result, Image image) {
    String what = "programming " + image.name() + " with J-Link " + settings.probeSerial();
    if (ToolErrors.mentions(result, UNREACHABLE)) {
      throw ToolErrors.unreachable(result, what + ": no connection");
    }
    if (ToolErrors.mentions(result, List.of("verify failed"))) {
      throw ToolErrors.flashFailed(result, what + ": flash differs from the image");
    }
    if (!result.succeeded()
        || ToolErrors.mentions(result, List.of("error while programming", "failed to open file"))) {
      throw ToolErrors.flashFailed(result, what + " failed");
    }
    List<String> lines = result.lines();
    if (!lines.contains("O.K.")) {
      throw new ToolOutputException(result, "'O.K.' after the file download");
    }
    if (!lines.contains("Verify successful.")) {
      throw new ToolOutputException(result, "'Verify successful.' from verifybin");
    }
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
