package io.shipready.app.cli;

import io.shipready.output.upload.BackofficeReceipt;
import io.shipready.output.upload.ClosedDays;
import io.shipready.output.upload.DayUploader;
import io.shipready.output.upload.HostKeyPolicy;
import io.shipready.output.upload.UploadEnvironment;
import io.shipready.output.upload.UploadReceipt;
import io.shipready.output.upload.UploadReport;
import io.shipready.output.upload.UploadSettings;
import io.shipready.output.upload.UploadTarget;
import io.shipready.store.Store;
import java.nio.file.Path;
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
import picocli.CommandLine.Spec;

/**
 * {@code shipready upload}: the day's factory files to the vendor's SFTP server, never overwriting
 * a file there, each verified and receipted, safe to run again.
 */
@Command(
    name = "upload",
    mixinStandardHelpOptions = true,
    description = {
      "Send the closed days' factory files over SFTP: temporary name, verify size and SHA-256,"
          + " rename (never over an existing file), archive, receipt. Safe to run again. Today's"
          + " files wait for the station's midnight unless --today is given.",
      "Credentials from the environment, never the command line: "
          + UploadEnvironment.PASSWORD
          + ", "
          + UploadEnvironment.PASSWORD_FILE
          + " or "
          + UploadEnvironment.KEY
          + " (+ "
          + UploadEnvironment.KEY_PASSPHRASE
          + "); key files as ssh-keygen writes them (Ed25519, ECDSA, RSA).",
      "The server's host key must be pinned in the station's known_hosts file (default"
          + " ~/.config/shipready/known_hosts, or "
          + UploadEnvironment.KNOWN_HOSTS
          + "), e.g. ssh-keyscan -p PORT -t ed25519 HOST >> FILE; an unknown server is refused"
          + " with that line, unless "
          + HostKeyPolicy.TRUST_NEW_FLAG
          + " is given.",
      "Exit code 1 when any file was refused or failed."
    })
public final class UploadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin StoreOption store;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "URL",
      description = "sftp://user@host:port/folder")
  String to;

  @Option(names = "--files", required = true, paramLabel = "DIR", description = "Output folder.")
  Path files;

  @Option(
      names = "--glob",
      defaultValue = "*.afero",
      description = "Which files to send (default ${DEFAULT-VALUE}).")
  String glob;

  @Option(
      names = "--archive",
      required = true,
      paramLabel = "DIR",
      description = "Where sent files are kept, with the receipts.")
  Path archive;

  @Option(
      names = "--today",
      description =
          "Send today's files too. By default only closed days are sent: a file named for today"
              + " (in the station's time zone) may still take rows.")
  boolean today;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description =
          "The station's time zone, for files whose name has no UTC offset (default: this"
              + " computer's).")
  java.time.ZoneId zone;

  @Option(
      names = "--receipt-from",
      paramLabel = "URL",
      description =
          "After sending, read the back office's receipt for the day from URL (its"
              + " /v1/factories/<factory>/receipts; token in "
              + BackofficeReceipt.TOKEN
              + ") and name every file or row sent that it lacks (exit code 1).")
  java.net.URI receiptFrom;

  @Option(
      names = "--receipt-wait",
      defaultValue = "PT1M",
      paramLabel = "DURATION",
      description =
          "How long to wait for the back office to read the files (ISO-8601, default"
              + " ${DEFAULT-VALUE}).")
  java.time.Duration receiptWait;

  @Option(names = "--dry-run", description = "Say what would be sent; change nothing.")
  boolean dryRun;

  @Option(
      names = HostKeyPolicy.TRUST_NEW_FLAG,
      description =
          "Trust a server not yet in the known_hosts file on first use, recording its key there"
              + " (check the fingerprint it prints with the server's administrator).")
  boolean trustNewHostKey;

  /**
   * Where the login, the known_hosts file and the receipts token come from: the process's
   * environment, or the one a command running the upload in-process (the demo) gives it.
   */
  Map<String, String> environment = System.getenv();

  /** Off when the upload runs inside another command whose own output the bar would break. */
  boolean progressBar = true;

  @Override
  public Integer call() {
    UploadTarget target = UploadTarget.parse(to);
    var env = environment;
    UploadSettings settings =
        UploadSettings.builder(target, UploadEnvironment.credentials(env), archive)
            .hostKeys(UploadEnvironment.hostKeyPolicy(env, trustNewHostKey))
            .build();
    try (Store records = Store.open(store.url())) {
      StoreReceiptBook receipts =
          new StoreReceiptBook(records.uploadReceipts(), target.toString(), settings.clock());
      DayUploader uploader = new DayUploader(settings, receipts);
      ClosedDays.Selection days =
          ClosedDays.select(
              DayUploader.dayFiles(files, glob),
              zone != null ? zone : java.time.ZoneId.systemDefault(),
              settings.clock().instant(),
              today);
      days.note().ifPresent(note -> spec.commandLine().getOut().println(note));
      return upload(uploader, receipts, days.send());
    }
  }

  private int upload(DayUploader uploader, StoreReceiptBook receipts, List<Path> day) {
    UploadReport report;
    if (dryRun) {
      report = uploader.dryRun(day);
    } else if (!progressBar) {
      report = uploader.upload(day, progress -> {});
    } else {
      try (ProgressBar bar =
          new ProgressBarBuilder()
              .setTaskName("upload")
              .setStyle(ProgressBarStyle.ASCII)
              .setUnit(" KiB", 1024)
              .setInitialMax(1)
              .build()) {
        report =
            uploader.upload(
                day,
                progress -> {
                  bar.maxHint(Math.max(1, progress.totalBytes()));
                  bar.stepTo(progress.doneBytes());
                  bar.setExtraMessage(progress.fileName());
                });
      }
    }
    var out = spec.commandLine().getOut();
    out.println(report.summary());
    out.flush();
    if (!report.dryRun()) {
      // After the summary: the operator sees what happened even if the records cannot be reached.
      receipts.recordTrouble(report);
    }
    boolean received = report.dryRun() || receiptFrom == null || receiptHasAll(report, out);
    return report.clean() && received ? 0 : 1;
  }

  /** Reads the back office's receipt and says what it lacks of the files just sent. */
  private boolean receiptHasAll(UploadReport report, java.io.PrintWriter out) {
    if (report.sent().isEmpty()) {
      out.println("receipt: nothing was sent, so there is nothing to look for");
      return true;
    }
    Map<String, Long> rows = new java.util.HashMap<>();
    for (UploadReceipt file : report.sent()) {
      rows.put(file.fileName(), rowsUnderHeader(files.resolve(file.fileName())));
    }
    BackofficeReceipt.Check check;
    try {
      check =
          new BackofficeReceipt(
                  receiptFrom,
                  environment.get(BackofficeReceipt.TOKEN),
                  receiptWait,
                  java.time.Clock.systemUTC())
              .check(report.sent(), rows);
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
      return false;
    }
    check.confirmed().forEach(line -> out.println("receipt: " + line));
    check.lacking().forEach(line -> out.println("receipt LACKS " + line));
    out.flush();
    return check.lacking().isEmpty();
  }

  /** The rows of a factory file sent: its lines after the header. */
  private static long rowsUnderHeader(Path file) {
    try (var lines = java.nio.file.Files.lines(file)) {
      return Math.max(0, lines.count() - 1);
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }
}
