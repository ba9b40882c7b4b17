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
import java.util.List;
import java.util.Locale;

/**
 * The Particle command line, for devices on USB: {@code particle identify --port <port>} (the
 * device in listening mode) and {@code particle flash --local <device id> <file>
 * --application-only}, which flashes exactly the given module without fetching Device OS from the
 * network. The device is always named, by serial port or device id, never left to auto-detection.
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

  public void flash(String deviceId, Path file) throws InterruptedException {
    requireNonNull(deviceId, "deviceId");
    requireNonNull(file, "file");
    ToolResult result =
        runner.run(
            ToolInvocation.of(
                TOOL,
                flashTimeout,
                List.of("flash", "--local", deviceId, file.toString(), "--application-only")));
    if (!result.succeeded()) {
      if (unreachable(result)) {
        throw ToolErrors.unreachable(result, "device " + deviceId + " not found on USB");
      }
      throw ToolErrors.flashFailed(result, "flashing " + file.getFileName() + " failed");
    }
    if (!result.output().toLowerCase(Locale.ROOT).contains("flash success")) {
      throw new ToolOutputException(result, "'Flash success!'");
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
