package io.shipready.output.station;

import static java.util.Objects.requireNonNull;

import io.shipready.core.event.Event;
import io.shipready.core.model.PrintedLabel;
import io.shipready.core.model.WrittenRow;
import io.shipready.core.spi.EventListener;
import io.shipready.core.spi.StationOutputs;
import io.shipready.output.config.StationConfig;
import io.shipready.output.factoryfile.FactoryFileKinds;
import io.shipready.output.factoryfile.LiveUnitFields;
import io.shipready.output.factoryfile.RowReference;
import io.shipready.output.label.LabelLayout;
import io.shipready.output.label.LabelPrinter;
import io.shipready.output.label.LabelTemplate;
import io.shipready.output.label.Labels;
import io.shipready.output.label.PrinterAddress;
import io.shipready.output.label.QrElement;
import io.shipready.output.label.ZplWriter;
import io.shipready.output.spi.FactoryFileKind;
import io.shipready.output.spi.FactoryRows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A configured station's printer and factory files, for the label and factory_row steps. It listens
 * to the station's events to know each run's fields (identifiers, images, measurements,
 * attributes); subscribe it to the station's event stream before the first unit.
 *
 * <p>The factory files are those of every registered {@link FactoryFileKind} ({@link
 * FactoryFileKinds}), all opened with the outputs so a configuration that cannot name a file stops
 * the station before its first unit; a step's {@code file:} picks the kind by name.
 */
public final class ConfiguredOutputs implements StationOutputs, EventListener, AutoCloseable {
  private final StationConfig station;
  private final LabelPrinter printer;
  private final LiveUnitFields fields = new LiveUnitFields();
  private final Map<Path, LabelTemplate> templates = new ConcurrentHashMap<>();
  private final Map<FactoryFileKind, FactoryRows> factoryFiles = new LinkedHashMap<>();

  private ConfiguredOutputs(StationConfig station, LabelPrinter printer, Clock clock) {
    this.station = requireNonNull(station, "station");
    this.printer = requireNonNull(printer, "printer");
    requireNonNull(clock, "clock");
    try {
      for (FactoryFileKind kind : FactoryFileKinds.all()) {
        factoryFiles.put(kind, kind.open(station, clock));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * @param configFolder where the configuration file is: a relative printer folder starts there
   */
  public static ConfiguredOutputs open(StationConfig station, Path configFolder, Clock clock) {
    LabelPrinter printer =
        PrinterAddress.open(station.printer(), configFolder, station.outputFolder());
    return new ConfiguredOutputs(station, printer, clock);
  }

  /** With a printer of the caller's (a test's socket, a folder). */
  public static ConfiguredOutputs open(StationConfig station, LabelPrinter printer, Clock clock) {
    return new ConfiguredOutputs(station, printer, clock);
  }

  @Override
  public java.util.Optional<String> stationField(String name) {
    return java.util.Optional.ofNullable(
        io.shipready.output.factoryfile.FactoryFileWriter.stationFields(station).get(name));
  }

  public String printerName() {
    return printer.name();
  }

  @Override
  public void on(Event event) {
    fields.on(event);
  }

  @Override
  public PrintedLabel printLabel(
      String runId, Path template, int copies, Map<String, String> with) {
    LabelTemplate read = templates.computeIfAbsent(template.toAbsolutePath(), LabelTemplate::read);
    Map<String, String> unit = unitFields(runId, with);
    LabelLayout layout = Labels.layout(read, unit, read.printer().dpi(), copies);
    String zpl = ZplWriter.write(layout);
    printer.print(zpl, jobName(unit, runId));
    String payload = layout.qr().map(QrElement::payload).orElse("");
    return new PrintedLabel(
        template.getFileName().toString(), printer.name(), layout.copies(), payload, sha256(zpl));
  }

  @Override
  public WrittenRow appendRow(String runId, String file, Map<String, String> with) {
    FactoryRows rows = factoryFiles.get(FactoryFileKinds.of(file));
    RowReference reference = rows.append(file, unitFields(runId, with));
    return new WrittenRow(reference.fileName(), reference.row(), reference.text());
  }

  /** The run's fields, then the recipe's values, then the station's identity. */
  private Map<String, String> unitFields(String runId, Map<String, String> with) {
    Map<String, String> unit = new LinkedHashMap<>(fields.of(runId));
    unit.putAll(with);
    unit.putIfAbsent("pn", station.identity().partNo());
    unit.putIfAbsent("part_no", station.identity().partNo());
    unit.putIfAbsent("part_number", station.identity().partNo());
    unit.putIfAbsent("hw_version", station.identity().hwVersion());
    return unit;
  }

  private static String jobName(Map<String, String> unit, String runId) {
    for (String kind : new String[] {"serial", "device_id", "association_id"}) {
      String value = unit.get(kind);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return runId;
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  @Override
  public void close() {
    factoryFiles.values().forEach(FactoryRows::close);
  }
}
