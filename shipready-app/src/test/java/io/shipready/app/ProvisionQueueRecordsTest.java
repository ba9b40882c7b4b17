package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.shipready.backoffice.provisioning.AppliedOperation;
import io.shipready.backoffice.provisioning.ProvisioningFeature;
import io.shipready.backoffice.provisioning.ProvisioningSettings;
import io.shipready.backoffice.provisioning.auth.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shipready provision} on the queue a simulated Particle programming station wrote: each
 * row's own product, group, name, claim and activate_sim are honoured, a row that cannot be is
 * refused with its file, line and column before anything is sent, and with {@code --db} every
 * operation lands in the unit's record, where {@code trace} and {@code export} show it.
 */
class ProvisionQueueRecordsTest {
  private static final Path LINE = Path.of("..", "lines", "particle-cellular");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path db;
  private Path queue;
  private ProvisioningFeature feature;
  private Javalin app;
  private Path token;

  @BeforeEach
  void runTheStationAndStartTheBackOffice() throws Exception {
    db = dir.resolve("line.db");
    CommandLineRun station =
        CommandLineRun.of(
            "run",
            "--recipe",
            LINE.resolve("programming.yaml").toString(),
            "--simulate",
            "3",
            "--seed",
            "5",
            "--time-scale",
            "0.005",
            "--config",
            ParticleLineTest.filledConfig(dir).toString(),
            "--db",
            db.toString(),
            "--json");
    assertThat(station.exitCode()).as(station.err()).isZero();
    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
      queue =
          files
              .filter(p -> p.getFileName().toString().startsWith("provisioning-queue_"))
              .filter(p -> p.getFileName().toString().endsWith(".csv"))
              .findFirst()
              .orElseThrow();
    }
    feature =
        ProvisioningFeature.open(
            ProvisioningSettings.builder(dir.resolve("backoffice.db").toString()).build());
    app = Javalin.create(c -> c.showJavalinBanner = false);
    feature.addTo(app);
    app.start("127.0.0.1", 0);
    token = dir.resolve("token");
    Files.writeString(
        token, feature.tokens().create(cell(1, "product"), EnumSet.allOf(Scope.class)).secret());
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
    if (feature != null) {
      feature.close();
    }
  }

  @Test
  void eachRowIsHonouredAndItsOperationsAreInTheUnitsRecord() throws Exception {
    List<String> rows = new ArrayList<>(Files.readAllLines(queue));
    assertThat(rows.get(0))
        .isEqualTo("device_id,serial,iccid,product,group,name,claim,activate_sim");
    assertThat(rows.size()).as("units queued").isGreaterThanOrEqualTo(3);
    // The second unit asks for another group, another name and no claim: its row wins.
    String[] second = rows.get(2).split(",", -1);
    second[4] = "rework-batch";
    second[5] = "unit-two";
    second[6] = "false";
    rows.set(2, String.join(",", second));
    Files.write(queue, rows);

    CommandLineRun provision =
        CommandLineRun.of(
            "provision",
            "--api",
            api(),
            "--token-file",
            token.toString(),
            "--db",
            db.toString(),
            "--no-progress",
            queue.toString());
    assertThat(provision.exitCode()).as(provision.out() + provision.err()).isZero();
    assertThat(provision.out()).contains("operations recorded in");

    List<String> applied = new ArrayList<>();
    for (AppliedOperation op : feature.appliedOperations()) {
      applied.add(op.kind() + " " + op.target() + " " + op.detail());
    }
    String first = cell(1, "device_id");
    String iccid = cell(1, "iccid");
    assertThat(applied)
        .contains("claim " + first + " ")
        .contains("rename " + first + " " + cell(1, "name"))
        .contains("group_add " + first + " " + cell(1, "group"))
        .contains("rename " + second[0] + " unit-two")
        .contains("group_add " + second[0] + " rework-batch")
        .doesNotContain("claim " + second[0] + " ")
        .anyMatch(op -> op.startsWith("sim_activate " + iccid));

    CommandLineRun trace =
        CommandLineRun.of("trace", "--db", db.toString(), "serial=" + cell(1, "serial"));
    assertThat(trace.exitCode()).as(trace.err()).isZero();
    String text = trace.out();
    String section = text.substring(text.indexOf("\nProvisioning\n"));
    assertThat(section)
        .doesNotContain("(none)")
        .contains("import " + first + "  product " + cell(1, "product") + "  DONE (HTTP 200)")
        .contains("sim_activate " + cell(1, "iccid"))
        .contains("group_add " + cell(1, "group"))
        .contains("rename " + cell(1, "name"))
        .contains("claim " + first)
        .contains("from " + queue.getFileName() + ":2");
    // The mobile secret scanned from the sticker is not in what provisioning recorded.
    JsonNode traced =
        JSON.readTree(CommandLineRun.of("trace", "--db", db.toString(), "--json", first).out());
    String secret = "";
    for (JsonNode id : traced.get("identities")) {
      if (id.get("kind").asText().equals("mobile_secret")) {
        secret = id.get("value").asText();
      }
    }
    assertThat(secret).isNotEmpty();
    assertThat(traced.get("provisioning")).hasSize(5);
    assertThat(traced.get("provisioning").toString()).doesNotContain(secret);

    String secondTrace = CommandLineRun.of("trace", "--db", db.toString(), second[0]).out();
    assertThat(secondTrace).contains("rename unit-two").doesNotContain("claim " + second[0]);

    CommandLineRun export = CommandLineRun.of("export", "--db", db.toString(), "--format", "json");
    assertThat(export.exitCode()).as(export.err()).isZero();
    int withProvisioning = 0;
    for (JsonNode run : JSON.readTree(export.out())) {
      if (run.get("provisioning").size() > 0) {
        withProvisioning++;
      }
    }
    assertThat(withProvisioning).isEqualTo(rows.size() - 1);
    CommandLineRun openHtf =
        CommandLineRun.of("export", "--db", db.toString(), "--format", "openhtf-jsonl");
    assertThat(openHtf.out()).contains("\"provisioning\":[{\"at\"");
  }

  @Test
  void aRowThatCannotBeHonouredIsRefusedBeforeAnythingIsSent() throws Exception {
    List<String> rows = new ArrayList<>(Files.readAllLines(queue));
    String[] second = rows.get(2).split(",", -1);
    second[6] = "yes-please";
    rows.set(2, String.join(",", second));
    String[] third = rows.get(3).split(",", -1);
    third[3] = "";
    rows.set(3, String.join(",", third));
    Files.write(queue, rows);

    CommandLineRun refused =
        CommandLineRun.of(
            "provision",
            "--api",
            api(),
            "--token-file",
            token.toString(),
            "--db",
            db.toString(),
            "--no-progress",
            queue.toString());
    assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(2);
    assertThat(refused.err())
        .contains(queue + " line 3, column claim: not true or false")
        .doesNotContain("yes-please")
        .contains(queue + " line 4, column product: empty, and no --product was given")
        .contains("the row claims the device, which needs its product")
        .contains("nothing was sent")
        .contains("--skip-refused");
    assertThat(feature.appliedOperations()).isEmpty();
    assertThat(CommandLineRun.of("trace", "--db", db.toString(), second[0]).out())
        .contains("Provisioning\n  (none)");

    // An unknown column refuses the whole file, naming it.
    Path extra = dir.resolve("extra.csv");
    Files.writeString(extra, "device_id,colour\n" + second[0] + ",red\n");
    CommandLineRun unknown =
        CommandLineRun.of(
            "provision",
            "--api",
            api(),
            "--product",
            cell(1, "product"),
            "--token-file",
            token.toString(),
            "--no-progress",
            extra.toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains(extra + " line 1, column 2: unknown column 'colour'");

    // Skipping them provisions the others and lists the refused rows; exit code 1.
    CommandLineRun skipped =
        CommandLineRun.of(
            "provision",
            "--api",
            api(),
            "--token-file",
            token.toString(),
            "--db",
            db.toString(),
            "--skip-refused",
            "--no-progress",
            queue.toString());
    assertThat(skipped.exitCode()).as(skipped.out() + skipped.err()).isEqualTo(1);
    assertThat(skipped.err()).contains("line 3, column claim").contains("line 4, column product");
    assertThat(skipped.out()).contains("2 rows refused and skipped");
    assertThat(feature.appliedOperations())
        .extracting(AppliedOperation::target)
        .contains(cell(1, "device_id"))
        .doesNotContain(second[0], third[0]);
  }

  private String api() {
    return "http://127.0.0.1:" + app.port();
  }

  /** A cell of the queue as the station wrote it (line 1 is the first unit). */
  private String cell(int unit, String column) throws Exception {
    List<String> rows = Files.readAllLines(queue);
    List<String> header = List.of(rows.get(0).split(","));
    return rows.get(unit).split(",", -1)[header.indexOf(column)];
  }
}
