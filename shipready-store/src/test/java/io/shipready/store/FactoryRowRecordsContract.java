package io.shipready.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.model.Identifier;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.WrittenRow;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the records tell a station about its factory-file rows, whatever the engine: which runs have
 * a committed PASS, which run's row a day's file keeps for a unit, and the rows written and held,
 * shown in the unit's trace.
 */
abstract class FactoryRowRecordsContract {
  private static final Duration WAIT = Duration.ofSeconds(30);

  abstract String url();

  void assumeAvailable() {}

  private Store store;
  private String serial;
  private String passed;
  private String failed;
  private String passedAgain;
  private String open;

  @BeforeEach
  void record() throws Exception {
    assumeAvailable();
    store = Store.open(url());
    String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    serial = "SN-" + tag;
    try (RecordWriter writer =
        store.openWriter(new StationInfo("rows-" + tag, "PC-1", "alice", Map.of()))) {
      passed = await(writer, run(writer).pass());
      failed = await(writer, run(writer).finish(Outcome.FAIL, "identify", "no answer"));
      passedAgain = await(writer, run(writer).pass());
      RunScript unfinished = run(writer);
      open = unfinished.runId();
    }
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void onlyARunWhoseRecordIsCommittedAsPassMayHaveARow() {
    FactoryRowRecords rows = store.factoryRows();
    assertThat(rows.passEnded(passed)).isPresent();
    assertThat(rows.passEnded(passedAgain)).isPresent();
    assertThat(rows.passEnded(failed)).isEmpty();
    assertThat(rows.passEnded(open)).isEmpty();
    assertThat(rows.passEnded("never-recorded")).isEmpty();
  }

  @Test
  void theDaysFileKeepsTheFirstRowOfAUnitAndALaterPassIsHeld() {
    FactoryRowRecords rows = store.factoryRows();
    String file = "01_PC_prog_" + serial + ".afero";
    assertThat(rows.runWithRowOfSameUnit(file, passed)).isEmpty();

    rows.rowWritten(passed, "write_01_row", new WrittenRow(file, 1, "row of " + serial));
    // Recorded again after a restart that found the row already in the file: kept once.
    rows.rowWritten(passed, "write_01_row", new WrittenRow(file, 1, "row of " + serial));
    assertThat(rows.runWithRowOfSameUnit(file, passed)).contains(passed);
    assertThat(rows.runWithRowOfSameUnit(file, passedAgain)).contains(passed);
    assertThat(rows.runWithRowOfSameUnit("02_" + file, passedAgain)).isEmpty();

    rows.rowHeld(passedAgain, "write_01_row", file, passed, Map.of("device_id", serial));
    UnitTrace trace = store.trace(serial);
    assertThat(trace.factoryFileRows())
        .singleElement()
        .extracting(UnitTrace.FactoryFileRow::runId)
        .isEqualTo(passed);
    assertThat(trace.heldRows())
        .singleElement()
        .satisfies(
            held -> {
              assertThat(held.runId()).isEqualTo(passedAgain);
              assertThat(held.keptRunId()).isEqualTo(passed);
              assertThat(held.fileName()).isEqualTo(file);
            });
    assertThat(TraceText.render(trace))
        .contains("held: " + file + " keeps the row of run " + passed);
  }

  private RunScript run(RecordWriter writer) {
    return new RunScript(writer, "1", 1)
        .identified(new Identifier(Identifier.SERIAL, serial))
        .step("identify", "identify");
  }

  private static String await(RecordWriter writer, RunScript run) throws InterruptedException {
    assertThat(writer.awaitDurable(run.runId(), WAIT)).isTrue();
    return run.runId();
  }
}
