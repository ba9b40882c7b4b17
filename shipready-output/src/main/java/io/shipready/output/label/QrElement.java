package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;

/**
 * The QR code placed at the printer's resolution.
 *
 * @param key the template key it came from ("qr")
 * @param version the QR version the preview draws when the payload fits it; empty for the smallest
 *     version that holds the payload, which is also what a Zebra printer chooses
 * @param modules the symbol's width in modules, so its width in dots is modules × magnification
 */
public record QrElement(
    String key,
    String payload,
    QrErrorCorrection errorCorrection,
    int x,
    int y,
    int magnification,
    OptionalInt version,
    int modules) {
  public QrElement {
    requireNonNull(key, "key");
    requireNonNull(payload, "payload");
    requireNonNull(errorCorrection, "errorCorrection");
    requireNonNull(version, "version");
  }

  public int sizeDots() {
    return modules * magnification;
  }
}
