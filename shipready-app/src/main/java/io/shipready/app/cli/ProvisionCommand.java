package io.shipready.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.backoffice.provisioning.client.GroupNames;
import io.shipready.backoffice.provisioning.client.Journal;
import io.shipready.backoffice.provisioning.client.OperationListener;
import io.shipready.backoffice.provisioning.client.ProvisionInputException;
import io.shipready.backoffice.provisioning.client.ProvisionPlan;
import io.shipready.backoffice.provisioning.client.ProvisionReport;
import io.shipready.backoffice.provisioning.client.Provisioner;
import io.shipready.backoffice.provisioning.client.QueueCheck;
import io.shipready.backoffice.provisioning.client.QueueDefaults;
import io.shipready.backoffice.provisioning.client.RowRefusal;
import io.shipready.backoffice.provisioning.client.UnitCsv;
import io.shipready.backoffice.provisioning.client.UnitRow;
import io.shipready.store.Store;
import io.shipready.store.StoreException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shipready provision}: provisions the units of a CSV through a Particle-shaped API, ours or
 * Particle's own.
 */
@Command(
    name = "provision",
    mixinStandardHelpOptions = true,
    description = {
      "Provision the units of FILE.csv (header: device_id, and serial / iccid where used; a"
          + " station's provisioning queue also has product, group, name, claim, activate_sim)"
          + " through the Particle Cloud API or the back office's: import each device, activate"
          + " its SIM, add it to a group (made once if missing), name it, claim it. A row's own"
          + " values win over the options, which are defaults for the cells a row leaves empty.",
      "Every row is checked before anything is sent: a row that cannot be honoured is refused"
          + " with its file, line and column, and nothing is sent (exit code 2) unless"
          + " --skip-refused provisions the others. With --db, each operation is written to the"
          + " unit's record as it ends (shipready trace shows it).",
      "Requests run concurrently as fast as the server's quota allows (X-RateLimit-* headers,"
          + " 429 and Retry-After), failed ones are retried with backoff and jitter, and each"
          + " operation done is written to a journal (FILE.csv.journal): running it again"
          + " repeats nothing already done.",
      "Token from $SHIPREADY_API_TOKEN, $PARTICLE_ACCESS_TOKEN or --token-file, never the"
          + " command line. Exit code 1 when any unit failed, 2 for bad usage or input."
    })
public final class ProvisionCommand implements Callable<Integer> {
  static final String TOKEN = "SHIPREADY_API_TOKEN";
  static final String PARTICLE_TOKEN = "PARTICLE_ACCESS_TOKEN";

  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Option(
      names = "--api",
      required = true,
      paramLabel = "URL",
      description = "API base URL, e.g. https://api.particle.io.")
  URI api;

  @Mixin StoreOption store;

  @Option(
      names = "--product",
      paramLabel = "P",
      description = "Product id or slug for the rows whose product is empty.")
  String product;

  @Option(
      names = "--skip-refused",
      description =
          "Provision the rows that can be honoured and list the refused ones (exit code 1),"
              + " instead of refusing the whole file.")
  boolean skipRefused;

  @Option(
      names = "--group",
      paramLabel = "G",
      description =
          "Group a unit joins when its row names none; 'auto' names it YYYYMMDD_xxxx (day and CSV"
              + " hash), kept in the journal.")
  String group;

  @Option(
      names = "--claim",
      description = "Claim each device to the product's account (unless its row says false).")
  boolean claim;

  @Option(
      names = "--name-from",
      paramLabel = "serial",
      description =
          "Name each device after its serial when its row names none (the only choice: serial).")
  String nameFrom;

  @Option(
      names = "--activate-sims",
      description =
          "Import and activate each unit's SIM (column iccid), unless its row says false.")
  boolean activateSims;

  @Option(
      names = "--journal",
      paramLabel = "FILE",
      description = "Journal file (default FILE.csv.journal).")
  Path journalFile;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "Read the API token from this file.")
  Path tokenFile;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description =
          "Exactly N requests in flight at most. Without it the client finds how many by itself,"
              + " from the rate-limit headers and the latency (1 to 512).")
  Integer concurrency;

  @Option(
      names = "--attempts",
      defaultValue = "6",
      description = "Tries per request on network errors and 5xx (default ${DEFAULT-VALUE}).")
  int attempts;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Option(names = "--no-progress", description = "No progress bar.")
  boolean noProgress;

  @Parameters(index = "0", paramLabel = "FILE.csv", description = "The units.")
  Path csv;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    Prepared prepared;
    try {
      prepared = prepare();
    } catch (ProvisionInputException bad) {
      err.println("shipready: " + bad.getMessage());
      err.flush();
      return 2;
    }
    ProvisionReport report;
    try (Journal journal = prepared.journal;
        ProvisionRecorder recorder = prepared.recorder) {
      String groupName =
          GroupNames.resolve(
              group, product == null ? "" : product, csv, journal, LocalDate.now(ZoneOffset.UTC));
      ProvisionPlan plan =
          new ProvisionPlan(
              api,
              product,
              groupName,
              claim,
              nameFrom != null,
              activateSims,
              concurrency == null ? ProvisionPlan.FOUND : concurrency,
              attempts);
      OperationListener listener = recorder == null ? OperationListener.NONE : recorder;
      Provisioner provisioner = new Provisioner(plan, prepared.token, journal, listener);
      if (noProgress) {
        report = provisioner.run(prepared.units, unit -> {});
      } else {
        try (ProgressBar bar =
            new ProgressBarBuilder()
                .setTaskName("provision")
                .setStyle(ProgressBarStyle.ASCII)
                .setInitialMax(prepared.units.size())
                .setUnit(" units", 1)
                .build()) {
          report = provisioner.run(prepared.units, unit -> bar.step());
        }
      }
    }
    var out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> map = report.asMap();
      map.put("refused", prepared.refused.stream().map(RowRefusal::describe).toList());
      if (prepared.recorder != null) {
        map.put("records", prepared.recorder.describe());
      }
      out.println(new ObjectMapper().writeValueAsString(map));
    } else {
      out.print(report.table());
      out.println();
      if (!prepared.refused.isEmpty()) {
        out.println(
            prepared.refused.size()
                + (prepared.refused.size() == 1 ? " row" : " rows")
                + " refused and skipped (listed above); fix them and run again to provision them");
      }
      if (prepared.recorder != null) {
        out.println("operations recorded in " + prepared.recorder.describe());
      }
    }
    out.flush();
    return report.clean() && prepared.refused.isEmpty() ? 0 : 1;
  }

  private record Prepared(
      String token,
      List<UnitRow> units,
      List<RowRefusal> refused,
      Journal journal,
      ProvisionRecorder recorder) {}

  private Prepared prepare() {
    if (concurrency != null && concurrency < 1) {
      throw new ProvisionInputException(
          "--concurrency must be at least 1, not "
              + concurrency
              + "; leave it out to let the client find it");
    }
    if (nameFrom != null && !nameFrom.equals("serial")) {
      throw new ProvisionInputException("--name-from takes only 'serial', not '" + nameFrom + "'");
    }
    if (api.getScheme() == null || !api.getScheme().matches("https?") || api.getHost() == null) {
      throw new ProvisionInputException(
          "--api must be an http(s) URL such as https://api.particle.io, not " + api);
    }
    if (api.getScheme().equals("http") && !isLoopback(api.getHost())) {
      throw new ProvisionInputException(
          "--api "
              + api
              + " would send the token unencrypted; use https (plain http only to localhost)");
    }
    if (product != null && product.isBlank()) {
      throw new ProvisionInputException("--product is empty; give a product id or slug");
    }
    String token = token();
    QueueCheck check =
        UnitCsv.check(csv, new QueueDefaults(product, nameFrom != null, claim, activateSims));
    List<RowRefusal> refused = new ArrayList<>(check.refused());
    List<UnitRow> units = new ArrayList<>(check.units());
    ProvisionRecorder recorder = recordsWanted() ? openRecorder() : null;
    try {
      if (recorder != null) {
        // A unit the records do not know would be provisioned with nothing to show for it.
        for (UnitRow unit : List.copyOf(units)) {
          if (!recorder.knows(unit)) {
            units.remove(unit);
            refused.add(
                new RowRefusal(
                    csv,
                    unit.line(),
                    "device_id",
                    unit.deviceId(),
                    unit.deviceId()
                        + " is in no unit's record in "
                        + recorder.describe()
                        + "; give the --db of the station that built it, or provision it"
                        + " without --db"));
          }
        }
        refused.sort(Comparator.comparingInt(RowRefusal::line));
      }
      if (!refused.isEmpty()) {
        var err = spec.commandLine().getErr();
        refused.forEach(refusal -> err.println("shipready: " + refusal.describe()));
        err.flush();
        if (!skipRefused) {
          throw new ProvisionInputException(
              refused.size()
                  + (refused.size() == 1 ? " row" : " rows")
                  + " of "
                  + csv
                  + " cannot be honoured (listed above); nothing was sent. Fix them, or give"
                  + " --skip-refused to provision the other rows");
        }
        if (units.isEmpty()) {
          throw new ProvisionInputException(
              "every row of " + csv + " is refused (listed above); nothing to provision");
        }
      }
      Path journalPath = journalFile != null ? journalFile : Path.of(csv.toString() + ".journal");
      return new Prepared(token, units, refused, Journal.open(journalPath), recorder);
    } catch (RuntimeException failed) {
      if (recorder != null) {
        recorder.close();
      }
      throw failed;
    }
  }

  /** Only when asked: without --db (or $SHIPREADY_DB), provisioning touches no records. */
  private boolean recordsWanted() {
    String fromEnvironment = System.getenv("SHIPREADY_DB");
    return (store.url != null && !store.url.isBlank())
        || (fromEnvironment != null && !fromEnvironment.isBlank());
  }

  private ProvisionRecorder openRecorder() {
    try {
      return new ProvisionRecorder(Store.open(store.url()), api, csv);
    } catch (StoreException unusable) {
      throw new ProvisionInputException("--db: " + unusable.getMessage(), unusable);
    }
  }

  private String token() {
    if (tokenFile != null) {
      try {
        String text = Files.readString(tokenFile, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
          throw new ProvisionInputException("--token-file " + tokenFile + " is empty");
        }
        return text;
      } catch (IOException failed) {
        throw new ProvisionInputException(
            "--token-file " + tokenFile + " cannot be read: " + failed.getMessage());
      }
    }
    for (String name : List.of(TOKEN, PARTICLE_TOKEN)) {
      String value = System.getenv(name);
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    throw new ProvisionInputException(
        "No API token: set $" + TOKEN + " (or $" + PARTICLE_TOKEN + ") or give --token-file FILE");
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.equals("127.0.0.1")
        || host.equals("[::1]")
        || host.equals("::1");
  }
}
