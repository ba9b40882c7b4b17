package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One unit's label placed at one printer resolution: every position and size in dots at {@code
 * dpi}, every text filled in. {@link ZplWriter} and {@link PngRenderer} both draw from it, so the
 * preview shows what the printer prints.
 *
 * @param hShiftDots the template's h_align_dots at this resolution
 * @param vShiftDots the template's v_align_dots at this resolution
 */
public record LabelLayout(
    String source,
    int dpi,
    int widthDots,
    int heightDots,
    int hShiftDots,
    int vShiftDots,
    OptionalInt darkness,
    OptionalInt printRate,
    int copies,
    Optional<QrElement> qr,
    List<TextElement> texts) {
  private static final Logger LOG = LoggerFactory.getLogger(LabelLayout.class);

  /** ZPL's ^LT moves a label up by at most this many dots. */
  static final int MAX_LIFT_DOTS = 120;

  public LabelLayout {
    requireNonNull(source, "source");
    requireNonNull(darkness, "darkness");
    requireNonNull(printRate, "printRate");
    requireNonNull(qr, "qr");
    texts = List.copyOf(texts);
  }

  /**
   * Fills the template in for a unit and places it for a printer.
   *
   * @param fields the unit's fields by name, e.g. device_id → 0123456789ABCDEF
   * @param dpi the printer's resolution: 203, 300 or 600 (200 is read as 203)
   * @throws LabelFieldException when the unit lacks a field the label prints, or a value breaks the
   *     profile's rules or ZPL
   * @throws LabelTemplateException when the filled-in label does not fit
   */
  public static LabelLayout of(LabelTemplate template, Map<String, String> fields, int dpi) {
    requireNonNull(template, "template");
    requireNonNull(fields, "fields");
    int target = Dpi.checkRender(dpi);
    Map<String, String> values = values(template, fields);
    Scale scale = new Scale(template.printer().dpi(), target);
    int width = template.size().widthDots(target);
    int height = template.size().heightDots(target);
    Optional<QrElement> qr = template.qr().map(block -> qr(template, block, values, scale));
    qr.ifPresent(element -> checkFits(template, element, width, height, target));
    List<TextElement> texts = new ArrayList<>();
    for (TextBlock block : template.texts()) {
      texts.addAll(lines(template, block, values, scale));
    }
    PrinterSettings printer = template.printer();
    int vShift = scale.dots(printer.vAlignDots());
    if (vShift < -MAX_LIFT_DOTS) {
      LOG.warn(
          "{}: printer.v_align_dots {} is {} dots at {} dpi; ZPL lifts a label by at most {}",
          template.source(),
          printer.vAlignDots(),
          vShift,
          target,
          MAX_LIFT_DOTS);
      vShift = -MAX_LIFT_DOTS;
    }
    return new LabelLayout(
        template.source(),
        target,
        width,
        height,
        scale.dots(printer.hAlignDots()),
        vShift,
        printer.darkness(),
        printer.printRate(),
        printer.copies(),
        qr,
        texts);
  }

  /** The printed form of every field the template uses, checked. */
  private static Map<String, String> values(LabelTemplate template, Map<String, String> fields) {
    Map<String, List<String>> usedBy = new LinkedHashMap<>();
    template.qr().ifPresent(qr -> qr.payload().fields().forEach(f -> use(usedBy, f, "qr.payload")));
    for (TextBlock text : template.texts()) {
      text.value().fields().forEach(f -> use(usedBy, f, text.key()));
    }
    List<String> missing = new ArrayList<>();
    for (String field : usedBy.keySet()) {
      String value = fields.get(field);
      if (value == null || value.isBlank()) {
        missing.add(field);
      }
    }
    if (!missing.isEmpty()) {
      throw missing(template, fields, usedBy, missing);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : usedBy.keySet()) {
      String value;
      try {
        value = template.profile().prepare(field, fields.get(field));
      } catch (LabelFieldException bad) {
        throw new LabelFieldException(field, template.source() + ": " + bad.getMessage());
      }
      boolean inQr = usedBy.get(field).contains("qr.payload");
      Optional<String> why = inQr ? ZplText.qrProblem(value) : ZplText.problem(value);
      if (why.isPresent()) {
        throw new LabelFieldException(
            field,
            template.source()
                + ": the unit's "
                + field
                + " '"
                + value
                + "' contains "
                + why.get()
                + ", so the label cannot print it; correct the unit's "
                + field);
      }
      values.put(field, value);
    }
    return values;
  }

  private static void use(Map<String, List<String>> usedBy, String field, String key) {
    List<String> keys = usedBy.computeIfAbsent(field, f -> new ArrayList<>());
    if (!keys.contains(key)) {
      keys.add(key);
    }
  }

  private static LabelFieldException missing(
      LabelTemplate template,
      Map<String, String> fields,
      Map<String, List<String>> usedBy,
      List<String> missing) {
    StringBuilder message = new StringBuilder(template.source()).append(": the label needs ");
    for (int i = 0; i < missing.size(); i++) {
      String field = missing.get(i);
      if (i > 0) {
        message.append(i == missing.size() - 1 ? " and " : ", ");
      }
      message
          .append("the unit's ")
          .append(field)
          .append(" (for ")
          .append(String.join(", ", usedBy.get(field)))
          .append(")");
    }
    TreeSet<String> has = new TreeSet<>();
    fields.forEach(
        (name, value) -> {
          if (value != null && !value.isBlank()) {
            has.add(name);
          }
        });
    message
        .append(", which it lacks")
        .append("; the unit has ")
        .append(has.isEmpty() ? "no fields" : String.join(", ", has))
        .append(". Give the unit ")
        .append(String.join(" and ", missing))
        .append(" before printing its label");
    return new LabelFieldException(missing.get(0), message.toString());
  }

  private static QrElement qr(
      LabelTemplate template, QrBlock block, Map<String, String> values, Scale scale) {
    String payload = block.payload().render(values::get);
    OptionalInt version = template.profile().qrVersion();
    int modules = QrSymbol.encode(payload, block.errorCorrection(), version).getWidth();
    // Rounded down: a code that grew past the space the template gave it would run into the
    // text laid out beside it.
    int magnification = Dpi.scaleDown(block.magnification(), scale.from, scale.to);
    if (magnification > TemplateKeys.MAGNIFICATION_MAX || magnification < 1) {
      int clamped = Math.max(1, Math.min(TemplateKeys.MAGNIFICATION_MAX, magnification));
      LOG.warn(
          "{}: qr.magnification {} at {} dpi would be {} at {} dpi; ZPL allows 1 to {}, so {}",
          template.source(),
          block.magnification(),
          scale.from,
          magnification,
          scale.to,
          TemplateKeys.MAGNIFICATION_MAX,
          clamped);
      magnification = clamped;
    }
    return new QrElement(
        "qr",
        payload,
        block.errorCorrection(),
        scale.dots(block.x()),
        scale.dots(block.y()),
        magnification,
        version,
        modules);
  }

  private static void checkFits(
      LabelTemplate template, QrElement qr, int width, int height, int dpi) {
    boolean across = qr.x() + qr.sizeDots() > width;
    boolean down = qr.y() + qr.sizeDots() > height;
    if (!across && !down) {
      return;
    }
    throw new LabelTemplateException(
        template.source(),
        "qr does not fit on the label at "
            + dpi
            + " dpi: the code is "
            + qr.modules()
            + " modules × "
            + qr.magnification()
            + " = "
            + qr.sizeDots()
            + " dots square at ("
            + qr.x()
            + ", "
            + qr.y()
            + ") on a label of "
            + width
            + " × "
            + height
            + " dots; lower qr.magnification or move qr."
            + (across ? "x_coord" : "y_coord"));
  }

  private static List<TextElement> lines(
      LabelTemplate template, TextBlock block, Map<String, String> values, Scale scale) {
    String text =
        block
            .value()
            .render(
                field -> Chunking.group(values.get(field), block.chunk(), block.groupsPerLine()));
    String[] lines = text.split("\n", -1);
    int templateHeight = template.size().heightDots(template.printer().dpi());
    List<TextElement> elements = new ArrayList<>(lines.length);
    for (int i = 0; i < lines.length; i++) {
      int top = block.y() + i * block.lineSpacing();
      if (top >= templateHeight) {
        throw new LabelTemplateException(
            template.source(),
            block.key()
                + " line "
                + (i + 1)
                + " ('"
                + lines[i]
                + "') would start at y "
                + top
                + ", past the label's bottom edge ("
                + templateHeight
                + " dots); raise "
                + block.key()
                + ".y, or lower its line_spacing or groups_per_line");
      }
      elements.add(
          new TextElement(
              block.key(),
              lines[i],
              scale.dots(block.x()),
              scale.dots(top),
              Math.max(TemplateKeys.FONT_MIN, scale.dots(block.font())),
              Math.max(TemplateKeys.FONT_MIN, scale.dots(block.fontWidth()))));
    }
    return elements;
  }

  private record Scale(int from, int to) {
    int dots(int templateDots) {
      return Dpi.scale(templateDots, from, to);
    }
  }
}
