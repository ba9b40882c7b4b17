package io.shipready.app.cli;

import io.shipready.app.assembly.SimulationChoice;
import picocli.CommandLine.Option;

/** How simulated units behave and which variant's limits apply: shared by run and station. */
public final class SimulationOptions {
  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Seed of the simulated units and their faults (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--fail-rate",
      paramLabel = "F",
      defaultValue = "0",
      description = "Share of simulated units given a fault the recipe should catch (0..1).")
  double failRate;

  @Option(
      names = "--time-scale",
      paramLabel = "X",
      description = "Simulated time per real time: 0.1 runs ten times faster (default: recipe's).")
  Double timeScale;

  @Option(names = "--variant", paramLabel = "NAME", description = "Product variant's limits.")
  String variant;

  /**
   * @throws IllegalArgumentException naming the option that is out of range
   */
  SimulationChoice choice() {
    return new SimulationChoice(seed, failRate, timeScale);
  }

  String variant() {
    return variant;
  }
}
