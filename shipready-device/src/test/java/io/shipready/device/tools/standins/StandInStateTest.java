package io.shipready.device.tools.standins;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.device.tools.ToolResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-ins' state folder: kept between calls, safe under parallel slots, refused when unset.
 */
class StandInStateTest {
  @TempDir Path temp;
  StandIns standIns;

  @BeforeEach
  void standIns() {
    standIns = StandIns.in(temp);
    standIns.device("create", "--family", "azure-sphere", "--id", "21143");
  }

  @Test
  void parallelCallsOnOneUnitLoseNoChange() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<ToolResult>> calls = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String ssid = "network-" + i;
      calls.add(
          pool.submit(
              () ->
                  standIns.run(
                      "azsphere", "device", "wifi", "add", "--ssid", ssid, "--device", "21143")));
    }
    for (Future<ToolResult> call : calls) {
      assertThat(call.get().exitCode()).as(call.get().output()).isZero();
    }
    pool.shutdown();

    String listed =
        standIns.run("azsphere", "device", "wifi", "list", "-o", "tsv", "-d", "21143").stdout();

    assertThat(listed.lines().map(line -> line.split("\t")[0]))
        .containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7");
    assertThat(listed.lines().map(line -> line.split("\t")[1]))
        .containsExactlyInAnyOrder(
            "network-0",
            "network-1",
            "network-2",
            "network-3",
            "network-4",
            "network-5",
            "network-6",
            "network-7");
  }

  @Test
  void aToolWithoutTheStateFolderRefusesToRun() {
    StandIns.Result result =
        StandIns.exec(
            List.of(standIns.executable("azsphere").toString(), "device", "list-attached"),
            Map.of("PATH", standIns.environment().get("PATH")));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("SHIPREADY_STANDIN_STATE is not set");
  }

  @Test
  void faultsAreCheckedAgainstTheUnitsFamily() {
    StandIns.Result unknown = standIns.unitCommand("fault", "21143", "verify-mismatch");
    StandIns.Result twice = standIns.unitCommand("create", "--family", "probe", "--id", "21143");

    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.stderr())
        .contains("not a fault of a azure-sphere unit")
        .contains("not-trusted");
    assertThat(twice.exitCode()).isEqualTo(1);
    assertThat(twice.stderr()).contains("already exists");
  }

  @Test
  void aFaultPlantedForSomeTimesClearsItself() throws Exception {
    standIns.device("fault", "21143", "not-responding", "--times", "1");

    ToolResult first = standIns.run("azsphere", "device", "show-attached", "-d", "21143");
    ToolResult second = standIns.run("azsphere", "device", "show-attached", "-d", "21143");

    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(first.stderr()).contains("The device is not responding");
    assertThat(second.exitCode()).isZero();
  }
}
