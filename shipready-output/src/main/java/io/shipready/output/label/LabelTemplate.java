package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * A label layout read from a JSON template (see {@link TemplateKeys} for every key). Positions are
 * dots at {@code printer.dpi()}; {@link LabelLayout} places them for a printer's resolution.
 *
 * @param source the template's file name, used in every message about it
 * @param texts the text blocks in print order: aId, dId, pn, fcc, then the named blocks
 */
public record LabelTemplate(
    String source,
    String description,
    LabelProfile profile,
    PrinterSettings printer,
    LabelSize size,
    Optional<QrBlock> qr,
    List<TextBlock> texts) {
  public LabelTemplate {
    requireNonNull(source, "source");
    requireNonNull(description, "description");
    requireNonNull(profile, "profile");
    requireNonNull(printer, "printer");
    requireNonNull(size, "size");
    requireNonNull(qr, "qr");
    texts = List.copyOf(texts);
  }

  /**
   * Reads and checks a template file.
   *
   * @throws LabelTemplateException naming every problem found, each with its key and the fix
   */
  public static LabelTemplate read(Path file) {
    return TemplateReader.read(file);
  }

  /**
   * Reads and checks a template held in memory.
   *
   * @param source the name messages use for it, e.g. "module-label.json"
   */
  public static LabelTemplate parse(String json, String source) {
    return TemplateReader.parse(json, source);
  }

  /** The unit fields the label prints, in order of first use. */
  public List<String> fields() {
    LinkedHashSet<String> fields = new LinkedHashSet<>();
    qr.ifPresent(block -> fields.addAll(block.payload().fields()));
    texts.forEach(block -> fields.addAll(block.value().fields()));
    return List.copyOf(fields);
  }
}
