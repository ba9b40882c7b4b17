package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --slots-file} without probes: usage mistakes and unreachable probes. The runs on
 * emulated units are in the emulated tier (EmulatedLineIT).
 */
class SlotsFileRunTest {
  private static final String RECIPE =
      Path.of("..", "lines", "emulated-nrf51", "recipe.yaml").toString();

  @TempDir Path dir;

  @Test
  void simulateAndSlotsFileExcludeEachOther() throws Exception {
    Path slots = dir.resolve("slots.yaml");
    Files.writeString(slots, "slots:\n  - gdb: 127.0.0.1:3333\n");

    CommandLineRun run =
        CommandLineRun.of(
            "run", "--recipe", RECIPE, "--simulate", "2", "--slots-file", slots.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--simulate=N, --slots-file=FILE are mutually exclusive");
  }

  @Test
  void aBrokenSlotMapStopsTheStationNamingTheSlotAndField() throws Exception {
    Path slots = dir.resolve("slots.yaml");
    Files.writeString(
        slots,
        "slots:\n  - slot: \"1\"\n    driver: gdb-remote\n    console: tcp:127.0.0.1:4001\n");

    CommandLineRun run =
        CommandLineRun.of(
            "run",
            "--recipe",
            RECIPE,
            "--slots-file",
            slots.toString(),
            "--db",
            dir.resolve("station.db").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(slots.toString())
        .contains("slot 1 (gdb-remote): 'gdb' is missing");
  }

  @Test
  void slotsWhoseDriverCannotDoAStepAreRefusedBeforeTheFirstUnit() throws Exception {
    Path slots = dir.resolve("slots.yaml");
    // nrfjprog programs flash and nothing else: the recipe's console and identity steps have no
    // way to reach these units.
    Files.writeString(
        slots,
        "slots:\n"
            + "  - {slot: \"1\", driver: nrfjprog, family: nrf51, probe: \"683012345\","
            + " regions: {app: 0x0}}\n"
            + "  - {slot: \"2\", driver: nrfjprog, family: nrf51, probe: \"683012346\","
            + " regions: {app: 0x0}}\n");
    Path db = dir.resolve("station.db");

    CommandLineRun run =
        CommandLineRun.of(
            "run", "--recipe", RECIPE, "--slots-file", slots.toString(), "--db", db.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(slots.toString())
        .contains("recipe emulated-nrf51: slots 1, 2 (nrfjprog) cannot run step 'write_identity'")
        .contains("step 'selftest' (needs Console)")
        .contains("give those slots a driver that has it or remove the steps");
    assertThat(run.out()).doesNotContain("unit 1");
    assertThat(CommandLineRun.of("trace", "--db", db.toString(), "U00001").exitCode()).isNotZero();
  }

  @Test
  void aProbeThatDoesNotAnswerIsAnErrorNamingItsAddressAndIsRecorded() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Path slots = dir.resolve("slots.yaml");
    Path db = dir.resolve("station.db");
    // The unit's console answers (connections queue on the listening socket); its probe does not.
    try (ServerSocket console = new ServerSocket(0)) {
      Files.writeString(
          slots,
          "boot_banner: \"\"\nslots:\n  - slot: \"1\"\n    driver: gdb-remote\n    gdb: 127.0.0.1:"
              + closed
              + "\n    console: tcp:127.0.0.1:"
              + console.getLocalPort()
              + "\n");
      probeRun(slots, db, closed);
    }
  }

  private void probeRun(Path slots, Path db, int closed) throws Exception {
    CommandLineRun run =
        CommandLineRun.of(
            "run",
            "--recipe",
            RECIPE,
            "--slots-file",
            slots.toString(),
            "--db",
            db.toString(),
            "--serial-prefix",
            "NOPROBE",
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode only = new ObjectMapper().readTree(run.out()).get("runs").get(0);
    assertThat(only.get("outcome").asText()).isEqualTo("ERROR");
    assertThat(only.get("failed_step").asText()).isEqualTo("flash_app");
    assertThat(only.get("message").asText())
        .contains("cannot connect to the GDB server at 127.0.0.1:" + closed);
    assertThat(CommandLineRun.of("trace", "--db", db.toString(), "NOPROBE00001").out())
        .contains("ERROR");
  }
}
