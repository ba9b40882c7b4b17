package io.shipready.core.steps;

import io.shipready.core.step.StepContext;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** The bytes an e-fuse step names: {@code text: DE} (ASCII) or {@code hex: "4445"}. */
final class FuseBytes {
  private FuseBytes() {}

  static byte[] of(StepContext context) {
    String text = context.string("text", null);
    String hex = context.string("hex", null);
    if ((text == null) == (hex == null)) {
      throw new IllegalArgumentException(
          "step " + context.spec().id() + " needs exactly one of text or hex");
    }
    return text != null
        ? text.getBytes(StandardCharsets.US_ASCII)
        : HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().withUpperCase().formatHex(bytes);
  }
}
