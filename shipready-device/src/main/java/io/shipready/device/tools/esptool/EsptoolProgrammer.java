package io.shipready.device.tools.esptool;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.DeviceException;
import io.shipready.core.device.Image;
import io.shipready.core.model.Identifier;
import io.shipready.core.spi.Identity;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Programs an Espressif chip over its serial port with esptool: {@code write_flash <address>
 * <file>}, then {@code verify_flash <address> <file>}, which compares the flash's digest with the
 * file's. Also reads the chip's MAC address ({@code read_mac}) as its identity. The underscore
 * command names work with esptool 4 and 5.
 */
public final class EsptoolProgrammer implements Programmer, Identity {
  public static final String TOOL = "esptool";

  private static final Pattern MAC =
      Pattern.compile("(?im)^\\s*(?:BASE )?MAC:\\s*((?:[0-9a-f]{2}:){5}[0-9a-f]{2})\\s*$");
  private static final Pattern CHIP = Pattern.compile("(?im)^\\s*Chip (?:is|type:)\\s*(.+?)\\s*$");
  private static final List<String> UNREACHABLE =
      List.of(
          "failed to connect",
          "could not open port",
          "no serial data received",
          "could not exclusively lock port",
          "device not configured");

  private final ToolRunner runner;
  private final EsptoolSettings settings;
  private final RegionAddresses addresses;
  private final VerifiedRegions verified = new VerifiedRegions();

  public EsptoolProgrammer(ToolRunner runner, EsptoolSettings settings, RegionAddresses addresses) {
    this.runner = requireNonNull(runner, "runner");
    this.settings = requireNonNull(settings, "settings");
    this.addresses = requireNonNull(addresses, "addresses");
  }

  @Override
  public void write(Image image) throws InterruptedException {
    verified.forget(image.name());
    String address = RegionAddresses.hex(addresses.of(TOOL, image.name()));
    try (WorkFolder folder = WorkFolder.create(TOOL)) {
      Path binary = folder.write(image, ".bin");
      ToolResult written = run("write_flash", address, binary.toString());
      if (!written.succeeded()) {
        throw failure(written, "writing " + image.name() + " failed");
      }
      if (!written.output().contains("Wrote ")) {
        throw new ToolOutputException(written, "'Wrote <n> bytes ... at " + address + "'");
      }
      ToolResult verify = run("verify_flash", address, binary.toString());
      if (verify.output().contains("verify FAILED")) {
        throw ToolErrors.flashFailed(
            verify, "flash of " + image.name() + " differs from the image");
      }
      if (!verify.succeeded()) {
        throw failure(verify, "verifying " + image.name() + " failed");
      }
      if (!verify.output().contains("verify OK")) {
        throw new ToolOutputException(verify, "'-- verify OK (digest matched)'");
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

  /** The chip's base MAC, as the Wi-Fi MAC. */
  @Override
  public List<Identifier> identifiers() throws InterruptedException {
    ToolResult result = readMac();
    Matcher mac = MAC.matcher(result.output());
    if (!mac.find()) {
      throw new ToolOutputException(result, "a line 'MAC: xx:xx:xx:xx:xx:xx'");
    }
    List<Identifier> identifiers = new ArrayList<>();
    identifiers.add(new Identifier(Identifier.WIFI_MAC, mac.group(1).toLowerCase(Locale.ROOT)));
    return identifiers;
  }

  /** The chip as esptool names it ("ESP32-D0WD-V3 (revision v3.0)"). */
  @Override
  public Map<String, String> versions() throws InterruptedException {
    Matcher chip = CHIP.matcher(readMac().output());
    Map<String, String> versions = new LinkedHashMap<>();
    if (chip.find()) {
      versions.put("chip", chip.group(1));
    }
    return versions;
  }

  private ToolResult readMac() throws InterruptedException {
    ToolResult result = run("read_mac");
    if (!result.succeeded()) {
      throw failure(result, "reading the MAC failed");
    }
    return result;
  }

  private ToolResult run(String... command) throws InterruptedException {
    List<String> arguments = new ArrayList<>();
    arguments.addAll(
        List.of(
            "--chip",
            settings.chip(),
            "--port",
            settings.port(),
            "--baud",
            Integer.toString(settings.baud())));
    arguments.addAll(List.of(command));
    return runner.run(ToolInvocation.of(TOOL, settings.timeout(), arguments));
  }

  private DeviceException failure(ToolResult result, String what) {
    if (ToolErrors.mentions(result, UNREACHABLE)) {
      return ToolErrors.unreachable(result, "chip on " + settings.port() + " not answering");
    }
    return ToolErrors.flashFailed(result, what);
  }
}
