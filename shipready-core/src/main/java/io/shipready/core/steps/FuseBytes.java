package io.shipready.core.steps;

import io.shipready.core.step.StepContext;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The bytes an e-fuse step names: {@code text: DE} (ASCII), {@code hex: "4445"}, or {@code
 * text_from: station.extra.regionCode} (the ASCII text of a station configuration field, so one
 * recipe serves stations that burn different values).
 */
final class FuseBytes {
  private FuseBytes() {}

  static byte[] of(StepContext context) {
    String text = context.string("text", null);
    String hex = context.string("hex", null);
    String from = context.string("text_from", null);
    if ((text != null ? 1 : 0) + (hex != null ? 1 : 0) + (from != null ? 1 : 0) != 1) {
      throw new IllegalArgumentException(
          "step " + context.spec().id() + " needs exactly one of text, hex or text_from");
    }
    if (from != null) {
      text =
          context
              .outputs()
              .stationField(from)
              .filter(value -> !value.isBlank())
              .orElseThrow(
                  () ->
                      new io.shipready.core.ShipreadyException(
                          "step "
                              + context.spec().id()
                              + " burns "
                              + from
                              + ", which the station configuration does not set; add it to"
                              + " station-config.yaml (for station.extra.regionCode: regionCode"
                              + " under extra:)"));
    }
    return text != null
        ? text.getBytes(StandardCharsets.US_ASCII)
        : HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().withUpperCase().formatHex(bytes);
  }
}
