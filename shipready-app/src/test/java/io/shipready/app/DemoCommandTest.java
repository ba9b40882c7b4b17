package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newcomer's first command, the whole chain: every bundled line's stations, the day's files
 * uploaded to a back office and taken in whole, the Particle units provisioned, one unit's trace;
 * and run again in the same folder, a clean run beside the previous one.
 */
class DemoCommandTest {
  @Test
  void runsTheWholeChainAndStartsCleanWhenRunAgain(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("demo");

    CommandLineRun first = demo(out);

    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    String shown = first.out();
    assertThat(shown)
        .contains("afero-asr", "azure-sphere", "particle-cellular")
        .contains("programming", "product-label", "rssi-ble", "rssi-wifi", "recovery")
        .contains("records: " + out.resolve("demo.db").toAbsolutePath())
        .contains("bin/shipready trace ")
        .doesNotContain("previous demo");
    for (Path config : Files.newDirectoryStream(out.resolve("afero-asr"), "station-config-*")) {
      assertThat(Files.readString(config).lines().filter(l -> !l.strip().startsWith("#")))
          .noneMatch(l -> l.contains("CHANGE_ME"));
    }

    // Refusals by the route are counted apart from FAIL, each with one line naming what it missed.
    assertThat(shown).containsPattern("[1-9] refused by the route");
    assertThat(shown.lines().filter(l -> l.contains(" refused: ")))
        .isNotEmpty()
        .allSatisfy(
            l ->
                assertThat(l).contains("has not passed").doesNotContain("shipready unit override"));
    assertThat(shown).doesNotContain("FAIL   at route");

    // The day's files went to the back office, which took every row in.
    assertThat(shown)
        .containsPattern("receipt: sent 3 files, (\\d+) rows; the back office took in 3 files,")
        .contains("nothing missing")
        .doesNotContain("LACKS");
    Matcher rows =
        Pattern.compile("sent 3 files, (\\d+) rows; the back office took in 3 files, (\\d+) rows")
            .matcher(shown);
    assertThat(rows.find()).isTrue();
    assertThat(rows.group(2)).isEqualTo(rows.group(1));

    // Every queued Particle unit was added and claimed.
    Matcher provisioned =
        Pattern.compile("provisioned: (\\d+) queued, (\\d+) added to product \\S+, (\\d+) claimed")
            .matcher(shown);
    assertThat(provisioned.find()).as(shown).isTrue();
    assertThat(Integer.parseInt(provisioned.group(1))).isPositive();
    assertThat(provisioned.group(2)).isEqualTo(provisioned.group(1));
    assertThat(provisioned.group(3)).isEqualTo(provisioned.group(1));

    // One unit's whole trace, as shipready trace prints it: a Particle unit from its first flash
    // to claimed, and the carton it was packed into.
    String trace = shown.substring(shown.indexOf("trace of unit "));
    assertThat(trace).contains("particle-cellular", "Runs (1)", "Route", "Packing", "shipment ");
    assertThat(trace).containsPattern("claim [0-9a-f]{24}  product \\d+  DONE");

    // Every unit that passed every station of its line is packed behind the ship gate.
    List<String> ready = Files.readAllLines(out.resolve("afero-asr").resolve("ready-to-pack.txt"));
    assertThat(ready).isNotEmpty();
    assertThat(shown)
        .containsPattern(
            "Shipment \\S+ \\(line afero-asr\\): packed "
                + ready.size()
                + " units? in \\d+ cartons?")
        .doesNotContain("REFUSED");
    assertThat(out.resolve("afero-asr").resolve("shipments")).isDirectoryContaining("glob:**.csv");

    long firstRows = rowsOf01File(out);
    CommandLineRun second = demo(out);

    assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
    assertThat(second.out()).contains("previous demo's records and files were moved to");
    try (Stream<Path> aside = Files.list(out)) {
      assertThat(aside.map(p -> p.getFileName().toString()))
          .anyMatch(name -> name.startsWith("previous-"));
    }
    // The same batch again, into fresh files: nothing appended to the first run's.
    assertThat(rowsOf01File(out)).isEqualTo(firstRows);
    assertThat(second.out()).contains("3 files sent, 0 already sent before", "nothing missing");
  }

  private static CommandLineRun demo(Path out) {
    return CommandLineRun.of(
        "demo", "--out", out.toString(), "--lines", Path.of("..", "lines").toString());
  }

  private static long rowsOf01File(Path out) throws Exception {
    try (Stream<Path> files = Files.list(out.resolve("afero-asr").resolve("files"))) {
      Path programming =
          files.filter(p -> p.getFileName().toString().startsWith("01_")).findFirst().orElseThrow();
      return Files.readAllLines(programming).size() - 1;
    }
  }
}
