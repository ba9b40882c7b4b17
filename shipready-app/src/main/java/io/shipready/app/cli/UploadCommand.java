package io.shipready.app.cli;

import io.shipready.output.upload.DayUploader;
import io.shipready.output.upload.HostKeyPolicy;
import io.shipready.output.upload.UploadEnvironment;
import io.shipready.output.upload.UploadReport;
import io.shipready.output.upload.UploadSettings;
import io.shipready.output.upload.UploadTarget;
import io.shipready.store.Store;
import java.nio.file.Path;
import java.util.List;
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
      "Send the day's factory files over SFTP: temporary name, verify size and SHA-256, rename"
          + " (never over an existing file), archive, receipt. Safe to run again.",
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

  @Option(names = "--dry-run", description = "Say what would be sent; change nothing.")
  boolean dryRun;

  @Option(
      names = HostKeyPolicy.TRUST_NEW_FLAG,
      description =
          "Trust a server not yet in the known_hosts file on first use, recording its key there"
              + " (check the fingerprint it prints with the server's administrator).")
  boolean trustNewHostKey;

  @Override
  public Integer call() {
    UploadTarget target = UploadTarget.parse(to);
    var env = System.getenv();
    UploadSettings settings =
        UploadSettings.builder(target, UploadEnvironment.credentials(env), archive)
            .hostKeys(UploadEnvironment.hostKeyPolicy(env, trustNewHostKey))
            .build();
    try (Store records = Store.open(store.url())) {
      StoreReceiptBook receipts =
          new StoreReceiptBook(records.uploadReceipts(), target.toString(), settings.clock());
      DayUploader uploader = new DayUploader(settings, receipts);
      return upload(uploader, receipts, DayUploader.dayFiles(files, glob));
    }
  }

  private int upload(DayUploader uploader, StoreReceiptBook receipts, List<Path> day) {
    UploadReport report;
    if (dryRun) {
      report = uploader.dryRun(day);
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
    return report.clean() ? 0 : 1;
  }
}
