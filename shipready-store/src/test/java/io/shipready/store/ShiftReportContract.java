package io.shipready.store;

import static io.shipready.store.RunScript.volts;
import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.model.Identifier;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.StepOutcome;
import io.shipready.store.report.RunFilter;
import io.shipready.store.report.RunListing;
import io.shipready.store.report.ShiftReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shift report's and the run list's queries, whatever the engine: four units at one station
 * (one failing its measurement, retested and passing; one failing at flash; one passing), and one
 * at another.
 */
abstract class ShiftReportContract {
  private static final Duration WAIT = Duration.ofSeconds(30);

  abstract String url();

  void assumeAvailable() {}

  private Store store;
  private String tag;
  private Instant before;

  @BeforeEach
  void fill() throws Exception {
    assumeAvailable();
    store = Store.open(url());
    tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    before = Instant.now().minusSeconds(1);
    try (RecordWriter writer =
            store.openWriter(
                new StationInfo(
                    "final-" + tag, "PC-1", "alice", Map.of("simulated", "true", "slots", "2")));
        RecordWriter other =
            store.openWriter(
                new StationInfo("label-" + tag, "PC-2", "bob", Map.of("simulated", "false")))) {
      await(writer, run(writer, "A").step("vbat", "measure", volts(3.3, true)).pass());
      await(
          writer,
          run(writer, "B")
              .step(
                  "vbat",
                  "measure",
                  1,
                  StepOutcome.FAIL,
                  "vbat 2.91 V out of range",
                  volts(2.91, false))
              .finish(Outcome.FAIL, "vbat", "vbat 2.91 V out of range"));
      await(writer, run(writer, "B").step("vbat", "measure", volts(3.31, true)).pass());
      await(
          writer,
          run(writer, "C")
              .step("flash", "flash", 1, StepOutcome.FAIL, "verify failed at 0x4000 on slot 1")
              .finish(Outcome.FAIL, "flash", "verify failed at 0x4000 on slot 1"));
      await(
          writer,
          run(writer, "D")
              .step("flash", "flash", 1, StepOutcome.FAIL, "verify failed at 0x8000 on slot 2")
              .finish(Outcome.FAIL, "flash", "verify failed at 0x8000 on slot 2"));
      await(other, run(other, "A").pass());
    }
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private RunScript run(RecordWriter writer, String unit) {
    return new RunScript(writer, "1", 1)
        .identified(new Identifier(Identifier.SERIAL, "SN-" + tag + "-" + unit))
        .step("identify", "identify");
  }

  private static void await(RecordWriter writer, RunScript run) throws InterruptedException {
    assertThat(writer.awaitDurable(run.runId(), WAIT)).isTrue();
  }

  @Test
  void yieldsPerStationCountUnitsFirstPassesAndRetests() {
    ShiftReport report = store.shiftReport(before, "final-" + tag);
    assertThat(report.stations())
        .singleElement()
        .satisfies(
            station -> {
              assertThat(station.runs()).isEqualTo(5);
              assertThat(station.units()).isEqualTo(4);
              assertThat(station.pass()).isEqualTo(2);
              assertThat(station.fail()).isEqualTo(3);
              assertThat(station.firstPassUnits()).isEqualTo(1);
              assertThat(station.finalPassUnits()).isEqualTo(2);
              assertThat(station.retestRuns()).isEqualTo(1);
              assertThat(station.simulated()).isTrue();
              assertThat(station.recipe()).isEqualTo(RunScript.RECIPE);
              assertThat(station.unitsPerHour()).isPositive();
            });
    assertThat(report.retests())
        .singleElement()
        .satisfies(
            unit -> {
              assertThat(unit.unit()).isEqualTo("SN-" + tag + "-B");
              assertThat(unit.outcomes()).containsExactly("FAIL", "PASS");
            });
  }

  @Test
  void stepsFailuresAndMeasurementsAreCounted() {
    ShiftReport report = store.shiftReport(before, "final-" + tag);
    assertThat(report.steps())
        .extracting(s -> s.stepId() + " " + s.runs() + "/" + s.passed() + "/" + s.passedFirstTry())
        // In the order they run; vbat and flash are both second, and then go by name.
        .containsExactly("identify 5/5/5", "flash 2/0/0", "vbat 3/2/2");
    assertThat(report.failuresByStep())
        .extracting(f -> f.stepId() + " " + f.runs())
        .containsExactly("flash 2", "vbat 1");
    // Both flash failures read the same once their addresses and slots are left out.
    assertThat(report.failuresBySymptom())
        .extracting(f -> f.stepId() + ": " + f.symptom() + " " + f.runs())
        .containsExactly("flash: verify failed at # on slot # 2", "vbat: vbat out of limits 1");
    assertThat(report.measurements())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.name()).isEqualTo("vbat");
              assertThat(m.units()).isEqualTo("V");
              assertThat(m.values()).containsExactly(3.3, 2.91, 3.31);
              assertThat(m.failed()).isEqualTo(1);
              assertThat(m.limits()).containsExactly("range 3.0..3.6");
            });
  }

  @Test
  void everyStationIsReportedWithoutAStationAndNothingBeforeSince() {
    ShiftReport all = store.shiftReport(before, null);
    assertThat(all.stations())
        .extracting(ShiftReport.StationYield::stationId)
        .contains("final-" + tag, "label-" + tag);
    assertThat(store.shiftReport(Instant.now().plusSeconds(60), "final-" + tag).empty()).isTrue();
  }

  @Test
  void runsAreListedNewestFirstWithFilters() {
    List<RunListing> failed = store.runs(new RunFilter(true, "final-" + tag, null, before, 10));
    assertThat(failed)
        .extracting(RunListing::unit, RunListing::failedStep)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("SN-" + tag + "-D", "flash"),
            org.assertj.core.groups.Tuple.tuple("SN-" + tag + "-C", "flash"),
            org.assertj.core.groups.Tuple.tuple("SN-" + tag + "-B", "vbat"));
    assertThat(store.runs(new RunFilter(false, "final-" + tag, "vbat", null, 10)))
        .singleElement()
        .satisfies(
            run -> {
              assertThat(run.outcome()).isEqualTo("FAIL");
              assertThat(run.identifiers())
                  .containsExactly(new Identifier(Identifier.SERIAL, "SN-" + tag + "-B"));
            });
    assertThat(store.runs(new RunFilter(false, "final-" + tag, null, null, 2)))
        .extracting(RunListing::unit)
        .containsExactly("SN-" + tag + "-D", "SN-" + tag + "-C");
    assertThat(store.runs(new RunFilter(false, "label-" + tag, null, null, 10)))
        .singleElement()
        .satisfies(run -> assertThat(run.outcome()).isEqualTo("PASS"));
  }
}
