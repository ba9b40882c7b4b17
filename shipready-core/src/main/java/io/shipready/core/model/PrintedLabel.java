package io.shipready.core.model;

import static java.util.Objects.requireNonNull;

/**
 * A label handed over to a printer for a unit.
 *
 * @param template the template it was rendered from, as the recipe names it
 * @param printer the printer it went to, as messages name it
 * @param copies how many were printed
 * @param payload what its QR code holds (empty when it has none), so a scan can be matched back
 * @param contentSha256 SHA-256 of the exact printer format sent, so a reprint can be compared
 */
public record PrintedLabel(
    String template, String printer, int copies, String payload, String contentSha256) {
  public PrintedLabel {
    requireNonNull(template, "template");
    requireNonNull(printer, "printer");
    requireNonNull(payload, "payload");
    requireNonNull(contentSha256, "contentSha256");
    if (copies < 1) {
      throw new IllegalArgumentException("copies must be at least 1, not " + copies);
    }
  }
}
