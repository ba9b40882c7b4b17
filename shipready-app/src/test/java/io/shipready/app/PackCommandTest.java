package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.device.sim.Fault;
import io.shipready.store.Store;
import io.shipready.store.TraceText;
import io.shipready.store.UnitTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packing station after real (simulated) stations of the Azure Sphere line, whose last station
 * is the ship audit: units that passed every station are packed into cartons and pallets, with a
 * carton label whose QR code lists them and a manifest; a unit that failed a station, skipped the
 * ship audit, was scrapped, is unknown or is packed already is refused, saying why. On one SQLite
 * file, and on PostgreSQL when a URL is given (-Dshipready.test.postgres.url; skipped otherwise).
 */
class PackCommandTest {
  @TempDir Path dir;

  @Test
  void sqlite() throws Exception {
    packAzureSphere(new FloorLine("azure-sphere", dir, "jdbc:sqlite:" + dir.resolve("line.db")));
  }

  @Test
  void postgres() throws Exception {
    packAzureSphere(new FloorLine("azure-sphere", dir, RouteGateTest.postgres()));
  }

  /**
   * The last run at a station is what counts: a unit that passed and then failed there again is
   * refused. Scans come from a file; a named shipment gets the day and quantity as its group.
   */
  @Test
  void particleLastRunCountsAndScansComeFromAFile() throws Exception {
    FloorLine line =
        new FloorLine("particle-cellular", dir, "jdbc:sqlite:" + dir.resolve("particle.db"));
    Map<Integer, RunResult> first = line.station("programming", 1, 2);
    assertThat(first.get(2).outcome()).as(first.get(2).message()).isEqualTo(Outcome.PASS);
    line.handle(2, unit -> unit.inject(new Fault.FlashFailure("*")));
    assertThat(line.station("programming", 2).get(2).outcome()).isEqualTo(Outcome.FAIL);
    String serial1;
    try (Store store = Store.open(line.db)) {
      serial1 = store.trace(line.deviceId(1)).name(); // what its sticker says
    }
    assertThat(serial1).startsWith("P0");
    Path scans = dir.resolve("scans.txt");
    Files.writeString(
        scans,
        "# carton for the north warehouse\n"
            + serial1
            + "\n\n"
            + line.deviceId(2)
            + "   # the second board\n");
    Path out = dir.resolve("particle-shipments");
    CommandLineRun badSize =
        CommandLineRun.of(
            "pack",
            "--line",
            "particle-cellular",
            "--db",
            line.db,
            "--unit",
            serial1,
            "--carton-size",
            "0");
    assertThat(badSize.exitCode()).isEqualTo(2);
    assertThat(badSize.err()).contains("carton size 0 holds no unit");
    CommandLineRun packed =
        CommandLineRun.of(
            "pack",
            "--line",
            "particle-cellular",
            "--lines",
            Path.of("..", "lines").toString(),
            "--db",
            line.db,
            "--units",
            scans.toString(),
            "--shipment",
            "north-1",
            "--by",
            "packer",
            "--out",
            out.toString());
    assertThat(packed.exitCode()).as(packed.out() + packed.err()).isEqualTo(1);
    String group = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE) + "_0001";
    assertThat(packed.out())
        .contains(
            "Shipment north-1 (line particle-cellular): packed 1 unit in 1 carton on 1 pallet",
            "REFUSED " + line.deviceId(2) + ": unit P0",
            " has not passed programming (last run there FAIL at flash_",
            "Device group: " + group);
    assertThat(Files.readString(out.resolve("north-1.csv")))
        .contains("north-1,north-1-P01,north-1-C001," + serial1 + ",")
        .doesNotContain("mobile_secret");
    assertThat(Files.readString(out.resolve("labels").resolve("north-1-C001.zpl")))
        .contains("north-1-C001;" + serial1);
  }

  private void packAzureSphere(FloorLine line) throws Exception {
    line.handle(2, unit -> unit.inject(new Fault.Unplugged("recover")));
    Map<Integer, RunResult> recovery = line.station("recovery", 1, 2, 3, 4, 5);
    assertThat(recovery.get(2).outcome()).isEqualTo(Outcome.ERROR);
    line.station("programming", 1, 3, 4, 5);
    Map<Integer, RunResult> audit = line.station("ship-audit", 1, 3, 4);
    for (int n : new int[] {1, 3, 4}) {
      assertThat(audit.get(n).outcome()).as(audit.get(n).message()).isEqualTo(Outcome.PASS);
    }
    RouteGateTest.unit(line.db, "scrap", line.deviceId(4), "--reason", "dropped", "--by", "eng");

    Path out = dir.resolve("shipments");
    CommandLineRun packed =
        pack(
            line,
            out,
            line.deviceId(1),
            line.deviceId(2),
            line.deviceId(3),
            line.deviceId(4),
            line.deviceId(5),
            "NO-SUCH-UNIT",
            line.deviceId(1));
    String shipment =
        LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE) + "_0002"; // day, quantity
    assertThat(packed.exitCode()).as(packed.out() + packed.err()).isEqualTo(1);
    assertThat(packed.out())
        .contains(
            "Shipment "
                + shipment
                + " (line azure-sphere): packed 2 units in 2 cartons on 1 pallet",
            "REFUSED "
                + line.deviceId(2)
                + ": unit "
                + line.deviceId(2)
                + " has not passed recovery (last run there ERROR at recover_os",
            "programming (never run there), ship-audit (never run there) on line azure-sphere",
            "REFUSED " + line.deviceId(4) + ": unit " + line.deviceId(4) + " was scrapped",
            "REFUSED "
                + line.deviceId(5)
                + ": unit "
                + line.deviceId(5)
                + " has not passed ship-audit (never run there) on line azure-sphere",
            "run it at ship-audit until it passes",
            "REFUSED NO-SUCH-UNIT: no unit in the records",
            "was scanned already in this packing (as '" + line.deviceId(1) + "')",
            "Device group: " + shipment);

    // The carton labels: one QR code each, listing the carton and its unit.
    String carton1 = shipment + "-C001";
    String zpl = Files.readString(out.resolve("labels").resolve(carton1 + ".zpl"));
    assertThat(zpl).startsWith("^XA").contains(carton1 + ";" + line.deviceId(1));
    assertThat(Files.readString(out.resolve("labels").resolve(shipment + "-C002.zpl")))
        .contains(shipment + "-C002;" + line.deviceId(3));

    // The manifest, as CSV and JSON, holds the packed units only.
    List<String> csv = Files.readAllLines(out.resolve(shipment + ".csv"));
    assertThat(csv.get(0))
        .isEqualTo("shipment,pallet,carton,unit,identifiers,line,versions,packed_at,packed_by");
    assertThat(csv).hasSize(3);
    assertThat(csv.get(1))
        .startsWith(shipment + "," + shipment + "-P01," + carton1 + "," + line.deviceId(1) + ",")
        .contains("device_id=" + line.deviceId(1), ",azure-sphere,", "ship-audit: ", ",packer");
    JsonNode json = new ObjectMapper().readTree(out.resolve(shipment + ".json").toFile());
    assertThat(json.get("shipment").asText()).isEqualTo(shipment);
    assertThat(json.get("group").asText()).isEqualTo(shipment);
    assertThat(json.get("units").asInt()).isEqualTo(2);
    JsonNode second = json.get("cartons").get(1);
    assertThat(second.get("carton").asText()).isEqualTo(shipment + "-C002");
    JsonNode unit3 = second.get("units").get(0);
    assertThat(unit3.get("unit").asText()).isEqualTo(line.deviceId(3));
    assertThat(unit3.get("versions").toString())
        .contains("recovery: ", "programming: ", "ship-audit: ");
    assertThat(unit3.get("packed_at").asText()).isNotEmpty();

    // A unit ships once; the rest of a scan list is still packed into the same shipment.
    CommandLineRun again = pack(line, out, "--shipment", shipment, line.deviceId(3));
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.out())
        .contains(
            "REFUSED " + line.deviceId(3) + ": unit " + line.deviceId(3) + " is packed already",
            "in carton " + shipment + "-C002");

    try (Store store = Store.open(line.db)) {
      UnitTrace one = store.trace(line.deviceId(1));
      assertThat(one.packing())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.shipment()).isEqualTo(shipment);
                assertThat(p.carton()).isEqualTo(carton1);
                assertThat(p.pallet()).isEqualTo(shipment + "-P01");
                assertThat(p.packedBy()).isEqualTo("packer");
              });
      assertThat(TraceText.render(one)).contains("Packing\n  shipment " + shipment);
      assertThat(store.trace(line.deviceId(5)).packing()).isEmpty();
    }
  }

  private static CommandLineRun pack(FloorLine line, Path out, String... scansOrOptions) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "pack",
                "--line",
                "azure-sphere",
                "--lines",
                Path.of("..", "lines").toString(),
                "--db",
                line.db,
                "--carton-size",
                "1",
                "--cartons-per-pallet",
                "2",
                "--by",
                "packer",
                "--out",
                out.toString()));
    for (String value : scansOrOptions) {
      if (value.startsWith("--") || args.get(args.size() - 1).equals("--shipment")) {
        args.add(value);
      } else {
        args.add("--unit");
        args.add(value);
      }
    }
    return CommandLineRun.of(args.toArray(String[]::new));
  }
}
