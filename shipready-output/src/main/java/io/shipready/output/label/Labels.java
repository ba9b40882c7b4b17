package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;

/**
 * Renders a unit's label in one call: what {@code shipready label render} and the label step use.
 */
public final class Labels {
  private Labels() {}

  /**
   * Reads the template, fills it in for the unit and renders it for the printer.
   *
   * @param fields the unit's fields by name (serial, device_id, association_id, ...)
   * @param dpi the printer's resolution: 203, 300 or 600
   * @throws LabelTemplateException when the template is wrong
   * @throws LabelFieldException when the unit cannot be labelled with it
   */
  public static RenderedLabel render(Path templateFile, Map<String, String> fields, int dpi) {
    return render(LabelTemplate.read(requireNonNull(templateFile, "templateFile")), fields, dpi);
  }

  /** As {@link #render(Path, Map, int)}, for a template already read (a station reads it once). */
  public static RenderedLabel render(LabelTemplate template, Map<String, String> fields, int dpi) {
    return render(template, fields, dpi, 0);
  }

  /**
   * As {@link #render(LabelTemplate, Map, int)}, printing {@code copies} labels instead of the
   * template's own count (0 keeps the template's).
   */
  public static RenderedLabel render(
      LabelTemplate template, Map<String, String> fields, int dpi, int copies) {
    LabelLayout layout = layout(template, fields, dpi, copies);
    return new RenderedLabel(layout, ZplWriter.write(layout), PngRenderer.render(layout));
  }

  /**
   * The label placed for the printer, without its preview: what a station prints ({@link
   * ZplWriter#write}) when nobody is looking at a picture of it.
   */
  public static LabelLayout layout(
      LabelTemplate template, Map<String, String> fields, int dpi, int copies) {
    LabelLayout layout = LabelLayout.of(template, fields, dpi);
    if (copies > 0 && copies != layout.copies()) {
      layout =
          new LabelLayout(
              layout.source(),
              layout.dpi(),
              layout.widthDots(),
              layout.heightDots(),
              layout.hShiftDots(),
              layout.vShiftDots(),
              layout.darkness(),
              layout.printRate(),
              copies,
              layout.qr(),
              layout.texts());
    }
    return layout;
  }
}
