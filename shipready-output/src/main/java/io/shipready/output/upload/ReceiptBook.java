package io.shipready.output.upload;

/**
 * Where receipts of sent files are kept, so a re-run never sends a file twice (SPI: the
 * traceability store implements it; {@link JsonLinesReceiptBook} serves stations without one).
 *
 * <p>Implementations must make {@link #recordReceipt} durable before it returns: the uploader
 * relies on a recorded receipt surviving a crash.
 */
public interface ReceiptBook {

  /** Whether a file of this name and content has a receipt. */
  boolean alreadySent(String fileName, String sha256);

  /** Keeps the receipt, durably. */
  void recordReceipt(UploadReceipt receipt);
}
