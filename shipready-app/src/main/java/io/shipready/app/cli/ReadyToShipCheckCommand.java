package io.shipready.app.cli;

import io.shipready.app.check.AzsphereDevices;
import io.shipready.app.check.SphereDevices;
import io.shipready.app.simulate.SimulatedSphere;
import io.shipready.core.device.ManufacturingState;
import io.shipready.core.spi.Device;
import io.shipready.core.steps.ReadyToShip;
import io.shipready.device.sim.azuresphere.AzureSphereOs;
import io.shipready.device.tools.ToolLocator;
import io.shipready.device.tools.azsphere.AzsphereSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shipready check ready-to-ship}: the vendor's ready-to-ship checks (device_ready) on one
 * device, each printed PASS, FAIL or SKIPPED in the vendor's order.
 */
@Command(
    name = "ready-to-ship",
    mixinStandardHelpOptions = true,
    description = {
      "The ready-to-ship checks on one device, in the vendor's order: manufacturing state,"
          + " capabilities, OS version, installed application images, Wi-Fi networks. Each prints"
          + " PASS, FAIL or SKIPPED (a Blank device cannot be asked for capabilities; a"
          + " DeviceComplete one no longer answers the last three). The OS check fails while the"
          + " vendor's RF test server is installed.",
      "Exit code 0 when no check failed, 1 on any FAIL or when the device cannot be reached,"
          + " 2 on bad usage."
    })
public final class ReadyToShipCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Option(
      names = "--device",
      required = true,
      paramLabel = "ID",
      description = "The device: its IP address or connection path (many may be attached).")
  String device;

  @Option(
      names = "--os",
      arity = "1..*",
      paramLabel = "V",
      description = "OS versions allowed to ship, e.g. 24.10 (default: none, so the check fails).")
  List<String> allowedOs = new ArrayList<>();

  @Option(
      names = "--os-versions",
      paramLabel = "FILE",
      description =
          "JSON file of OS versions and their component image ids (the vendor's mt3620an.json"
              + " shape: {\"24.10\": [\"<image id>\", ...]}). Required with --os.")
  Path osVersionsFile;

  @Option(
      names = "--images",
      arity = "0..*",
      paramLabel = "ID",
      description =
          "Application image ids that must be installed, no more, no fewer (default none).")
  List<String> images = new ArrayList<>();

  @Option(
      names = "--expected-state",
      paramLabel = "S",
      defaultValue = "DeviceComplete",
      description =
          "The manufacturing state the device must be in: Blank, Module1Complete or"
              + " DeviceComplete (default ${DEFAULT-VALUE}).")
  String expectedState;

  @Option(
      names = "--forbidden-component",
      arity = "1..*",
      paramLabel = "ID",
      description =
          "OS component image ids that must be gone, such as the RF test server (with"
              + " --simulate: the simulator's RF test server).")
  List<String> forbiddenComponents = new ArrayList<>();

  @ArgGroup(exclusive = false, heading = "%nSimulated device:%n")
  Simulation simulation;

  /** A simulated device to check instead of a real one, and its condition. */
  static final class Simulation {
    @Option(
        names = "--simulate",
        required = true,
        description = "Check a simulated device, in the condition the options below give it.")
    boolean simulate;

    @Option(
        names = "--sim-state",
        paramLabel = "S",
        defaultValue = "Blank",
        description = "Its manufacturing state (default ${DEFAULT-VALUE}).")
    String state;

    @Option(
        names = "--sim-os",
        paramLabel = "V",
        description =
            "Recover it to this version of the --os-versions file (default: the OS it left the"
                + " chip maker with, RF test server included).")
    String os;

    @Option(
        names = "--sim-image",
        arity = "1..*",
        paramLabel = "ID",
        description = "Application image ids installed on it.")
    List<String> images = new ArrayList<>();

    @Option(
        names = "--sim-wifi",
        arity = "1..*",
        paramLabel = "SSID",
        description = "Wi-Fi networks configured on it.")
    List<String> wifi = new ArrayList<>();

    @Option(
        names = "--sim-capability",
        arity = "1..*",
        paramLabel = "NAME",
        description = "Device capabilities it holds, e.g. " + AzureSphereOs.FIELD_SERVICING + ".")
    List<String> capabilities = new ArrayList<>();
  }

  @Option(
      names = "--cli",
      paramLabel = "CLI",
      defaultValue = "azsphere",
      description =
          "The command line that reaches the device: azsphere, or az for the Azure CLI's az sphere"
              + " extension (default ${DEFAULT-VALUE}).")
  String cli;

  @Option(
      names = "--output",
      paramLabel = "LAYOUT",
      defaultValue = "json",
      description =
          "The output it is asked for: json, table, or classic for a release without --output"
              + " (default ${DEFAULT-VALUE}); any of the three is read.")
  String output;

  /** Where the tools are found and what their environment adds (a station's tool settings). */
  ToolLocator locator = ToolLocator.fromEnvironment();

  Map<String, String> toolEnvironment = Map.of();

  @Override
  public Integer call() throws Exception {
    ManufacturingState expected = state("--expected-state", expectedState);
    if (!allowedOs.isEmpty() && osVersionsFile == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--os needs --os-versions FILE: the device reports OS component image ids, and the"
              + " file says which ids make up which version");
    }
    Map<String, List<String>> osVersions =
        osVersionsFile == null ? Map.of() : ReadyToShip.osVersions(osVersionsFile);
    List<String> forbidden = new ArrayList<>(forbiddenComponents);
    Device target;
    if (simulation != null) {
      if (forbidden.isEmpty()) {
        forbidden.add(AzureSphereOs.RF_TEST_SERVER_IMAGE_ID);
      }
      target = simulated(osVersions).attach(device);
    } else {
      target = realDevices().open(device);
    }
    List<ReadyToShip.Check> checks =
        ReadyToShip.run(
            target,
            new ReadyToShip.Expectations(expected, osVersions, allowedOs, images, forbidden));
    return print(checks, spec.commandLine().getOut());
  }

  private SphereDevices realDevices() {
    AzsphereSettings settings;
    try {
      settings =
          AzsphereSettings.DEFAULTS
              .withCli(AzsphereSettings.Cli.parse(cli))
              .withLayout(AzsphereSettings.Layout.parse(output));
    } catch (IllegalArgumentException bad) {
      throw new ParameterException(spec.commandLine(), bad.getMessage());
    }
    return new AzsphereDevices(locator, toolEnvironment, settings);
  }

  private SimulatedSphere simulated(Map<String, List<String>> osVersions) {
    SimulatedSphere unit = new SimulatedSphere().state(state("--sim-state", simulation.state));
    if (simulation.os != null) {
      List<String> components = osVersions.get(simulation.os);
      if (components == null) {
        throw new ParameterException(
            spec.commandLine(),
            "--sim-os "
                + simulation.os
                + " is not in "
                + (osVersionsFile == null
                    ? "an OS version list (give --os-versions FILE)"
                    : osVersionsFile)
                + "; versions there: "
                + osVersions.keySet());
      }
      unit.os(components);
    }
    simulation.images.forEach(unit::application);
    simulation.wifi.forEach(unit::wifiNetwork);
    simulation.capabilities.forEach(unit::capability);
    return unit;
  }

  private ManufacturingState state(String option, String value) {
    try {
      return ManufacturingState.parse(value);
    } catch (IllegalArgumentException unknown) {
      throw new ParameterException(spec.commandLine(), option + ": " + unknown.getMessage());
    }
  }

  private int print(List<ReadyToShip.Check> checks, PrintWriter out) {
    int failed = 0;
    for (ReadyToShip.Check check : checks) {
      out.println("Checking " + check.name() + "...");
      out.println(
          check.verdict()
              + ": "
              + check.name()
              + (check.detail().isEmpty() ? "" : ": " + check.detail()));
      if (check.verdict() == ReadyToShip.Verdict.FAIL) {
        failed++;
      }
    }
    out.println(
        failed == 0
            ? "device " + device + " is ready to ship"
            : "device " + device + " is NOT ready to ship: " + failed + " check(s) failed");
    out.flush();
    return failed == 0 ? 0 : 1;
  }
}
