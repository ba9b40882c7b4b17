/**
 * The end-of-day upload: the day's factory files go to the SFTP server agreed with the receiving
 * side, which never has a file overwritten.
 *
 * <p>{@link io.shipready.output.upload.DayUploader} does the work with {@link
 * io.shipready.output.upload.UploadSettings} (target, login, archive, host key trust, retries),
 * keeps receipts in a {@link io.shipready.output.upload.ReceiptBook} (the store's, or a {@link
 * io.shipready.output.upload.JsonLinesReceiptBook}) and answers with an {@link
 * io.shipready.output.upload.UploadReport}. Secrets and trust come from the environment, see {@link
 * io.shipready.output.upload.UploadEnvironment}.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li>A file on the server is never overwritten: a file of the same name with other content is
 *       refused and left alone; one with exactly our content (a previous run whose receipt was
 *       lost) is recorded, not sent again.
 *   <li>A file only ever appears under its final name complete and verified: it is written as
 *       {@code .<name>.part-<random>}, its size checked, read back and its SHA-256 compared, then
 *       renamed without overwrite. Our temporary files are removed after a failure, or by the next
 *       run.
 *   <li>A dropped connection is retried with backoff and jitter, a bounded number of times; a
 *       refused login or host key is not retried.
 *   <li>Nothing is sent to a server whose host key is not pinned in the station's known_hosts file
 *       ({@link io.shipready.output.upload.UploadEnvironment#knownHostsFile}), unless trusting a
 *       new server on first use was asked for; the refusal names the {@code ssh-keyscan} line that
 *       pins it.
 *   <li>Running again sends nothing twice (receipts), and the archive never has a file replaced by
 *       different content.
 *   <li>At the end the server's listing is compared with every file of the run that has a receipt:
 *       missing files and other sizes are reported.
 * </ul>
 */
package io.shipready.output.upload;
