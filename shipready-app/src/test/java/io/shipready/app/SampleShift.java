package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;

/**
 * A shift to report on: the sample recipe's station run in-process on simulated units, some made to
 * fail, into an SQLite file, through the same command line and assembly as any station.
 *
 * @param summary the run's own JSON summary, to check the report against
 */
record SampleShift(Path db, String station, JsonNode summary) {
  static final String SAMPLE = Path.of("..", "lines", "sample", "recipe.yaml").toString();

  static SampleShift run(Path folder, String station, int units, long seed) throws Exception {
    Path db = folder.resolve("shift.db");
    CommandLineRun run =
        CommandLineRun.of(
            "run",
            "--recipe",
            SAMPLE,
            "--simulate",
            Integer.toString(units),
            "--seed",
            Long.toString(seed),
            "--fail-rate",
            "0.3",
            "--time-scale",
            "0.01",
            "--station",
            station,
            "--db",
            db.toString(),
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new SampleShift(db, station, new ObjectMapper().readTree(run.out()));
  }

  int count(String outcome) {
    return summary.get(outcome.toLowerCase(java.util.Locale.ROOT)).asInt();
  }
}
