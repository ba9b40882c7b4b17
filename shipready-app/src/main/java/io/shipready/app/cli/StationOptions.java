package io.shipready.app.cli;

import io.shipready.app.assembly.StationSetup;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every command that runs a station names: the recipe, the station's configuration and
 * identity, the package it must come from, the records, and the variant and simulated units'
 * behaviour. {@link #setup()} starts the one station setup from them.
 */
public final class StationOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Mixin StoreOption store;

  @Mixin SimulationOptions simulation;

  @Option(names = "--recipe", paramLabel = "FILE", description = "The recipe.")
  Path recipeFile;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "The station's configuration (identity fields that go into every record, printer,"
              + " factory files, engineer PIN hash). Refused, before any unit runs, while a"
              + " CHANGE_ME is left in it.")
  Path configFile;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description =
          "The station's time zone, e.g. Asia/Shanghai (default: the config's timeZone): factory"
              + " files roll over to the next day's at its midnight.")
  java.time.ZoneId zone;

  @Option(
      names = "--station",
      paramLabel = "ID",
      description = "This station's id in the records (default: the config's, else name@host).")
  String stationId;

  @Option(
      names = "--operator",
      paramLabel = "NAME",
      description = "The operator signed in, kept with every run (default: the login name).")
  String operator;

  @Option(
      names = "--trust",
      paramLabel = "PUBKEY",
      description =
          "Require the recipe to come from an installed station package signed by this key. A"
              + " recipe from an installed package is always checked, file by file, before any"
              + " unit runs.")
  Path trustFile;

  @Option(
      names = "--allow-unsigned-package",
      description = "Run from a station package installed without a signature (trials only).")
  boolean allowUnsignedPackage;

  /** The operator signed in: the one named, else the login name. */
  String operator() {
    return operator != null ? operator : System.getProperty("user.name", "");
  }

  Path configFile() {
    return configFile;
  }

  SimulationOptions simulation() {
    return simulation;
  }

  /** The station these options describe; the caller adds where its units come from. */
  StationSetup.Builder setup() {
    if (recipeFile == null) {
      throw new ParameterException(mixee.commandLine(), "name the recipe: --recipe FILE");
    }
    return StationSetup.builder()
        .recipe(recipeFile)
        .variant(simulation.variant())
        .config(configFile)
        .zone(zone)
        .stationId(stationId)
        .operator(operator())
        .store(store.url())
        .trust(trustFile)
        .allowUnsignedPackage(allowUnsignedPackage);
  }
}
