package io.shipready.backoffice.ingest;

/**
 * What became of one received file.
 *
 * @param state {@code completed}, {@code rejected} or {@code duplicate}
 * @param rows unit rows read (0 for a rejected or duplicate file)
 * @param reason why the file was rejected, or which file it duplicates; null otherwise
 */
public record IngestOutcome(
    String sha256, String factory, String fileName, String state, long rows, String reason) {}
