package io.shipready.output.label;

import static io.shipready.output.label.TemplateKeys.ALIGN_MAX;
import static io.shipready.output.label.TemplateKeys.ALIGN_MIN;
import static io.shipready.output.label.TemplateKeys.A_ID;
import static io.shipready.output.label.TemplateKeys.CHUNKING;
import static io.shipready.output.label.TemplateKeys.CHUNK_MAX;
import static io.shipready.output.label.TemplateKeys.CHUNK_MIN;
import static io.shipready.output.label.TemplateKeys.CHUNK_TRUE;
import static io.shipready.output.label.TemplateKeys.COPIES;
import static io.shipready.output.label.TemplateKeys.COPIES_DEFAULT;
import static io.shipready.output.label.TemplateKeys.COPIES_MAX;
import static io.shipready.output.label.TemplateKeys.COPIES_MIN;
import static io.shipready.output.label.TemplateKeys.DARKNESS_MAX;
import static io.shipready.output.label.TemplateKeys.DARKNESS_MIN;
import static io.shipready.output.label.TemplateKeys.DESCRIPTION;
import static io.shipready.output.label.TemplateKeys.D_ID;
import static io.shipready.output.label.TemplateKeys.ERROR_CORRECTION;
import static io.shipready.output.label.TemplateKeys.ERROR_CORRECTION_DEFAULT;
import static io.shipready.output.label.TemplateKeys.FCC;
import static io.shipready.output.label.TemplateKeys.FONT;
import static io.shipready.output.label.TemplateKeys.FONT_DEFAULT;
import static io.shipready.output.label.TemplateKeys.FONT_MAX;
import static io.shipready.output.label.TemplateKeys.FONT_MIN;
import static io.shipready.output.label.TemplateKeys.FONT_WIDTH;
import static io.shipready.output.label.TemplateKeys.GROUPS_PER_LINE;
import static io.shipready.output.label.TemplateKeys.GROUPS_PER_LINE_MAX;
import static io.shipready.output.label.TemplateKeys.GROUPS_PER_LINE_MIN;
import static io.shipready.output.label.TemplateKeys.HEIGHT_INCHES;
import static io.shipready.output.label.TemplateKeys.HEIGHT_INCHES_MAX;
import static io.shipready.output.label.TemplateKeys.HEIGHT_INCHES_MIN;
import static io.shipready.output.label.TemplateKeys.HEIGHT_MM;
import static io.shipready.output.label.TemplateKeys.HEIGHT_MM_MAX;
import static io.shipready.output.label.TemplateKeys.HEIGHT_MM_MIN;
import static io.shipready.output.label.TemplateKeys.H_ALIGN_DOTS;
import static io.shipready.output.label.TemplateKeys.LABEL;
import static io.shipready.output.label.TemplateKeys.LABEL_KEYS;
import static io.shipready.output.label.TemplateKeys.LINE_SPACING;
import static io.shipready.output.label.TemplateKeys.LINE_SPACING_MAX;
import static io.shipready.output.label.TemplateKeys.LINE_SPACING_MIN;
import static io.shipready.output.label.TemplateKeys.MAGNIFICATION;
import static io.shipready.output.label.TemplateKeys.MAGNIFICATION_DEFAULT;
import static io.shipready.output.label.TemplateKeys.MAGNIFICATION_MAX;
import static io.shipready.output.label.TemplateKeys.MAGNIFICATION_MIN;
import static io.shipready.output.label.TemplateKeys.PAYLOAD;
import static io.shipready.output.label.TemplateKeys.PN;
import static io.shipready.output.label.TemplateKeys.PRINTER;
import static io.shipready.output.label.TemplateKeys.PRINTER_DPI;
import static io.shipready.output.label.TemplateKeys.PRINTER_KEYS;
import static io.shipready.output.label.TemplateKeys.PRINT_DARKNESS;
import static io.shipready.output.label.TemplateKeys.PRINT_RATE;
import static io.shipready.output.label.TemplateKeys.PROFILE;
import static io.shipready.output.label.TemplateKeys.QR;
import static io.shipready.output.label.TemplateKeys.QR_KEYS;
import static io.shipready.output.label.TemplateKeys.RATE_MAX;
import static io.shipready.output.label.TemplateKeys.RATE_MIN;
import static io.shipready.output.label.TemplateKeys.TEXT;
import static io.shipready.output.label.TemplateKeys.TEXT_KEYS;
import static io.shipready.output.label.TemplateKeys.TOP;
import static io.shipready.output.label.TemplateKeys.VALUE;
import static io.shipready.output.label.TemplateKeys.V_ALIGN_DOTS;
import static io.shipready.output.label.TemplateKeys.WIDTH_INCHES;
import static io.shipready.output.label.TemplateKeys.WIDTH_INCHES_MAX;
import static io.shipready.output.label.TemplateKeys.WIDTH_INCHES_MIN;
import static io.shipready.output.label.TemplateKeys.WIDTH_MM;
import static io.shipready.output.label.TemplateKeys.WIDTH_MM_MAX;
import static io.shipready.output.label.TemplateKeys.WIDTH_MM_MIN;
import static io.shipready.output.label.TemplateKeys.X;
import static io.shipready.output.label.TemplateKeys.X_COORD;
import static io.shipready.output.label.TemplateKeys.Y;
import static io.shipready.output.label.TemplateKeys.Y_COORD;
import static io.shipready.output.label.TemplateKeys.defaultLineSpacing;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Reads a JSON label template and checks every key (see {@link TemplateKeys}). */
final class TemplateReader {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** Positions before the label's size is known to be valid are only checked against this. */
  private static final int ZPL_MAX_DOTS = 32000;

  private final String source;
  private final List<String> problems = new ArrayList<>();

  /** Set when the profile is misspelt, so that its rules are not held against the template. */
  private boolean profileUnknown;

  private TemplateReader(String source) {
    this.source = source;
  }

  static LabelTemplate read(Path file) {
    requireNonNull(file, "file");
    String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    String json;
    try {
      byte[] bytes = Files.readAllBytes(file);
      json = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException missing) {
      throw new LabelTemplateException(
          source, "does not exist (looked for " + file.toAbsolutePath() + "); check the path");
    } catch (CharacterCodingException notUtf8) {
      throw new LabelTemplateException(source, "is not UTF-8 text; save it as UTF-8 JSON");
    } catch (IOException unreadable) {
      throw new LabelTemplateException(
          source, "cannot be read (" + unreadable.getMessage() + "); check its permissions");
    }
    return parse(json, source);
  }

  static LabelTemplate parse(String json, String source) {
    requireNonNull(json, "json");
    requireNonNull(source, "source");
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException bad) {
      JsonLocation at = bad.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new LabelTemplateException(
          source,
          "is not valid JSON" + where + ": " + bad.getOriginalMessage() + "; fix the JSON syntax");
    }
    if (root == null || root.isMissingNode()) {
      throw new LabelTemplateException(
          source, "is empty; write a label template: {\"printer\": {...}, \"label\": {...}, ...}");
    }
    if (!root.isObject()) {
      throw new LabelTemplateException(
          source, "holds " + JsonSection.shown(root) + "; a label template is a JSON object {...}");
    }
    return new TemplateReader(source).template(root);
  }

  private LabelTemplate template(JsonNode root) {
    JsonSection top = new JsonSection(root, "", problems);
    top.refuseUnknown(TOP);
    LabelProfile profile = profile(top);
    String description = top.text(DESCRIPTION, "\"Module label\"").orElse("");

    Optional<JsonSection> printerSection = top.section(PRINTER, "{\"printer_dpi\": 300}");
    if (printerSection.isEmpty() && !top.has(PRINTER)) {
      top.problem("printer is missing; add \"printer\": {\"printer_dpi\": 300} at least");
    }
    Optional<PrinterSettings> printer = printerSection.flatMap(this::printer);

    Optional<JsonSection> labelSection =
        top.section(LABEL, "{\"width_inches\": 1.0, \"height_inches\": 0.5}");
    if (labelSection.isEmpty() && !top.has(LABEL)) {
      top.problem(
          "label is missing; add \"label\": {\"width_inches\": 1.0, \"height_inches\": 0.5}"
              + " (or width_mm and height_mm)");
    }
    Optional<LabelSize> size = labelSection.flatMap(this::size);

    Bounds bounds = new Bounds(printer, size);
    Optional<QrBlock> qr =
        top.section(QR, "{\"x_coord\": 10, \"y_coord\": 10}").map(s -> qr(s, profile, bounds));

    List<TextBlock> texts = new ArrayList<>();
    top.section(A_ID, "{\"x\": 150, \"y\": 20}")
        .map(s -> text(s, Optional.of("{association_id}"), CHUNK_TRUE, bounds))
        .ifPresent(texts::add);
    top.section(D_ID, "{\"x\": 150, \"y\": 80}")
        .map(s -> text(s, Optional.of("{device_id}"), CHUNK_TRUE, bounds))
        .ifPresent(texts::add);
    top.section(PN, "{\"value\": \"PN {part_number}\", \"x\": 10, \"y\": 10}")
        .map(s -> text(s, Optional.empty(), 0, bounds))
        .ifPresent(texts::add);
    top.section(FCC, "{\"value\": \"FCC ID: {fcc_id}\", \"x\": 10, \"y\": 10}")
        .map(s -> text(s, Optional.empty(), 0, bounds))
        .ifPresent(texts::add);
    top.section(TEXT, "{\"serial\": {\"value\": \"{serial}\", \"x\": 10, \"y\": 10}}")
        .ifPresent(named -> namedTexts(named, bounds, texts));

    if (qr.isEmpty() && texts.isEmpty() && !top.has(QR)) {
      top.problem("prints nothing; add a qr block or a text block (aId, dId, pn, fcc or text)");
    }
    if (!problems.isEmpty()) {
      throw new LabelTemplateException(source, problems);
    }
    return new LabelTemplate(
        source, description, profile, printer.orElseThrow(), size.orElseThrow(), qr, texts);
  }

  private LabelProfile profile(JsonSection top) {
    List<String> names = Arrays.stream(LabelProfile.values()).map(LabelProfile::key).toList();
    return top.text(PROFILE, "\"afero\"")
        .map(
            name ->
                LabelProfile.byKey(name)
                    .orElseGet(
                        () -> {
                          top.problem(
                              "profile is \""
                                  + name
                                  + "\"; "
                                  + Nearest.to(name, names)
                                      .map(near -> "did you mean " + near + "? ")
                                      .orElse("")
                                  + "use "
                                  + JsonSection.orList(names));
                          profileUnknown = true;
                          return LabelProfile.GENERIC;
                        }))
        .orElse(LabelProfile.GENERIC);
  }

  private Optional<PrinterSettings> printer(JsonSection printer) {
    printer.refuseUnknown(PRINTER_KEYS);
    OptionalInt dpi =
        printer.oneOf(PRINTER_DPI, Dpi.TEMPLATE, "the resolution the label is laid out for");
    OptionalInt h = printer.integer(H_ALIGN_DOTS, ALIGN_MIN, ALIGN_MAX, "");
    OptionalInt v = printer.integer(V_ALIGN_DOTS, ALIGN_MIN, ALIGN_MAX, "");
    OptionalInt darkness = printer.integer(PRINT_DARKNESS, DARKNESS_MIN, DARKNESS_MAX, "");
    OptionalInt rate = printer.integer(PRINT_RATE, RATE_MIN, RATE_MAX, "");
    OptionalInt copies = printer.integer(COPIES, COPIES_MIN, COPIES_MAX, "");
    if (dpi.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new PrinterSettings(
            dpi.getAsInt(),
            h.orElse(0),
            v.orElse(0),
            darkness,
            rate,
            copies.orElse(COPIES_DEFAULT)));
  }

  private Optional<LabelSize> size(JsonSection label) {
    label.refuseUnknown(LABEL_KEYS);
    boolean inches = label.has(WIDTH_INCHES) || label.has(HEIGHT_INCHES);
    boolean mm = label.has(WIDTH_MM) || label.has(HEIGHT_MM);
    if (inches && mm) {
      label.problem(
          "label mixes inches and millimetres; give width_inches and height_inches, or width_mm"
              + " and height_mm");
      return Optional.empty();
    }
    if (mm) {
      OptionalDouble width = requiredDecimal(label, WIDTH_MM, WIDTH_MM_MIN, WIDTH_MM_MAX, "width");
      OptionalDouble height =
          requiredDecimal(label, HEIGHT_MM, HEIGHT_MM_MIN, HEIGHT_MM_MAX, "height");
      return width.isPresent() && height.isPresent()
          ? Optional.of(LabelSize.millimetres(width.getAsDouble(), height.getAsDouble()))
          : Optional.empty();
    }
    OptionalDouble width =
        requiredDecimal(label, WIDTH_INCHES, WIDTH_INCHES_MIN, WIDTH_INCHES_MAX, "width");
    OptionalDouble height =
        requiredDecimal(label, HEIGHT_INCHES, HEIGHT_INCHES_MIN, HEIGHT_INCHES_MAX, "height");
    return width.isPresent() && height.isPresent()
        ? Optional.of(new LabelSize(width.getAsDouble(), height.getAsDouble()))
        : Optional.empty();
  }

  private static OptionalDouble requiredDecimal(
      JsonSection label, String key, double min, double max, String what) {
    if (!label.has(key)) {
      label.problem(
          label.key(key)
              + " is missing; write the label's "
              + what
              + " in inches ("
              + what
              + "_inches) or millimetres ("
              + what
              + "_mm)");
      return OptionalDouble.empty();
    }
    return label.decimal(key, min, max);
  }

  private QrBlock qr(JsonSection qr, LabelProfile profile, Bounds bounds) {
    qr.refuseUnknown(QR_KEYS);
    int magnification =
        qr.integer(MAGNIFICATION, MAGNIFICATION_MIN, MAGNIFICATION_MAX, "")
            .orElse(MAGNIFICATION_DEFAULT);
    int x = bounds.x(qr, X_COORD);
    int y = bounds.y(qr, Y_COORD);
    QrErrorCorrection correction = errorCorrection(qr, profile);
    ValueTemplate payload = payload(qr, profile);
    return new QrBlock(payload, correction, magnification, x, y);
  }

  private static QrErrorCorrection errorCorrection(JsonSection qr, LabelProfile profile) {
    Optional<String> written = qr.text(ERROR_CORRECTION, "\"Q\"");
    QrErrorCorrection correction = ERROR_CORRECTION_DEFAULT;
    if (written.isPresent()) {
      try {
        correction = QrErrorCorrection.valueOf(written.get());
      } catch (IllegalArgumentException unknown) {
        qr.problem(qr.key(ERROR_CORRECTION) + " is \"" + written.get() + "\"; use L, M, Q or H");
        return ERROR_CORRECTION_DEFAULT;
      }
    }
    Optional<QrErrorCorrection> required = profile.requiredErrorCorrection();
    if (required.isPresent() && required.get() != correction) {
      qr.problem(
          qr.key(ERROR_CORRECTION)
              + " is \""
              + correction
              + "\"; the "
              + profile.key()
              + " profile's QR codes use "
              + required.get()
              + "; write \""
              + required.get()
              + "\" or leave the key out");
    }
    return correction;
  }

  private ValueTemplate payload(JsonSection qr, LabelProfile profile) {
    Optional<ValueTemplate> fixed = profile.defaultPayload();
    Optional<String> written = qr.text(PAYLOAD, "\"{serial}\"");
    if (written.isEmpty()) {
      if (fixed.isEmpty() && !qr.has(PAYLOAD) && !profileUnknown) {
        qr.problem(
            qr.key(PAYLOAD)
                + " is missing; write what the QR code holds, e.g. \"{serial}\" (a unit field in"
                + " braces)");
      }
      return fixed.orElse(ValueTemplate.parse(""));
    }
    Optional<ValueTemplate> parsed = template(qr, PAYLOAD, written.get());
    if (parsed.isEmpty()) {
      return ValueTemplate.parse("");
    }
    if (fixed.isPresent() && !fixed.get().equals(parsed.get())) {
      qr.problem(
          qr.key(PAYLOAD)
              + " is \""
              + written.get()
              + "\"; the "
              + profile.key()
              + " profile's QR payload is always \""
              + fixed.get().text()
              + "\"; write that or leave the key out");
    }
    ZplText.qrProblem(parsed.get().literals())
        .ifPresent(why -> qr.problem(qr.key(PAYLOAD) + " contains " + why + "; remove it"));
    return parsed.get();
  }

  private static Optional<ValueTemplate> template(JsonSection section, String key, String text) {
    if (text.isBlank()) {
      section.problem(
          section.key(key) + " is empty; write the text, with unit fields in braces: {serial}");
      return Optional.empty();
    }
    try {
      return Optional.of(ValueTemplate.parse(text));
    } catch (IllegalArgumentException bad) {
      section.problem(section.key(key) + " \"" + text + "\" " + bad.getMessage());
      return Optional.empty();
    }
  }

  private void namedTexts(JsonSection named, Bounds bounds, List<TextBlock> texts) {
    for (Map.Entry<String, JsonNode> entry : named.entries()) {
      String name = entry.getKey();
      if (name.isBlank()) {
        named.problem(named.path() + " has a block with an empty name; name it, e.g. \"serial\"");
        continue;
      }
      named
          .section(name, "{\"value\": \"{serial}\", \"x\": 10, \"y\": 10}")
          .map(s -> text(s, Optional.empty(), 0, bounds))
          .ifPresent(texts::add);
    }
  }

  private TextBlock text(
      JsonSection text, Optional<String> defaultValue, int defaultChunk, Bounds bounds) {
    text.refuseUnknown(TEXT_KEYS);
    Optional<String> written = text.text(VALUE, "\"SN {serial}\"");
    if (written.isEmpty() && defaultValue.isEmpty() && !text.has(VALUE)) {
      text.problem(
          text.key(VALUE) + " is missing; write the text to print, e.g. \"PN {part_number}\"");
    }
    ValueTemplate value =
        written
            .or(() -> defaultValue)
            .flatMap(t -> template(text, VALUE, t))
            .orElse(ValueTemplate.parse(""));
    String literals = value.literals();
    ZplText.problem(literals)
        .ifPresent(why -> text.problem(text.key(VALUE) + " contains " + why + "; remove it"));
    if (literals.contains("CHANGE_ME")) {
      text.problem(
          text.key(VALUE) + " still says CHANGE_ME; write the text this product's label carries");
    }
    int font = text.integer(FONT, FONT_MIN, FONT_MAX, "").orElse(FONT_DEFAULT);
    int fontWidth = text.integer(FONT_WIDTH, FONT_MIN, FONT_MAX, "").orElse(font);
    int x = bounds.x(text, X);
    int y = bounds.y(text, Y);
    int chunk = chunking(text, defaultChunk);
    OptionalInt groups =
        text.integer(GROUPS_PER_LINE, GROUPS_PER_LINE_MIN, GROUPS_PER_LINE_MAX, "");
    if (groups.isPresent() && chunk == 0) {
      text.problem(
          text.key(GROUPS_PER_LINE) + " needs chunking; add \"chunking\": true or remove it");
    }
    int spacing =
        text.integer(LINE_SPACING, LINE_SPACING_MIN, LINE_SPACING_MAX, "")
            .orElse(defaultLineSpacing(font));
    return new TextBlock(
        text.path(), value, font, fontWidth, x, y, chunk, groups.orElse(0), spacing);
  }

  private static int chunking(JsonSection text, int defaultChunk) {
    Optional<JsonNode> value = text.value(CHUNKING);
    if (value.isEmpty()) {
      return defaultChunk;
    }
    JsonNode chunking = value.get();
    if (chunking.isBoolean()) {
      return chunking.booleanValue() ? CHUNK_TRUE : 0;
    }
    if (JsonSection.isWhole(chunking)) {
      int size = chunking.decimalValue().intValue();
      if (size == 0 || (size >= CHUNK_MIN && size <= CHUNK_MAX)) {
        return size;
      }
    }
    // Reported once; the default keeps groups_per_line from adding a second complaint.
    text.problem(
        text.key(CHUNKING)
            + " is "
            + JsonSection.shown(chunking)
            + "; use true (groups of "
            + CHUNK_TRUE
            + "), false, or a group size from "
            + CHUNK_MIN
            + " to "
            + CHUNK_MAX);
    return defaultChunk == 0 ? CHUNK_TRUE : defaultChunk;
  }

  /** The label's extent in dots at the template's dpi, once both are known to be valid. */
  private record Bounds(Optional<PrinterSettings> printer, Optional<LabelSize> size) {
    int x(JsonSection section, String key) {
      return position(section, key, true);
    }

    int y(JsonSection section, String key) {
      return position(section, key, false);
    }

    private int position(JsonSection section, String key, boolean across) {
      if (printer.isEmpty() || size.isEmpty()) {
        return section.requiredInteger(key, 0, ZPL_MAX_DOTS, "", "a position in dots").orElse(0);
      }
      int dpi = printer.get().dpi();
      int extent = across ? size.get().widthDots(dpi) : size.get().heightDots(dpi);
      String note =
          " (the label is "
              + extent
              + " dots "
              + (across ? "wide" : "high")
              + " at "
              + dpi
              + " dpi)";
      String what = "the distance from the label's " + (across ? "left" : "top") + " edge in dots";
      return section.requiredInteger(key, 0, extent - 1, note, what).orElse(0);
    }
  }
}
