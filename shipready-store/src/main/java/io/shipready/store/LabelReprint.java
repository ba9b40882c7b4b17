package io.shipready.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A unit's label printed again outside any run, by whom and why.
 *
 * @param payload what its QR code holds, empty when none
 * @param contentSha256 SHA-256 of the printer format sent, to compare with the first print
 */
public record LabelReprint(
    String template,
    String printer,
    int copies,
    String payload,
    String contentSha256,
    String operator,
    String reason,
    Instant printedAt) {
  public LabelReprint {
    requireNonNull(template, "template");
    requireNonNull(printer, "printer");
    requireNonNull(payload, "payload");
    requireNonNull(contentSha256, "contentSha256");
    requireNonNull(operator, "operator");
    requireNonNull(reason, "reason");
    requireNonNull(printedAt, "printedAt");
  }
}
