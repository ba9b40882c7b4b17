package io.shipready.output.upload;

import static java.util.Objects.requireNonNull;

/**
 * A file this station has a receipt for that the server's listing of the folder does not show as
 * sent: it is missing, or it has another size.
 *
 * @param fileName the file
 * @param remotePath where it should be
 * @param expectedSize its size in our receipt
 * @param serverSize its size on the server, or -1 when it is missing
 */
public record ListingDifference(
    String fileName, String remotePath, long expectedSize, long serverSize) {
  public ListingDifference {
    requireNonNull(fileName, "fileName");
    requireNonNull(remotePath, "remotePath");
  }

  public boolean missing() {
    return serverSize < 0;
  }

  /** What is wrong and what to do, in one sentence. */
  public String message() {
    if (missing()) {
      return fileName
          + " was sent ("
          + expectedSize
          + " bytes) but "
          + remotePath
          + " is not on the server any more: check with the receiving side whether it was"
          + " processed (moved to its Completed folder) or lost; the archive holds a copy.";
    }
    return fileName
        + " was sent with "
        + expectedSize
        + " bytes but "
        + remotePath
        + " has "
        + serverSize
        + " bytes on the server: it was changed there; ask the receiving side, the archive holds"
        + " the original.";
  }

  @Override
  public String toString() {
    return message();
  }
}
