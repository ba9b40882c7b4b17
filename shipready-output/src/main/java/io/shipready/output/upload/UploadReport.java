package io.shipready.output.upload;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What an end-of-day upload did (or, in a dry run, would do).
 *
 * @param dryRun whether this was a dry run: nothing was written anywhere
 * @param sent files uploaded, verified, archived and given a receipt in this run
 * @param recorded files found on the server with exactly our content (a previous run sent them but
 *     its receipt was lost): archived and given a receipt, not sent again
 * @param planned dry run only: what would be sent or recorded
 * @param skipped files that already had a receipt for the same content
 * @param refused files not sent because sending them could overwrite or contradict something: a
 *     different file of that name on the server or in the archive
 * @param failed files that could not be sent, with the reason; the next run tries them again
 * @param differences files with a receipt that the server's listing shows missing or of another
 *     size
 * @param warnings anything else the operator should know (a temporary file that could not be
 *     removed, a listing that could not be read)
 */
public record UploadReport(
    boolean dryRun,
    List<UploadReceipt> sent,
    List<UploadReceipt> recorded,
    List<FileNote> planned,
    List<FileNote> skipped,
    List<FileNote> refused,
    List<FileNote> failed,
    List<ListingDifference> differences,
    List<String> warnings) {

  public UploadReport {
    sent = List.copyOf(requireNonNull(sent, "sent"));
    recorded = List.copyOf(requireNonNull(recorded, "recorded"));
    planned = List.copyOf(requireNonNull(planned, "planned"));
    skipped = List.copyOf(requireNonNull(skipped, "skipped"));
    refused = List.copyOf(requireNonNull(refused, "refused"));
    failed = List.copyOf(requireNonNull(failed, "failed"));
    differences = List.copyOf(requireNonNull(differences, "differences"));
    warnings = List.copyOf(requireNonNull(warnings, "warnings"));
  }

  /** Nothing refused, failed, different or worth a warning: the day's files are all delivered. */
  public boolean clean() {
    return refused.isEmpty() && failed.isEmpty() && differences.isEmpty() && warnings.isEmpty();
  }

  /** A few lines for the operator: counts, then every file that needs attention. */
  public String summary() {
    StringBuilder text = new StringBuilder();
    if (dryRun) {
      text.append("Dry run: nothing was sent.\n");
      text.append(count(planned.size(), "file")).append(" would be sent or recorded");
    } else {
      text.append(count(sent.size(), "file")).append(" sent");
      if (!recorded.isEmpty()) {
        text.append(", ").append(recorded.size()).append(" already on the server and recorded");
      }
    }
    text.append(", ").append(skipped.size()).append(" already sent before");
    text.append(", ").append(refused.size()).append(" refused");
    text.append(", ").append(failed.size()).append(" failed.\n");
    planned.forEach(note -> text.append("  would: ").append(note).append('\n'));
    refused.forEach(note -> text.append("  refused: ").append(note).append('\n'));
    failed.forEach(note -> text.append("  failed: ").append(note).append('\n'));
    differences.forEach(d -> text.append("  listing: ").append(d.message()).append('\n'));
    warnings.forEach(w -> text.append("  warning: ").append(w).append('\n'));
    return text.toString();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
