package io.shipready.backoffice.ingest;

/** The states of a received file in {@code ingest_files}. */
final class FileStates {
  /** Found in a factory folder, waiting for an ingester to claim it. */
  static final String NEW = "new";

  /** Claimed by one ingester ({@code claimed_by}), being read. */
  static final String INGESTING = "ingesting";

  /** Every row taken in; the file is in {@code completed/}. */
  static final String COMPLETED = "completed";

  /** Refused as a whole; the file and its reason are in {@code rejected/}. */
  static final String REJECTED = "rejected";

  /** Shown on a receipt for a file whose content was already received. */
  static final String DUPLICATE = "duplicate";

  private FileStates() {}
}
