package io.shipready.output.station;

import static java.util.Objects.requireNonNull;

import io.shipready.core.event.Event;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.PrintedLabel;
import io.shipready.core.model.QueuedRow;
import io.shipready.core.model.WrittenRow;
import io.shipready.core.spi.EventListener;
import io.shipready.core.spi.FactoryRowLedger;
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
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A configured station's printer and factory files, for the label and factory_row steps. It listens
 * to the station's events to know each run's fields (identifiers, images, measurements,
 * attributes); subscribe it to the station's event stream before the first unit.
 *
 * <p>The factory files are those of every registered {@link FactoryFileKind} ({@link
 * FactoryFileKinds}), all opened with the outputs so a configuration that cannot name a file stops
 * the station before its first unit; a step's {@code file:} picks the kind by name.
 *
 * <h2>Rows only for stored passes</h2>
 *
 * A step's row is checked and queued ({@link RowQueue}), not written: once the run's record is
 * stored, the run's rows are written to the day's file if the records ({@link FactoryRowLedger})
 * confirm the run's PASS is committed, and dropped otherwise. A day's file takes one row per unit:
 * when it already has the unit's row of an earlier run (a retest), the later row is held in the
 * records instead, and said so. Rows a stopped station left queued are settled when the ledger is
 * given ({@link #settleWith}), before the first unit. Without a ledger (a station without records)
 * rows follow the run's {@link Event.RunRecorded} alone.
 */
public final class ConfiguredOutputs implements StationOutputs, EventListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConfiguredOutputs.class);
  private final StationConfig station;
  private final LabelPrinter printer;
  private final LiveUnitFields fields = new LiveUnitFields();
  private final Map<Path, LabelTemplate> templates = new ConcurrentHashMap<>();
  private final Map<FactoryFileKind, FactoryRows> factoryFiles = new LinkedHashMap<>();
  private final RowClock rowClock;
  private final RowQueue queue;
  private final Object settling = new Object();
  private volatile FactoryRowLedger ledger;
  private RowsSettled settled = RowsSettled.NONE;

  private ConfiguredOutputs(StationConfig station, LabelPrinter printer, Clock clock) {
    this.station = requireNonNull(station, "station");
    this.printer = requireNonNull(printer, "printer");
    this.rowClock = new RowClock(requireNonNull(clock, "clock"));
    this.queue = new RowQueue(station.outputFolder());
    try {
      for (FactoryFileKind kind : FactoryFileKinds.all()) {
        factoryFiles.put(kind, kind.open(station, rowClock));
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
    if (event instanceof Event.RunRecorded recorded) {
      // Before the run's fields are dropped: its end time dates its rows.
      settleRun(recorded, fields.of(recorded.runId()).get("run.finished"));
    }
    fields.on(event);
  }

  /**
   * From now on asks the records whether a run's PASS is stored, and settles the rows a stopped
   * station left queued: written when their run's PASS is stored, dropped otherwise. Call it before
   * the first unit, after the runs the station left open were closed.
   */
  public RowsSettled settleWith(FactoryRowLedger ledger) {
    this.ledger = requireNonNull(ledger, "ledger");
    RowsSettled result = RowsSettled.NONE;
    queue.discardPartials();
    for (Path entry : queue.all()) {
      result = result.plus(settle(entry, null, null));
    }
    if (!result.isEmpty()) {
      LOG.info(
          "Settled the factory-file rows left queued: {} written, {} held, {} dropped (no stored"
              + " PASS)",
          result.written(),
          result.held(),
          result.dropped());
    }
    return result;
  }

  /** What became of the queued rows so far: written, held, dropped. */
  public RowsSettled rowsSettled() {
    synchronized (settling) {
      return settled;
    }
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
  public QueuedRow queueRow(String runId, String stepId, String file, Map<String, String> with) {
    FactoryRows rows = factoryFiles.get(FactoryFileKinds.of(file));
    Map<String, String> unit = unitFields(runId, with);
    rows.check(file, unit);
    String name = queue.add(new QueuedRowEntry(runId, stepId, file, unit));
    return new QueuedRow(file, RowQueue.FOLDER + "/" + name);
  }

  /**
   * @param finished when the run ended, as its fields say; null when this station did not see it
   */
  private void settleRun(Event.RunRecorded recorded, String finished) {
    if (!recorded.durable() && ledger != null) {
      // The store did not confirm the record in time; it may still commit it. The rows wait for
      // the next start, which asks the store again.
      return;
    }
    for (Path entry : queue.of(recorded.runId())) {
      try {
        settle(entry, recorded, finished);
      } catch (RuntimeException failed) {
        // The row stays queued; the next start settles it.
        LOG.warn("Could not settle queued row {}: {}", entry.getFileName(), failed.getMessage());
      }
    }
  }

  /**
   * Writes, holds or drops one queued row.
   *
   * @param recorded the run's RunRecorded event; null when settling at start
   * @param finished when the run ended, for a station without records; null when not known
   */
  private RowsSettled settle(Path entryFile, Event.RunRecorded recorded, String finished) {
    QueuedRowEntry entry = queue.read(entryFile);
    FactoryRowLedger records = ledger;
    Optional<Instant> passEnded;
    if (records != null) {
      passEnded = records.passEnded(entry.runId());
    } else {
      passEnded =
          recorded != null && recorded.durable() && recorded.outcome() == Outcome.PASS
              ? Optional.of(finished != null ? Instant.parse(finished) : recorded.at())
              : Optional.empty();
    }
    RowsSettled result;
    synchronized (settling) {
      if (passEnded.isEmpty()) {
        LOG.info(
            "Dropped the queued {} row of run {}: the run has no stored PASS",
            entry.file(),
            entry.runId());
        result = new RowsSettled(0, 0, 1, List.of());
      } else {
        result = rowClock.at(passEnded.get(), () -> write(entry, records));
      }
      queue.remove(entryFile);
      settled = settled.plus(result);
    }
    return result;
  }

  private RowsSettled write(QueuedRowEntry entry, FactoryRowLedger records) {
    FactoryRows rows = factoryFiles.get(FactoryFileKinds.of(entry.file()));
    if (records != null) {
      String fileName = rows.fileFor(entry.file()).getFileName().toString();
      Optional<String> kept = records.runWithRowOfSameUnit(fileName, entry.runId());
      if (kept.isPresent() && kept.get().equals(entry.runId())) {
        return RowsSettled.NONE; // written and recorded before the station stopped
      }
      if (kept.isPresent()) {
        records.rowHeld(entry.runId(), entry.stepId(), fileName, kept.get(), entry.fields());
        String note =
            "run "
                + entry.runId()
                + " passed again, but "
                + fileName
                + " keeps the unit's row of run "
                + kept.get()
                + " (one row per unit a day); its row is held in the records";
        LOG.info("{}", note);
        return new RowsSettled(0, 1, 0, List.of(note));
      }
    }
    RowReference reference = rows.append(entry.file(), entry.fields());
    if (records != null) {
      records.rowWritten(
          entry.runId(),
          entry.stepId(),
          new WrittenRow(reference.fileName(), reference.row(), reference.text()));
    }
    return new RowsSettled(1, 0, 0, List.of());
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
