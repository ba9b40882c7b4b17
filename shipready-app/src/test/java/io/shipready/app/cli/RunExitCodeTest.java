package io.shipready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.app.console.RunSummary;
import io.shipready.core.engine.StationReport;
import io.shipready.core.event.SlotState;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunExitCodeTest {
  private final StringWriter err = new StringWriter();

  private int exitCode(List<RunResult> runs, SlotState slots) {
    StationReport report =
        new StationReport(runs, Map.of("1", slots, "2", slots), Duration.ofSeconds(1), "");
    return RunCommand.exitCode(report, new PrintWriter(err, true));
  }

  private static RunResult run(int unit, Outcome outcome) {
    return new RunResult(
        "run-" + unit,
        "1",
        unit,
        List.of(),
        Map.of(),
        outcome,
        outcome == Outcome.PASS ? "" : "flash_app",
        "",
        List.of(),
        Instant.EPOCH,
        Duration.ofSeconds(1));
  }

  @Test
  void aBatchThatRanExitsZeroWhateverTheUnitsOutcomes() {
    assertThat(exitCode(List.of(run(1, Outcome.PASS), run(2, Outcome.FAIL)), SlotState.IDLE))
        .isZero();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aBatchWhereEveryUnitEndedErrorSaysSoOnStandardError() {
    assertThat(exitCode(List.of(run(1, Outcome.ERROR), run(2, Outcome.ERROR)), SlotState.IDLE))
        .isZero();
    assertThat(err.toString()).contains("every unit (2) ended ERROR");
  }

  @Test
  void noUnitRunBecauseEverySlotWentOutOfServiceIsAStationThatCouldNotRun() {
    assertThat(exitCode(List.of(), SlotState.ERROR)).isEqualTo(1);
    assertThat(err.toString()).contains("no unit ran: every slot went out of service");
  }

  @Test
  void aRunWhoseRecordCouldNotBeStoredFailsTheBatchEvenWhenItPassed() {
    RunResult notRecorded = run(2, Outcome.PASS).withNotRecorded(true);
    StationReport report =
        new StationReport(
            List.of(run(1, Outcome.PASS), notRecorded),
            Map.of("1", SlotState.IDLE),
            Duration.ofSeconds(1),
            "");

    assertThat(RunCommand.exitCode(report, new PrintWriter(err, true))).isEqualTo(1);
    assertThat(err.toString()).contains("1 of 2 units are NOT RECORDED");
    StringWriter summary = new StringWriter();
    new RunSummary("sample", 1, report, Map.of(), true).print(new PrintWriter(summary));
    String[] lines = summary.toString().strip().split("\n");
    assertThat(lines[lines.length - 2])
        .contains("NOT RECORDED 1 of 2 units (PASS 1   FAIL 0   ERROR 0   ABORTED 0)");
    assertThat(lines[lines.length - 1]).contains("NOT RECORDED unit 2").contains("run-2");
  }
}
