package io.shipready.device.tools.particle;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.DeviceException;
import io.shipready.device.tools.ToolErrors;
import io.shipready.device.tools.ToolInvocation;
import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolResult;
import io.shipready.device.tools.ToolRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Particle command line, for devices on USB: {@code particle identify --port <port>} (the
 * device in listening mode), {@code particle flash --local <device id> <file> --application-only},
 * which flashes exactly the given module without fetching Device OS from the network, {@code
 * particle serial inspect --port <port>} (the modules on the device, in any mode), {@code particle
 * usb list}, {@code particle flash --serial <file> --port <port>} (the NCP, in listening mode),
 * {@code particle usb cloud-status <device id>}, and {@code particle usb
 * setup-done|reset|start-listening|stop-listening <device id>}, which answer "Done.". The device is
 * always named, by serial port or device id, never left to auto-detection.
 */
public final class ParticleCli {
  public static final String TOOL = "particle";

  private final ToolRunner runner;
  private final Duration identifyTimeout;
  private final Duration flashTimeout;

  /** Identify gets 30 s; flash 4 minutes, as an NCP (ESP32) update can take minutes. */
  public ParticleCli(ToolRunner runner) {
    this(runner, Duration.ofSeconds(30), Duration.ofMinutes(4));
  }

  public ParticleCli(ToolRunner runner, Duration identifyTimeout, Duration flashTimeout) {
    this.runner = requireNonNull(runner, "runner");
    this.identifyTimeout = requireNonNull(identifyTimeout, "identifyTimeout");
    this.flashTimeout = requireNonNull(flashTimeout, "flashTimeout");
  }

  public ParticleIdentity identify(String port) throws InterruptedException {
    requireNonNull(port, "port");
    ToolResult result =
        runner.run(ToolInvocation.of(TOOL, identifyTimeout, List.of("identify", "--port", port)));
    if (!result.succeeded()) {
      throw error(result);
    }
    return ParticleIdentity.parse(result);
  }

  /**
   * {@code particle flash --local <device id> <file> --application-only}: the module in the file,
   * on the device named by id; the CLI's report is read and checked ({@link ParticleFlashReport}).
   */
  public ParticleFlashReport flash(String deviceId, Path file) throws InterruptedException {
    requireNonNull(deviceId, "deviceId");
    requireNonNull(file, "file");
    return flashed(
        deviceId,
        file,
        List.of("flash", "--local", deviceId, file.toString(), "--application-only"));
  }

  /**
   * {@code particle flash --serial <file> --port <port>}: over USB serial to a device in listening
   * mode (blinking dark blue), the way the NCP (ESP32) of a Tracker is updated.
   */
  public ParticleFlashReport flashSerial(String deviceId, String port, Path file)
      throws InterruptedException {
    requireNonNull(deviceId, "deviceId");
    requireNonNull(port, "port");
    requireNonNull(file, "file");
    return flashed(deviceId, file, List.of("flash", "--serial", file.toString(), "--port", port));
  }

  private ParticleFlashReport flashed(String deviceId, Path file, List<String> arguments)
      throws InterruptedException {
    ToolResult result = runner.run(ToolInvocation.of(TOOL, flashTimeout, arguments));
    if (!result.succeeded()) {
      if (unreachable(result)) {
        throw ToolErrors.unreachable(result, "device " + deviceId + " not found on USB");
      }
      throw ToolErrors.flashFailed(result, "flashing " + file.getFileName() + " failed");
    }
    return ParticleFlashReport.read(result, deviceId, file.getFileName().toString());
  }

  /**
   * {@code particle usb cloud-status <device id>}: the device's cloud connection state now
   * (unknown, disconnected, connecting, connected, disconnecting).
   */
  public String cloudStatus(String deviceId) throws InterruptedException {
    requireNonNull(deviceId, "deviceId");
    ToolResult result =
        runner.run(
            ToolInvocation.of(TOOL, identifyTimeout, List.of("usb", "cloud-status", deviceId)));
    if (!result.succeeded()) {
      throw error(result);
    }
    return ParticleCloudStatus.read(result);
  }

  /** {@code particle serial inspect --port <port>}: the firmware modules on the device. */
  public ParticleModules inspect(String port) throws InterruptedException {
    requireNonNull(port, "port");
    ToolResult result =
        runner.run(
            ToolInvocation.of(TOOL, identifyTimeout, List.of("serial", "inspect", "--port", port)));
    if (!result.succeeded()) {
      throw error(result);
    }
    return ParticleModules.parse(result);
  }

  /** {@code particle usb list}: every device on USB, with its mode. */
  public ParticleUsbDevices usbList() throws InterruptedException {
    ToolResult result =
        runner.run(ToolInvocation.of(TOOL, identifyTimeout, List.of("usb", "list")));
    if (!result.succeeded()) {
      throw error(result);
    }
    return ParticleUsbDevices.parse(result);
  }

  /**
   * {@code particle usb setup-done <device id>} (or with {@code --reset}, to clear it): sets the
   * Gen 3 setup-done flag, without which the device boots into listening mode, and takes the device
   * out of listening mode (into it, when clearing).
   */
  public void setupDone(String deviceId, boolean done) throws InterruptedException {
    usb(done ? List.of("setup-done", deviceId) : List.of("setup-done", deviceId, "--reset"));
  }

  /** {@code particle usb reset <device id>}: restarts the device. */
  public void reset(String deviceId) throws InterruptedException {
    usb(List.of("reset", deviceId));
  }

  /** {@code particle usb start-listening <device id>}: into listening mode (blinking blue). */
  public void startListening(String deviceId) throws InterruptedException {
    usb(List.of("start-listening", deviceId));
  }

  /** {@code particle usb stop-listening <device id>}: back to running its application. */
  public void stopListening(String deviceId) throws InterruptedException {
    usb(List.of("stop-listening", deviceId));
  }

  /** A {@code particle usb} command on one device, which prints "Done." when it worked. */
  private void usb(List<String> command) throws InterruptedException {
    List<String> arguments = new ArrayList<>();
    arguments.add("usb");
    arguments.addAll(requireNonNull(command, "command"));
    ToolResult result = runner.run(ToolInvocation.of(TOOL, identifyTimeout, arguments));
    if (!result.succeeded()) {
      throw error(result);
    }
    if (result.stdout().lines().map(String::strip).noneMatch("Done."::equals)) {
      throw new ToolOutputException(result, "'Done.'");
    }
  }

  private static DeviceException error(ToolResult result) {
    if (unreachable(result)) {
      return ToolErrors.unreachable(
          result,
          "no Particle device answered; is it on USB and in listening mode (blinking blue)?");
    }
    return ToolErrors.failed(result);
  }

  private static boolean unreachable(ToolResult result) {
    return ToolErrors.mentions(
        result,
        List.of(
            "no devices found",
            "no device found",
            "no serial",
            "could not identify",
            "unable to find",
            "not found",
            "timed out",
            "timeout"));
  }
}
