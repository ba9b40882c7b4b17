package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * A printer's test page, rendered by the same template machinery as every label: a QR code of the
 * printer's address, the address, the resolution and the time, on a 2.0 x 1.0 in label. Printed
 * through a printer address, it shows that the address reaches the printer, that the printer takes
 * raw ZPL and how it prints at its resolution, before a station's first unit.
 */
public final class TestPage {
  private static final String RESOURCE = "test-page.json";
  private static final DateTimeFormatter PRINTED_AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private TestPage() {}

  /** The test page's template, bundled with shipready. */
  public static LabelTemplate template() {
    try (InputStream in = TestPage.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the test page template " + RESOURCE + " is missing");
      }
      return LabelTemplate.parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), "the built-in test page");
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  /**
   * The test page for a printer.
   *
   * @param printer the printer's address as written ({@code tcp://10.0.4.21:9100}, {@code
   *     lp:ZEBRA})
   * @param dpi the printer's resolution: 203, 300 or 600
   */
  public static RenderedLabel render(String printer, int dpi, Instant at) {
    requireNonNull(printer, "printer");
    requireNonNull(at, "at");
    return Labels.render(
        template(),
        Map.of(
            "printer", printer, "dpi", Integer.toString(dpi), "printed_at", PRINTED_AT.format(at)),
        dpi);
  }
}
