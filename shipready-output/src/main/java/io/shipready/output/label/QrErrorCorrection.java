package io.shipready.output.label;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** How much of a QR code may be damaged and still read: about 7, 15, 25 or 30 percent. */
public enum QrErrorCorrection {
  L(ErrorCorrectionLevel.L),
  M(ErrorCorrectionLevel.M),
  Q(ErrorCorrectionLevel.Q),
  H(ErrorCorrectionLevel.H);

  private final ErrorCorrectionLevel zxing;

  QrErrorCorrection(ErrorCorrectionLevel zxing) {
    this.zxing = zxing;
  }

  ErrorCorrectionLevel zxing() {
    return zxing;
  }
}
