package io.shipready.app.cli;

import io.shipready.app.route.RouteActions;
import io.shipready.store.RouteHistory;
import io.shipready.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shipready unit}: a unit's way along its line (see docs/routes.md): where it stands, and
 * what an engineer records about it — an override, rework, a repair, scrap.
 */
@Command(
    name = "unit",
    mixinStandardHelpOptions = true,
    description =
        "A unit's route along its line: show it, let it into a station, send it to rework,"
            + " record its repair, scrap it. Everything is recorded with who and when.",
    subcommands = {
      UnitCommand.ShowRoute.class,
      UnitCommand.LetIn.class,
      UnitCommand.SendToRework.class,
      UnitCommand.RecordRepair.class,
      UnitCommand.ScrapUnit.class
    })
public final class UnitCommand {

  /** One route action: opens the records, acts, prints what was recorded. */
  abstract static class Action implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin UnitRouteOptions options;

    abstract String act(RouteActions actions) throws Exception;

    @Override
    public Integer call() throws Exception {
      try (Store records = options.open()) {
        String done = act(options.actions(records));
        spec.commandLine().getOut().println(done);
        spec.commandLine().getOut().flush();
        return 0;
      }
    }
  }

  /** {@code shipready unit route UNIT}. */
  @Command(
      name = "route",
      mixinStandardHelpOptions = true,
      description = "Where the unit stands at each station of its line, and its route events.")
  public static final class ShowRoute extends Action {
    @Override
    String act(RouteActions actions) {
      RouteHistory history = actions.history(options.unit);
      return String.join("\n", actions.describe(history, actions.lineOf(history, options.line)));
    }
  }

  /** {@code shipready unit override UNIT --station S --reason R}. */
  @Command(
      name = "override",
      mixinStandardHelpOptions = true,
      description =
          "Let the unit into a station once although the route refuses it (a station it skipped"
              + " or failed before); recorded with who, when and why.")
  public static final class LetIn extends Action {
    @Option(names = "--station", required = true, description = "The station it may enter.")
    String station;

    @Option(names = "--reason", required = true, description = "Why, for the record.")
    String reason;

    @Override
    String act(RouteActions actions) {
      return actions.override(options.unit, options.line, station, options.by, reason);
    }
  }

  /** {@code shipready unit rework UNIT [--symptom S]}. */
  @Command(
      name = "rework",
      mixinStandardHelpOptions = true,
      description =
          "Send the unit to rework: every station refuses it until its repair is recorded.")
  public static final class SendToRework extends Action {
    @Option(
        names = "--symptom",
        description = "What is wrong (default: the step and message of its last failed run).")
    String symptom;

    @Option(
        names = "--station",
        description = "Where it failed (default: the station of its last failed run).")
    String station;

    @Override
    String act(RouteActions actions) {
      return actions.rework(options.unit, options.line, station, options.by, symptom);
    }
  }

  /** {@code shipready unit repair UNIT --symptom S --action A --re-entry STATION}. */
  @Command(
      name = "repair",
      mixinStandardHelpOptions = true,
      description =
          "Record a reworked unit's repair and the station it re-enters the line at; it goes"
              + " through that station and the later ones again, and the labels they printed"
              + " before are VOID.")
  public static final class RecordRepair extends Action {
    @Option(names = "--symptom", required = true, description = "What was wrong.")
    String symptom;

    @Option(names = "--action", required = true, description = "What was done.")
    String action;

    @Option(
        names = "--parts",
        split = ",",
        paramLabel = "PART",
        description = "Parts replaced, e.g. --parts U3,C12.")
    List<String> parts = new ArrayList<>();

    @Option(
        names = "--re-entry",
        required = true,
        paramLabel = "STATION",
        description = "The station it goes back to.")
    String reEntry;

    @Override
    String act(RouteActions actions) {
      return actions.repair(
          options.unit, options.line, options.by, symptom, action, parts, reEntry);
    }
  }

  /** {@code shipready unit scrap UNIT --reason R [--files DIR]}. */
  @Command(
      name = "scrap",
      mixinStandardHelpOptions = true,
      description =
          "Scrap the unit: every station refuses it, its labels are VOID in the records, and its"
              + " provisioning queue row is withdrawn (<queue file>.withdrawn lists it).")
  public static final class ScrapUnit extends Action {
    @Option(names = "--reason", required = true, description = "Why, for the record.")
    String reason;

    @Option(
        names = "--files",
        paramLabel = "DIR",
        description = "The station's output folder, holding its provisioning queue files.")
    Path files;

    @Override
    String act(RouteActions actions) throws Exception {
      return actions.scrap(options.unit, options.by, reason, files);
    }
  }
}
