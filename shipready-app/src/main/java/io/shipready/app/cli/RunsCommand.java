package io.shipready.app.cli;

import io.shipready.app.report.RunListText;
import io.shipready.store.Store;
import io.shipready.store.report.RunFilter;
import io.shipready.store.report.RunListing;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shipready runs}: the last runs, to find a unit without knowing any of its identifiers. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = {
      "The last runs, newest first: when, station and slot, outcome, the step that stopped the"
          + " run and why, and the unit's identifiers (then 'shipready trace ID' shows its"
          + " history).",
    })
public final class RunsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin StoreOption store;

  @Option(names = "--failed", description = "Only runs that did not pass (FAIL, ERROR, ABORTED).")
  boolean failed;

  @Option(names = "--station", paramLabel = "S", description = "Only this station's runs.")
  String station;

  @Option(
      names = "--step",
      paramLabel = "STEP",
      description = "Only runs that stopped at this step (its id in the recipe).")
  String step;

  @Option(
      names = "--since",
      paramLabel = "T",
      converter = SinceTime.class,
      description = "Only runs started from then on: " + SinceTime.FORMS + ".")
  Instant since;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "At most N runs (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print the runs as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (limit < 1) {
      throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Store records = Store.open(store.url())) {
      List<RunListing> runs = records.runs(new RunFilter(failed, station, step, since, limit));
      if (json) {
        out.println(TraceCommand.Json.mapper().writeValueAsString(runs));
      } else {
        new RunListText(runs, ZoneId.systemDefault()).print(out, records.describe());
      }
    }
    out.flush();
    return 0;
  }
}
