package io.shipready.output.station;

import static java.util.Objects.requireNonNull;

import io.shipready.core.event.Event;
import io.shipready.core.event.EventListener;
import io.shipready.core.model.PrintedLabel;
import io.shipready.core.model.WrittenRow;
import io.shipready.core.step.StationOutputs;
import io.shipready.output.config.StationConfig;
import io.shipready.output.factoryfile.AferoFactoryFiles;
import io.shipready.output.factoryfile.FactoryFileException;
import io.shipready.output.factoryfile.FactoryFileLayouts;
import io.shipready.output.factoryfile.FactoryFileWriter;
import io.shipready.output.factoryfile.LiveUnitFields;
import io.shipready.output.factoryfile.RowReference;
import io.shipready.output.label.LabelLayout;
import io.shipready.output.label.LabelPrinter;
import io.shipready.output.label.LabelTemplate;
import io.shipready.output.label.Labels;
import io.shipready.output.label.PrinterAddress;
import io.shipready.output.label.QrElement;
import io.shipready.output.label.ZplWriter;
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
 */
public final class ConfiguredOutputs implements StationOutputs, EventListener, AutoCloseable {
  private final StationConfig station;
  private final LabelPrinter printer;
  private final Clock clock;
  private final LiveUnitFields fields = new LiveUnitFields();
  private final AferoFactoryFiles afero;
  private final Map<Path, LabelTemplate> templates = new ConcurrentHashMap<>();
  private final Map<Path, FactoryFileWriter> layouts = new ConcurrentHashMap<>();

  private ConfiguredOutputs(StationConfig station, LabelPrinter printer, Clock clock) {
    this.station = requireNonNull(station, "station");
    this.printer = requireNonNull(printer, "printer");
    this.clock = requireNonNull(clock, "clock");
    this.afero = AferoFactoryFiles.open(station, clock);
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
    Map<String, String> unit = unitFields(runId, with);
    RowReference reference =
        switch (file) {
          case "afero_programming" -> afero.appendProgramming(AferoRows.programming(unit));
          case "afero_wifi_rssi" -> afero.appendWifiRssi(AferoRows.rssi(unit, "wifi_rssi"));
          case "afero_ble_rssi" -> afero.appendBleRssi(AferoRows.rssi(unit, "ble_rssi"));
          default -> layout(file).append(unit);
        };
    return new WrittenRow(reference.fileName(), reference.row(), reference.text());
  }

  private FactoryFileWriter layout(String file) {
    if (!file.endsWith(".yaml") && !file.endsWith(".yml")) {
      throw new FactoryFileException(
          "factory file '"
              + file
              + "' is not one this station writes; use afero_programming, afero_wifi_rssi,"
              + " afero_ble_rssi, or a layout file (.yaml) of the line profile");
    }
    Path path = Path.of(file).toAbsolutePath();
    return layouts.computeIfAbsent(
        path, p -> FactoryFileWriter.open(station, FactoryFileLayouts.read(p), clock));
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
    afero.close();
    layouts.values().forEach(FactoryFileWriter::close);
  }
}
