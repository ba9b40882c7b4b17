package io.shipready.app.cli;

import io.shipready.device.tools.ToolDevices;
import io.shipready.device.tools.ToolLocator;
import io.shipready.device.tools.ToolMissingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shipready tools [TOOL...]}: where the station finds each vendor tool, or why not. */
@Command(
    name = "tools",
    mixinStandardHelpOptions = true,
    description = {
      "Shows where this station finds the vendor tools its slots may use (azsphere, particle,"
          + " nrfjprog, nrfutil, jlink, openocd, esptool), or what to set when one is missing.",
      "Exit code 1 when a TOOL named on the command line is missing."
    })
public final class ToolsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Parameters(paramLabel = "TOOL", arity = "0..*", description = "Tools that must be present.")
  List<String> required = new ArrayList<>();

  @Option(
      names = "--path",
      paramLabel = "TOOL=FILE",
      description = "Use FILE for TOOL, as tools.TOOL in the station configuration does.")
  Map<String, Path> paths = new LinkedHashMap<>();

  @Override
  public Integer call() {
    for (String tool : required) {
      if (!ToolLocator.knownTools().contains(tool)) {
        throw new ParameterException(
            spec.commandLine(),
            "unknown tool '" + tool + "'; use one of " + ToolLocator.knownTools());
      }
    }
    ToolLocator locator = ToolDevices.locator(paths);
    var out = spec.commandLine().getOut();
    boolean missingRequired = false;
    for (String tool : ToolLocator.knownTools()) {
      try {
        out.printf("%-9s %s%n", tool, locator.locate(tool));
      } catch (ToolMissingException missing) {
        out.printf("%-9s missing: %s%n", tool, missing.getMessage());
        missingRequired |= required.contains(tool);
      }
    }
    out.flush();
    return missingRequired ? 1 : 0;
  }
}
