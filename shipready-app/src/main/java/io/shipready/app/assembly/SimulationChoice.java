package io.shipready.app.assembly;

/**
 * How simulated units behave: the seed of their identities and faults, the share given a fault the
 * recipe should catch, and simulated time per real time (null: the recipe's).
 */
public record SimulationChoice(long seed, double failRate, Double timeScale) {
  public SimulationChoice {
    if (failRate < 0 || failRate > 1) {
      throw new IllegalArgumentException("--fail-rate must be between 0 and 1");
    }
    if (timeScale != null && !(timeScale >= 0)) {
      throw new IllegalArgumentException("--time-scale must be 0 (instant) or more");
    }
  }
}
