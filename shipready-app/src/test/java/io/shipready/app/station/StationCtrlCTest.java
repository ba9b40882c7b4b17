package io.shipready.app.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shipready.app.Main;
import io.shipready.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C at a station: a real {@code shipready station} process is sent SIGINT while its units run,
 * and ends as after any stop — the summary printed, exit code 0, no run left open.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class StationCtrlCTest {
  private static final long PATIENCE_S = 90;

  @TempDir Path folder;

  @Test
  void ctrlCPrintsTheSummaryAndExitsZero() throws Exception {
    Path db = folder.resolve("station.db");
    Path log = folder.resolve("station.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(
        List.of(
            "station",
            "--recipe",
            RunningStation.SAMPLE,
            "--simulate",
            "8",
            "--time-scale",
            "0.2",
            "--ui",
            "0",
            "--db",
            db.toString(),
            "--station",
            "CTRL-C-1",
            "--lines"));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove("SHIPREADY_ENGINEER_PIN");
    Process station = builder.start();
    try {
      awaitInLog(station, log, "[slot ");
      assumeTrue(
          !interruptIgnored(station.pid()),
          "Ctrl-C test skipped: this test runs with SIGINT ignored (started in the background of a"
              + " shell without job control), so the station never sees it");
      Process interrupt =
          new ProcessBuilder("kill", "-INT", Long.toString(station.pid())).inheritIO().start();
      assertThat(interrupt.waitFor(10, TimeUnit.SECONDS)).isTrue();

      assertThat(station.waitFor(PATIENCE_S, TimeUnit.SECONDS))
          .as("the station ends after Ctrl-C; it printed:%n%s", read(log))
          .isTrue();
      String output = read(log);
      assertThat(station.exitValue()).as(output).isZero();
      assertThat(output)
          .contains("Ctrl-C: stopping the station")
          .containsPattern("sample-tracker: \\d+ units on \\d+ slots in [0-9.]+ s")
          .containsPattern("PASS \\d+ +FAIL \\d+ +ERROR \\d+ +ABORTED \\d+")
          .contains("first-pass yield")
          .contains("records: ");
    } finally {
      station.destroyForcibly();
      station.waitFor(10, TimeUnit.SECONDS);
    }
    try (Store store = Store.open(db.toString())) {
      assertThat(store.closeOpenRuns("CTRL-C-1", "check")).as("runs left open").isEmpty();
    }
  }

  /** Whether the process ignores SIGINT (its SigIgn mask in /proc; false where there is none). */
  private static boolean interruptIgnored(long pid) throws Exception {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    if (!Files.isReadable(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        long mask = Long.parseUnsignedLong(line.substring(7).strip(), 16);
        return (mask & (1L << 1)) != 0;
      }
    }
    return false;
  }

  private static void awaitInLog(Process process, Path log, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_S);
    while (System.nanoTime() < deadline) {
      if (read(log).contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("the station ended before showing '" + text + "':\n" + read(log));
      }
      Thread.sleep(25);
    }
    throw new AssertionError("the station did not show '" + text + "':\n" + read(log));
  }

  private static String read(Path log) throws Exception {
    return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
  }
}
