package io.shipready.device.tools.azsphere;

import static java.util.Objects.requireNonNull;

import io.shipready.core.ShipreadyException;
import io.shipready.core.device.DeviceException;
import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.device.ImageRejectedException;
import io.shipready.core.device.OperationRefusedException;
import io.shipready.device.tools.ToolErrors;
import io.shipready.device.tools.ToolInvocation;
import io.shipready.device.tools.ToolResult;
import io.shipready.device.tools.ToolRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The azsphere command line. Every {@code azsphere device ...} command goes out with {@code
 * --device <target>}: with several chips on one PC a command without it fails, or worse, acts on
 * whichever chip answers. Only {@code list-attached}, which asks about all of them, goes without. A
 * non-zero exit becomes the device exception its message calls for.
 */
public final class AzsphereCli {
  public static final String TOOL = "azsphere";

  private final ToolRunner runner;
  private final AzsphereSettings settings;

  public AzsphereCli(ToolRunner runner, AzsphereSettings settings) {
    this.runner = requireNonNull(runner, "runner");
    this.settings = requireNonNull(settings, "settings");
  }

  public AzsphereSettings settings() {
    return settings;
  }

  /** {@code azsphere device list-attached}: every chip attached to this PC. */
  public List<AttachedDevice> listAttached() throws InterruptedException {
    ToolResult result =
        checked(
            runner.run(
                ToolInvocation.of(
                    TOOL,
                    settings.command(),
                    List.of("device", "list-attached", "--output", "table"))));
    List<AttachedDevice> attached = new ArrayList<>();
    for (Map<String, String> row :
        AzsphereTable.rows(result, List.of("DeviceId", "IpAddress", "ConnectionPath"))) {
      attached.add(
          new AttachedDevice(row.get("DeviceId"), row.get("IpAddress"), row.get("ConnectionPath")));
    }
    return attached;
  }

  /**
   * Runs {@code azsphere device <command...> --device <target>} and returns its result when it
   * exits 0.
   *
   * @throws ShipreadyException without running anything when the target is blank or the command
   *     names a device itself
   */
  public ToolResult device(String target, Duration timeout, List<String> command)
      throws InterruptedException {
    requireNonNull(command, "command");
    if (target == null || target.isBlank()) {
      throw new ShipreadyException(
          "azsphere device "
              + String.join(" ", command)
              + " refused: no --device target; set the slot's connection path or IP address");
    }
    if (command.contains("--device") || command.contains("-d")) {
      throw new ShipreadyException(
          "azsphere device " + String.join(" ", command) + " refused: it names a device itself");
    }
    List<String> arguments = new ArrayList<>();
    arguments.add("device");
    arguments.addAll(command);
    arguments.add("--device");
    arguments.add(target);
    return checked(runner.run(ToolInvocation.of(TOOL, timeout, arguments)));
  }

  /** Maps a failed azsphere command to the exception its message calls for. */
  static ToolResult checked(ToolResult result) {
    if (result.succeeded()) {
      return result;
    }
    throw error(result);
  }

  static DeviceException error(ToolResult result) {
    String description = ToolErrors.describe(result);
    if (ToolErrors.mentions(result, List.of("not trusted by device"))) {
      return new ImageRejectedException(
          "image not trusted by device; load the newer trusted keystore and retry ("
              + description
              + ")",
          ImageRejectedException.Reason.NOT_TRUSTED);
    }
    if (ToolErrors.mentions(result, List.of("signature", "not signed"))) {
      return new ImageRejectedException(
          description,
          ToolErrors.mentions(result, List.of("not signed", "unsigned"))
              ? ImageRejectedException.Reason.UNSIGNED
              : ImageRejectedException.Reason.BAD_SIGNATURE);
    }
    if (ToolErrors.mentions(
        result,
        List.of(
            "manufacturing state",
            "devicecomplete",
            "not permitted",
            "not allowed",
            "requires a capability",
            "locked"))) {
      return new OperationRefusedException(description);
    }
    if (ToolErrors.mentions(
        result,
        List.of(
            "could not connect",
            "no device",
            "not attached",
            "did not respond",
            "not responding",
            "timed out",
            "multiple devices",
            "more than one device",
            "unreachable"))) {
      return new DeviceUnreachableException(description);
    }
    return ToolErrors.failed(result);
  }
}
