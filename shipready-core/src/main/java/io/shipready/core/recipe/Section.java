package io.shipready.core.recipe;

/** The lists of steps a recipe has, named as a path into the file for messages. */
enum Section {
  STATION_SETUP("setup.station"),
  RUN_SETUP("setup.run"),
  STEPS("steps"),
  RUN_TEARDOWN("teardown.run"),
  STATION_TEARDOWN("teardown.station");

  private final String path;

  Section(String path) {
    this.path = path;
  }

  String path() {
    return path;
  }

  /** Setup and teardown prepare the station or the run; only steps may change a unit for good. */
  boolean mayHoldIrreversibleSteps() {
    return this == STEPS;
  }
}
