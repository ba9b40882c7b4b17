package io.shipready.app.cli;

import io.shipready.app.lines.LineProfiles;
import io.shipready.app.route.RouteActions;
import io.shipready.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The unit, its records, its line and who acts: shared by every {@code shipready unit} command. */
public final class UnitRouteOptions {
  @Mixin VerboseOption verbose;

  @Mixin StoreOption store;

  @Parameters(
      index = "0",
      paramLabel = "UNIT",
      description = "The unit, by any of its identifiers (serial, device id, IMEI, MAC...).")
  String unit;

  @Option(
      names = "--line",
      paramLabel = "NAME",
      description = "The unit's line (default: the line whose stations ran the unit).")
  String line;

  @Option(
      names = "--lines",
      paramLabel = "DIR",
      description = "The folder of the line profiles (default: lines/).")
  Path lines;

  @Option(
      names = "--by",
      paramLabel = "NAME",
      description = "Who does it, for the record (default: the login name).")
  String by;

  Store open() {
    return Store.open(store.url());
  }

  RouteActions actions(Store records) {
    return new RouteActions(records, LineProfiles.root(lines), Clock.systemUTC());
  }
}
