package io.shipready.app.cli;

import static java.util.Objects.requireNonNull;

import io.shipready.output.upload.ReceiptBook;
import io.shipready.output.upload.UploadReceipt;
import io.shipready.store.UploadReceipts;

/**
 * The uploader's receipts kept in the station's records: a re-run skips what the records say was
 * sent to this server, and a unit's trace shows when the files holding its rows were sent.
 */
final class StoreReceiptBook implements ReceiptBook {
  private final UploadReceipts receipts;
  private final String destination;

  StoreReceiptBook(UploadReceipts receipts, String destination) {
    this.receipts = requireNonNull(receipts, "receipts");
    this.destination = requireNonNull(destination, "destination");
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
}
