package io.shipready.app;

import io.shipready.app.assembly.AssembledStation;
import io.shipready.app.assembly.StationAssembly;
import io.shipready.app.assembly.StationSetup;
import io.shipready.app.assembly.UnitSupply;
import io.shipready.app.cli.DemoCommand;
import io.shipready.app.lines.LineProfile;
import io.shipready.app.lines.LineProfiles;
import io.shipready.core.model.AttachedUnit;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.RunResult;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.recipe.RecipeParser;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.UnitSource;
import io.shipready.core.steps.StandardSteps;
import io.shipready.device.sim.SimulatedDevice;
import io.shipready.device.sim.SimulatedFleet;
import io.shipready.device.sim.SimulationSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * A bundled line on the floor: its stations put together by the one station assembly (so each has
 * the route gate of its line.yaml), simulated units carried from station to station, one store.
 */
final class FloorLine {
  private static final RecipeParser PARSER = new RecipeParser(StandardSteps.library());

  final LineProfile line;
  final String db;
  private final Path work;
  private final Map<Integer, SimulatedDevice> units = new LinkedHashMap<>();

  FloorLine(String folder, Path work, String db) {
    this.line = LineProfiles.read(Path.of("..", "lines", folder));
    this.work = work;
    this.db = db;
  }

  /** The unit, made by the first station's simulation settings the first time it is asked for. */
  SimulatedDevice unit(int number) {
    return units.computeIfAbsent(
        number,
        n -> {
          Recipe first = PARSER.parse(line.stations().get(0).recipe());
          SimulatedFleet fleet =
              new SimulatedFleet(
                  SimulationSettings.fromMap(first.simulation(), first.baseDir()).toBuilder()
                      .timeScale(0)
                      .build());
          return fleet.unit(n, "slot" + n, first.station().deviceFamily());
        });
  }

  String deviceId(int number) throws InterruptedException {
    return unit(number).require(Identity.class).identifiers().stream()
        .filter(id -> id.kind().equals(Identifier.DEVICE_ID))
        .findFirst()
        .orElseThrow()
        .value();
  }

  /** Runs the units through the station, one after the other; each unit's run by number. */
  Map<Integer, RunResult> station(String name, int... numbers) throws Exception {
    LineProfile.LineStation station = line.station(name).orElseThrow();
    Queue<AttachedUnit> queue = new ConcurrentLinkedQueue<>();
    for (int n : numbers) {
      queue.add(new AttachedUnit(n, unit(n)));
    }
    UnitSource source = slot -> Optional.ofNullable(queue.poll());
    Path config = DemoCommand.filledConfig(line.folder(), work, name);
    Map<Integer, RunResult> byUnit = new LinkedHashMap<>();
    try (AssembledStation assembled =
        StationAssembly.assemble(
            StationSetup.builder()
                .recipe(station.recipe())
                .units(new UnitSupply.Given(List.of("1"), source, true))
                .config(config)
                .stationId(line.name() + "-" + name)
                .store(db)
                .build())) {
      assembled.run(source).runs().forEach(run -> byUnit.put(run.unitNumber(), run));
    }
    return byUnit;
  }

  /** Changes a unit between stations (a fault, a repair). */
  void handle(int number, Consumer<SimulatedDevice> change) {
    change.accept(unit(number));
  }

  Path work() {
    return work;
  }
}
