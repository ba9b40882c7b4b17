package io.shipready.output.label;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;

/** A QR code's modules, one bit each, drawn by ZXing. */
final class QrSymbol {
  private QrSymbol() {}

  /**
   * Encodes the payload without a quiet zone (the label around it is the quiet zone).
   *
   * @param version the version wanted; when the payload does not fit it, the smallest that does
   */
  static BitMatrix encode(String payload, QrErrorCorrection correction, OptionalInt version) {
    if (version.isPresent()) {
      try {
        return encode(payload, correction, version.getAsInt());
      } catch (WriterException tooBig) {
        // Fall through to the smallest version that holds the payload.
      }
    }
    try {
      return encode(payload, correction, 0);
    } catch (WriterException tooBig) {
      throw new LabelException(
          "the QR payload ("
              + payload.length()
              + " characters) does not fit in any QR code at error correction "
              + correction
              + "; shorten the payload or lower qr.error_correction");
    }
  }

  private static BitMatrix encode(String payload, QrErrorCorrection correction, int version)
      throws WriterException {
    Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
    hints.put(EncodeHintType.ERROR_CORRECTION, correction.zxing());
    hints.put(EncodeHintType.MARGIN, 0);
    if (version > 0) {
      hints.put(EncodeHintType.QR_VERSION, version);
    }
    return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, hints);
  }
}
