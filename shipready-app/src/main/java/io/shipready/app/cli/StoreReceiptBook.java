package io.shipready.app.cli;

import static java.util.Objects.requireNonNull;

import io.shipready.output.upload.FileNote;
import io.shipready.output.upload.ReceiptBook;
import io.shipready.output.upload.UploadReceipt;
import io.shipready.output.upload.UploadReport;
import io.shipready.store.UploadReceipts;
import java.time.Clock;
import java.util.List;

/**
 * The uploader's receipts kept in the station's records: a re-run skips what the records say was
 * sent to this server, and a unit's trace shows when the files holding its rows were sent, or why
 * they were not.
 */
final class StoreReceiptBook implements ReceiptBook {
  private final UploadReceipts receipts;
  private final String destination;
  private final Clock clock;

  /**
   * @param clock stamps refused and failed attempts, as the upload's clock stamps its receipts
   */
  StoreReceiptBook(UploadReceipts receipts, String destination, Clock clock) {
    this.receipts = requireNonNull(receipts, "receipts");
    this.destination = requireNonNull(destination, "destination");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public boolean alreadySent(String fileName, String sha256) {
    return receipts.alreadySent(fileName, destination, sha256);
  }

  @Override
  public void recordReceipt(UploadReceipt receipt) {
    receipts.record(
        receipt.fileName(),
        destination,
        receipt.sha256(),
        receipt.size(),
        UploadReceipts.SENT,
        receipt.remotePath(),
        receipt.sentAt());
  }

  /**
   * Keeps the files the upload refused or could not send, with the reason, so the trace and the
   * station's metrics show them. Their content was never verified on the server: no hash, no size.
   */
  void recordTrouble(UploadReport report) {
    record(report.refused(), UploadReceipts.REFUSED);
    record(report.failed(), UploadReceipts.FAILED);
  }

  private void record(List<FileNote> notes, String outcome) {
    for (FileNote note : notes) {
      receipts.record(
          note.fileName(), destination, "", -1, outcome, note.reason(), clock.instant());
    }
  }
}
