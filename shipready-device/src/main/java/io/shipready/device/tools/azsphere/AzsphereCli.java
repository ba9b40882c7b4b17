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
 * The Azure Sphere command line: the legacy {@code azsphere} or the Azure CLI's {@code az sphere}
 * extension, as the slot's {@code cli} says. Every {@code device ...} command goes out with {@code
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
    List<String> arguments = new ArrayList<>(settings.cli().prefix());
    arguments.addAll(List.of("device", "list-attached"));
    arguments.addAll(settings.layout().arguments());
    ToolResult result =
        checked(
            runner.run(ToolInvocation.of(settings.cli().tool(), settings.command(), arguments)));
    List<AttachedDevice> attached = new ArrayList<>();
    for (Map<String, String> row :
        AzsphereOutput.rows(result, List.of("DeviceId", "IpAddress", "ConnectionPath"))) {
      attached.add(
          new AttachedDevice(row.get("DeviceId"), row.get("IpAddress"), row.get("ConnectionPath")));
    }
    return attached;
  }

  /**
   * Runs a device command that reports something, asking for the slot's output layout, and returns
   * what it printed; read it with {@link AzsphereOutput}, which takes any of the three layouts.
   */
  public ToolResult query(String target, Duration timeout, List<String> command)
      throws InterruptedException {
    List<String> asked = new ArrayList<>(command);
    asked.addAll(settings.layout().arguments());
    return device(target, timeout, asked);
  }

  /**
   * Runs {@code azsphere device <command...> --device <target>} (or {@code az sphere device ...})
   * and returns its result when it exits 0.
   *
   * @throws ShipreadyException without running anything when the target is blank or the command
   *     names a device itself
   */
  public ToolResult device(String target, Duration timeout, List<String> command)
      throws InterruptedException {
    requireNonNull(command, "command");
    String shown = settings.cli().setting() + " device " + String.join(" ", command);
    if (target == null || target.isBlank()) {
      throw new ShipreadyException(
          shown + " refused: no --device target; set the slot's connection path or IP address");
    }
    if (command.contains("--device") || command.contains("-d")) {
      throw new ShipreadyException(shown + " refused: it names a device itself");
    }
    List<String> arguments = new ArrayList<>(settings.cli().prefix());
    arguments.add("device");
    arguments.addAll(command);
    arguments.add("--device");
    arguments.add(target);
    return checked(runner.run(ToolInvocation.of(settings.cli().tool(), timeout, arguments)));
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
