package io.shipready.core.steps;

import io.shipready.core.step.StepContext;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The bytes an e-fuse step names: {@code text: DE} (ASCII), {@code hex: "4445"}, or {@code
 * text_from: station.extra.regionCode} (the ASCII text of a station configuration field, so one
 * recipe serves stations that burn different values).
 */
public final class FuseBytes {
  /** The parameter naming the form the text must have. */
  static final String TEXT_PATTERN = "text_pattern";

  private FuseBytes() {}

  /**
   * Why the text to burn does not have the form the step asks for; empty when it has. A station
   * field is checked before the first unit as well as here, since e-fuses cannot be burnt again.
   */
  public static java.util.Optional<String> refusal(
      String stepId, String source, String text, String pattern) {
    if (pattern == null || text.matches(pattern)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        "step "
            + stepId
            + " would burn '"
            + text
            + "' from "
            + source
            + ", which is not of the form "
            + pattern
            + (source.equals("station.extra.regionCode")
                ? " (two capital ASCII letters such as DE or US; \"00\" leaves the unit on the"
                    + " world set); set regionCode under extra: in station-config.yaml"
                : "; correct it"));
  }

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
    if (text != null) {
      String refused =
          refusal(
                  context.spec().id(),
                  from != null ? from : "its text",
                  text,
                  context.string(TEXT_PATTERN, null))
              .orElse(null);
      if (refused != null) {
        throw new io.shipready.core.ShipreadyException(refused);
      }
    }
    return text != null
        ? text.getBytes(StandardCharsets.US_ASCII)
        : HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().withUpperCase().formatHex(bytes);
  }
}
