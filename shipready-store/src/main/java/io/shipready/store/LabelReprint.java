package io.shipready.store;

import static java.util.Objects.requireNonNull;

import io.shipready.core.event.RecordText;
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
    // What a person typed is kept as the record can keep it (see RecordText).
    operator = RecordText.safe(requireNonNull(operator, "operator"), RecordText.KEY_LIMIT);
    reason = RecordText.safe(requireNonNull(reason, "reason"), RecordText.STATION_LIMIT);
    requireNonNull(printedAt, "printedAt");
  }
}
