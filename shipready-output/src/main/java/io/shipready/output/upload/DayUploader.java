package io.shipready.output.upload;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the day's factory files to the SFTP server agreed with the receiving side, never
 * overwriting a file there, keeping an archive copy of each and a receipt, so running it again
 * sends nothing twice.
 *
 * <pre>{@code
 * Map<String, String> env = System.getenv();
 * UploadSettings settings = UploadSettings.builder(
 *         UploadTarget.parse("sftp://factory@drop.example.com/incoming"),
 *         UploadEnvironment.credentials(env),
 *         archive)
 *     .hostKeys(UploadEnvironment.hostKeyPolicy(env, false))
 *     .build();
 * ReceiptBook receipts = JsonLinesReceiptBook.open(archive.resolve("receipts.jsonl"));
 * UploadReport report = new DayUploader(settings, receipts)
 *     .upload(DayUploader.dayFiles(outputFolder, "*.afero"), bar::update);
 * }</pre>
 *
 * <p>Problems with single files are in the {@link UploadReport}; a problem with the whole upload is
 * thrown: {@link UploadConfigException} (settings), {@link SftpLoginException}, {@link
 * HostKeyException}, {@link SftpUnreachableException}, {@link ReceiptBookException}, or an {@link
 * UploadException} (the folder is missing on the server).
 */
public final class DayUploader {
  private final UploadSettings settings;
  private final ReceiptBook receipts;

  public DayUploader(UploadSettings settings, ReceiptBook receipts) {
    this.settings = requireNonNull(settings, "settings");
    this.receipts = requireNonNull(receipts, "receipts");
  }

  /** Sends the files, in the order given. */
  public UploadReport upload(List<Path> files) {
    return upload(files, ProgressListener.NONE);
  }

  /** Sends the files, in the order given, telling {@code progress} how far it is. */
  public UploadReport upload(List<Path> files, ProgressListener progress) {
    return run(files, progress, false);
  }

  /**
   * Says what {@link #upload} would do, writing nothing: it connects to list the folder and read
   * back files of the same names, but writes, renames and removes nothing on the server, nor in the
   * archive, the receipt book or the known_hosts file (a server met for the first time is listed
   * but its key is not recorded; a changed key is refused as always).
   */
  public UploadReport dryRun(List<Path> files) {
    return run(files, ProgressListener.NONE, true);
  }

  /**
   * The regular files in {@code folder} whose names match {@code glob} (e.g. "*.afero"), sorted.
   */
  public static List<Path> dayFiles(Path folder, String glob) {
    requireNonNull(folder, "folder");
    requireNonNull(glob, "glob");
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, glob)) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry) && !entry.getFileName().toString().startsWith(".")) {
          files.add(entry);
        }
      }
    } catch (IOException e) {
      throw new UploadConfigException(
          "Cannot list the day's files in " + folder + " (" + e + "): fix the output folder.", e);
    }
    files.sort(null);
    return files;
  }

  private UploadReport run(List<Path> files, ProgressListener progress, boolean dryRun) {
    requireNonNull(files, "files");
    requireNonNull(progress, "progress");
    try (SftpConnector connector = new SftpConnector(settings, !dryRun)) {
      return new UploadRun(settings, receipts, connector, progress, dryRun).run(List.copyOf(files));
    }
  }
}
