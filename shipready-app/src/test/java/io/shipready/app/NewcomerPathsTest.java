package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.backoffice.provisioning.ProvisioningFeature;
import io.shipready.backoffice.provisioning.ProvisioningSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The places a newcomer following the docs used to get lost: a trace in the wrong records, a token
 * in a database the back office does not read, a slot map whose emulator is gone.
 */
class NewcomerPathsTest {
  @TempDir Path dir;

  @Test
  void traceOfAnUnknownUnitNamesTheRecordsItLookedInAndSuggestsDb() {
    Path db = dir.resolve("station.db");
    CommandLineRun run = CommandLineRun.of("trace", "P046AA2797021", "--db", db.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("no unit in the records")
        .contains(db.toString())
        .contains("'P046AA2797021'")
        .contains("--db work/demo/demo.db")
        .contains("check the scan");
  }

  @Test
  void tokenCreateWritesIntoTheDatabaseBackofficeServeReadsFromTheSameDataFolder()
      throws Exception {
    Path data = dir.resolve("backoffice");
    CommandLineRun run =
        CommandLineRun.of(
            "backoffice",
            "token",
            "create",
            "--data",
            data.toString(),
            "--product",
            "12345",
            "--scope",
            "all");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Path database = data.resolve("backoffice.db");
    assertThat(run.err()).contains(database.toString()).contains("backoffice serve");
    // backoffice serve's default database for that data folder
    try (ProvisioningFeature served =
        ProvisioningFeature.open(ProvisioningSettings.builder(database.toString()).build())) {
      assertThat(served.tokens().verify(run.out().strip())).isPresent();
    }
  }

  @Test
  void runWaitsForASlotMapBeingWrittenAndStopsWithEachSlotsReasonWhenItsDevicesAreGone()
      throws Exception {
    Path map = dir.resolve("slots.yaml");
    // Written a moment after the run starts, as shipready emulate started beside it does; the
    // ports it names serve nothing, as when that emulator has gone.
    Thread writer =
        new Thread(
            () -> {
              try {
                Thread.sleep(1500);
                Files.writeString(
                    dir.resolve("slots.tmp"),
                    "reset: system_reset\n"
                        + "slots:\n"
                        + "  - {slot: \"1\", driver: gdb-remote, gdb: 127.0.0.1:1, console: tcp:127.0.0.1:1}\n"
                        + "  - {slot: \"2\", driver: gdb-remote, gdb: 127.0.0.1:1, console: tcp:127.0.0.1:1}\n");
                Files.move(dir.resolve("slots.tmp"), map);
              } catch (Exception failed) {
                throw new IllegalStateException(failed);
              }
            });
    writer.start();

    CommandLineRun run =
        CommandLineRun.of(
            "run",
            "--recipe",
            Path.of("..", "lines", "emulated-nrf51", "recipe.yaml").toString(),
            "--slots-file",
            map.toString(),
            "--db",
            dir.resolve("records.db").toString());

    writer.join();
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.err())
        .contains("waiting up to 30 s for the slot map")
        .contains("no unit ran: 2 slot(s) went out of service")
        .contains("slot 1: ")
        .contains("slot 2: ")
        .contains("shipready emulate");
  }
}
