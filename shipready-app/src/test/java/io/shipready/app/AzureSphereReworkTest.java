package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.device.sim.Fault;
import io.shipready.store.RouteEvent;
import io.shipready.store.Store;
import io.shipready.store.TraceText;
import io.shipready.store.UnitTrace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rework on the Azure Sphere line: a unit whose e-fuses were already burnt fails later in
 * programming, goes to rework, is repaired and re-enters at programming, passes, and is audited.
 * Its trace tells the whole story: every run, the rework and the repair, and both device labels,
 * the first one VOID.
 */
class AzureSphereReworkTest {
  @TempDir Path dir;

  @Test
  void aUnitFailingAfterItsEfusesWereBurntIsReworkedRepairedAndPasses() throws Exception {
    FloorLine line = new FloorLine("azure-sphere", dir, "jdbc:sqlite:" + dir.resolve("line.db"));
    String unit = line.deviceId(1);
    assertThat(line.station("recovery", 1).get(1).outcome()).isEqualTo(Outcome.PASS);

    // Pulled just before Module1Complete: region code and transmit power are burnt, the label
    // printed, and the ready-to-ship check cannot read the unit's state.
    line.handle(1, device -> device.inject(new Fault.Unplugged("state")));
    RunResult failed = line.station("programming", 1).get(1);
    assertThat(failed.outcome()).isNotEqualTo(Outcome.PASS);
    assertThat(failed.steps())
        .filteredOn(s -> s.stepId().equals("region_code") || s.stepId().equals("device_label"))
        .extracting(s -> s.outcome().passed())
        .containsExactly(true, true);

    RouteGateTest.unit(line.db, "rework", unit, "--by", "eng-dana");
    RunResult refused = line.station("programming", 1).get(1);
    assertThat(refused.failedStep()).isEqualTo("route");
    assertThat(refused.message()).contains("is in rework", "shipready unit repair " + unit);

    line.handle(1, device -> device.clearFaults());
    CommandLineRun repaired =
        RouteGateTest.unit(
            line.db,
            "repair",
            unit,
            "--symptom",
            "USB connection drops",
            "--action",
            "resoldered the USB connector",
            "--parts",
            "J1",
            "--re-entry",
            "programming",
            "--by",
            "eng-dana");
    assertThat(repaired.out()).contains("re-enters at programming", "1 of its labels VOID");

    RunResult again = line.station("programming", 1).get(1);
    assertThat(again.outcome()).as(again.message()).isEqualTo(Outcome.PASS);
    assertThat(line.station("ship-audit", 1).get(1).outcome()).isEqualTo(Outcome.PASS);

    try (Store store = Store.open(line.db)) {
      UnitTrace trace = store.trace(unit);
      assertThat(trace.runs())
          .extracting(UnitTrace.Run::recipe, UnitTrace.Run::outcome, UnitTrace.Run::retest)
          .containsExactly(
              tuple("azure-sphere-recovery", Outcome.PASS, 0),
              tuple("azure-sphere-programming", failed.outcome(), 0),
              tuple("azure-sphere-programming", Outcome.FAIL, 1),
              tuple("azure-sphere-programming", Outcome.PASS, 2),
              tuple("azure-sphere-ship-audit", Outcome.PASS, 0));
      assertThat(trace.route())
          .extracting(RouteEvent::kind, RouteEvent::station, RouteEvent::user)
          .containsExactly(
              tuple(RouteEvent.Kind.REWORK, "programming", "eng-dana"),
              tuple(RouteEvent.Kind.REPAIR, "programming", "eng-dana"));
      assertThat(trace.route().get(1).parts()).containsExactly("J1");
      assertThat(trace.labels())
          .extracting(UnitTrace.LabelPrinted::template, l -> l.voided().isEmpty())
          .containsExactly(
              tuple("labels/device-label.json", false), tuple("labels/device-label.json", true));
      String text = TraceText.render(trace);
      assertThat(text)
          .contains("Route")
          .contains("azure-sphere-programming: 3 runs")
          .contains(
              "REPAIR programming by eng-dana: USB connection drops;"
                  + " action: resoldered the USB connector; parts replaced: J1")
          .contains("VOID (repair by eng-dana: resoldered the USB connector)");
    }
  }
}
