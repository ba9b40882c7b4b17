package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

/**
 * The template's QR code.
 *
 * @param payload what the code holds, e.g. {@code 1:{association_id}:{device_id}}
 * @param magnification the size of one QR module in dots, 1 to 10
 * @param x left edge in dots at the template's dpi
 * @param y top edge in dots at the template's dpi
 */
public record QrBlock(
    ValueTemplate payload, QrErrorCorrection errorCorrection, int magnification, int x, int y) {
  public QrBlock {
    requireNonNull(payload, "payload");
    requireNonNull(errorCorrection, "errorCorrection");
  }
}
