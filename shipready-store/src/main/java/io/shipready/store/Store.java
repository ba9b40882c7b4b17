package io.shipready.store;

import static java.util.Objects.requireNonNull;

import io.shipready.core.spi.KnownUnits;
import io.shipready.store.internal.Database;
import io.shipready.store.internal.Engine;
import io.shipready.store.internal.Exporter;
import io.shipready.store.internal.Json;
import io.shipready.store.internal.KnownUnitQueries;
import io.shipready.store.internal.Micros;
import io.shipready.store.internal.PackingQueries;
import io.shipready.store.internal.ReportQueries;
import io.shipready.store.internal.RouteQueries;
import io.shipready.store.internal.RunRecovery;
import io.shipready.store.internal.StoreUrl;
import io.shipready.store.internal.TraceQueries;
import io.shipready.store.internal.WriterLoop;
import io.shipready.store.report.RunFilter;
import io.shipready.store.report.RunListing;
import io.shipready.store.report.ShiftReport;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The traceability store: every unit's whole history. An SQLite file by default (one station), or a
 * PostgreSQL database that many stations and the back office share.
 *
 * <pre>{@code
 * try (Store store = Store.open("records/shipready.db");
 *     RecordWriter records = store.openWriter(station)) {
 *   List<AbortedRun> interrupted = store.closeOpenRuns(station.stationId(), "station restarted");
 *   ...
 * }
 * }</pre>
 */
public final class Store implements AutoCloseable {
  private final Database database;
  private final TraceQueries traces;
  private final Exporter exporter;
  private final RunRecovery recovery;
  private final ReportQueries reports;
  private final RouteQueries routes;
  private final PackingQueries packing;
  private final Clock clock;
  private final Set<RecordWriter> writers = ConcurrentHashMap.newKeySet();

  private Store(Database database, Clock clock) {
    this.database = database;
    this.traces = new TraceQueries(database.jdbi());
    this.exporter = new Exporter(database.jdbi());
    this.recovery = new RunRecovery(database.writeJdbi());
    this.reports = new ReportQueries(database.jdbi());
    this.routes = new RouteQueries(database.jdbi(), database.writeJdbi());
    this.packing = new PackingQueries(database.jdbi(), database.writeJdbi());
    this.clock = clock;
  }

  /**
   * Opens the store, creating or upgrading its schema.
   *
   * @param url {@code jdbc:sqlite:<file>}, {@code jdbc:postgresql://host:port/db?user=...} or a
   *     plain file path (an SQLite file; missing folders are created)
   * @throws StoreUnavailableException when the URL is not usable or the database cannot be reached
   */
  public static Store open(String url) {
    return new Store(Database.open(StoreUrl.parse(url)), Clock.systemUTC());
  }

  /** The store's URL as it can be shown: without its password. */
  public String describe() {
    return database.url().described();
  }

  public boolean postgres() {
    return database.engine() == Engine.POSTGRES;
  }

  /**
   * Registers the station (or updates its computer, operator and configuration) and starts the
   * writer that records its events.
   */
  public RecordWriter openWriter(StationInfo station) {
    return openWriter(station, null);
  }

  /**
   * A writer that also writes the station's IPC-CFX messages into the outbox with its records, as
   * sent by the endpoint {@code cfxHandle}; {@link #cfxOutbox} is where a publisher finds them.
   *
   * @param cfxHandle the station's CFX handle; null when it publishes none
   */
  public RecordWriter openWriter(StationInfo station, String cfxHandle) {
    requireNonNull(station, "station");
    long now = Micros.of(clock.instant());
    writeVoid(
        jdbi ->
            jdbi.useHandle(
                handle ->
                    handle
                        .createUpdate(
                            "INSERT INTO stations (station_id, computer_name, operator,"
                                + " config_json, first_seen, last_seen)"
                                + " VALUES (:station, :computer, :operator, :config, :now, :now)"
                                + " ON CONFLICT (station_id) DO UPDATE SET"
                                + " computer_name = excluded.computer_name,"
                                + " operator = excluded.operator,"
                                + " config_json = excluded.config_json,"
                                + " last_seen = excluded.last_seen")
                        .bind("station", station.stationId())
                        .bind("computer", station.computerName())
                        .bind("operator", station.operator())
                        .bind("config", Json.map(station.sortedConfig()))
                        .bind("now", now)
                        .execute()),
        "register station " + station.stationId());
    WriterLoop loop =
        new WriterLoop(
            database, station.stationId(), station.operator(), station.stationPackage(), cfxHandle);
    RecordWriter[] writer = new RecordWriter[1];
    writer[0] = new RecordWriter(station, loop, () -> writers.remove(writer[0]));
    writers.add(writer[0]);
    return writer[0];
  }

  /**
   * Closes the runs the station left open (it stopped in the middle of them) as ABORTED, with the
   * reason and the time now. Call it when the station starts, before its writer records anything,
   * and show the operator what it returns: those units must be run again (their next run counts the
   * aborted one as a retest).
   */
  public List<AbortedRun> closeOpenRuns(String stationId, String reason) {
    return closeOpenRuns(stationId, reason, null);
  }

  /**
   * Closes the open runs as {@link #closeOpenRuns(String, String)} does; with a CFX handle, each
   * closed run's WorkCompleted (Aborted) goes into the outbox with it.
   */
  public List<AbortedRun> closeOpenRuns(String stationId, String reason, String cfxHandle) {
    requireNonNull(stationId, "stationId");
    requireNonNull(reason, "reason");
    String why = reason.isBlank() ? "the station stopped before the run ended" : reason;
    return write(
        jdbi -> recovery.closeOpenRuns(stationId, why, clock.instant(), cfxHandle),
        "close the open runs of station " + stationId);
  }

  /** The IPC-CFX messages the endpoint {@code cfxHandle} has to send, kept until delivered. */
  public CfxOutbox cfxOutbox(String cfxHandle) {
    return new CfxOutbox(database, cfxHandle, clock);
  }

  /** Records what a person did at a station; stored before this returns. */
  public void recordAction(StationAction action) {
    requireNonNull(action, "action");
    writeVoid(
        jdbi ->
            jdbi.useHandle(
                handle ->
                    handle
                        .createUpdate(
                            "INSERT INTO station_actions (station_id, at, slot, user_name, role,"
                                + " action, detail, allowed) VALUES (:station, :at, :slot, :user,"
                                + " :role, :action, :detail, :allowed)")
                        .bind("station", action.stationId())
                        .bind("at", Micros.of(action.at()))
                        .bind("slot", action.slot())
                        .bind("user", action.user())
                        .bind("role", action.role())
                        .bind("action", action.action())
                        .bind("detail", action.detail())
                        .bind("allowed", action.allowed() ? 1 : 0)
                        .execute()),
        "record the action " + action.action() + " at station " + action.stationId());
  }

  /** The station's recorded actions, oldest first. */
  public List<StationAction> actions(String stationId) {
    requireNonNull(stationId, "stationId");
    try {
      return database
          .jdbi()
          .withHandle(
              handle ->
                  handle
                      .createQuery(
                          "SELECT station_id, at, slot, user_name, role, action, detail, allowed"
                              + " FROM station_actions WHERE station_id = :station ORDER BY at")
                      .bind("station", stationId)
                      .map(
                          (rs, ctx) ->
                              new StationAction(
                                  rs.getString("station_id"),
                                  Micros.instant(rs.getLong("at")),
                                  rs.getString("slot"),
                                  rs.getString("user_name"),
                                  rs.getString("role"),
                                  rs.getString("action"),
                                  rs.getString("detail"),
                                  rs.getInt("allowed") != 0))
                      .list());
    } catch (JdbiException failed) {
      throw failure("read the actions of station " + stationId, failed);
    }
  }

  /**
   * The whole history of the unit carrying the identifier: any identifier's value (serial, device
   * id, ICCID, IMEI, MAC, association id...) or the barcode of a component built into it. Write
   * {@code kind=value} (e.g. {@code imei=356938035643809}) when two kinds share a value.
   *
   * @throws UnknownIdentifierException when no unit carries it
   * @throws AmbiguousIdentifierException when more than one unit does
   */
  public UnitTrace trace(String identifier) {
    requireNonNull(identifier, "identifier");
    try {
      return traces.trace(identifier);
    } catch (JdbiException failed) {
      throw failure("trace " + identifier, failed);
    }
  }

  /**
   * What the runs that ended at or after {@code since} did: yields per station and step, failures,
   * measurements, retests and speed.
   *
   * @param station one station's runs, or null for every station's
   */
  public ShiftReport shiftReport(Instant since, String station) {
    requireNonNull(since, "since");
    try {
      return reports.shiftReport(since, station);
    } catch (JdbiException failed) {
      throw failure("read the report since " + since, failed);
    }
  }

  /** The newest runs the filter lets through, newest first. */
  public List<RunListing> runs(RunFilter filter) {
    requireNonNull(filter, "filter");
    try {
      return reports.runs(filter);
    } catch (JdbiException failed) {
      throw failure("list runs", failed);
    }
  }

  /** Keeps a label printed again for a unit (see {@link UnitTrace#unitId()}), durably. */
  public void recordLabelReprint(long unitId, LabelReprint reprint) {
    requireNonNull(reprint, "reprint");
    try {
      database
          .writeJdbi()
          .useTransaction(
              handle ->
                  handle
                      .createUpdate(
                          "INSERT INTO label_reprints (unit_id, printed_at, template, printer,"
                              + " copies, payload, content_sha256, operator, reason) VALUES"
                              + " (:unit, :at, :template, :printer, :copies, :payload, :sha,"
                              + " :operator, :reason)")
                      .bind("unit", unitId)
                      .bind("at", io.shipready.store.internal.Micros.of(reprint.printedAt()))
                      .bind("template", reprint.template())
                      .bind("printer", reprint.printer())
                      .bind("copies", reprint.copies())
                      .bind("payload", reprint.payload())
                      .bind("sha", reprint.contentSha256())
                      .bind("operator", reprint.operator())
                      .bind("reason", reprint.reason())
                      .execute());
    } catch (JdbiException failed) {
      throw failure("keep the reprint of a label of unit #" + unitId, failed);
    }
  }

  /** How many times the unit's labels were printed again. */
  public int labelReprints(long unitId) {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery("SELECT COUNT(*) FROM label_reprints WHERE unit_id = :unit")
                    .bind("unit", unitId)
                    .mapTo(Integer.class)
                    .one());
  }

  /** The receipts of factory files sent to upload servers. */
  public UploadReceipts uploadReceipts() {
    return new UploadReceipts(database.writeJdbi(), database.jdbi());
  }

  /**
   * Which runs may have factory-file rows (their PASS is committed) and which rows were written or
   * held, for the station's factory files.
   */
  public FactoryRowRecords factoryRows() {
    return new FactoryRowRecords(database.writeJdbi(), clock);
  }

  /** Which unit a queued device id is, and the cloud provisioning operations done for units. */
  public ProvisioningRecords provisioningRecords() {
    return new ProvisioningRecords(database.jdbi(), database.writeJdbi(), describe());
  }

  /**
   * The units earlier runs recorded, for the steps that must refuse a unit the line never built.
   */
  public KnownUnits knownUnits() {
    return new KnownUnitQueries(database.jdbi());
  }

  /** The unit's way along its line: its runs and route events (see {@link UnitTrace#unitId()}). */
  public RouteHistory routeHistory(long unitId) {
    try {
      return routes.history(unitId);
    } catch (JdbiException failed) {
      throw failure("read the route of unit #" + unitId, failed);
    }
  }

  /**
   * The route of the unit that owns one of the identifiers, without the run {@code excludingRun}
   * (the one asking); empty when no earlier run recorded any of them.
   */
  public java.util.Optional<RouteHistory> routeHistory(
      List<io.shipready.core.model.Identifier> identifiers, String excludingRun) {
    requireNonNull(identifiers, "identifiers");
    try {
      return routes.history(identifiers, excludingRun);
    } catch (JdbiException failed) {
      throw failure("read the route of the unit " + identifiers, failed);
    }
  }

  /**
   * Records a route event durably and, in the same transaction, marks the unit's labels VOID: all
   * of them when {@code voidLabelsOfRecipes} is null, else those printed by its runs of these
   * recipes (the stations a repaired unit goes through again).
   *
   * @return how many labels were voided
   */
  public int recordRouteEvent(
      long unitId, RouteEvent event, java.util.Collection<String> voidLabelsOfRecipes) {
    requireNonNull(event, "event");
    try {
      return routes.record(unitId, event, voidLabelsOfRecipes);
    } catch (JdbiException failed) {
      throw failure(
          "record the "
              + event.kind().name().toLowerCase(java.util.Locale.ROOT)
              + " of unit #"
              + unitId,
          failed);
    }
  }

  /** The packing records: shipments, cartons, pallets and the units packed into them. */
  public Shipments shipments() {
    return new Shipments(packing, describe());
  }

  /**
   * Writes the runs that ended at or after {@code since} ({@code null}: all of them), oldest end
   * first. Runs still open are not exported until they end (or are closed by {@link
   * #closeOpenRuns}); exporting from the last export's time on therefore misses nothing.
   */
  public void export(Instant since, ExportFormat format, Writer out) {
    try {
      exporter.export(since, format, out);
    } catch (JdbiException failed) {
      throw failure("export records", failed);
    }
  }

  /**
   * Writes the runs that ended at or after {@code since} as one file per record in {@code
   * directory}, for the formats that are a folder of records ({@link
   * ExportFormat#oneFilePerRecord}).
   *
   * @return how many records were written
   */
  public int exportFiles(Instant since, ExportFormat format, Path directory) {
    try {
      return exporter.exportFiles(since, format, directory);
    } catch (JdbiException failed) {
      throw failure("export records", failed);
    }
  }

  /**
   * Checks the database: SQLite's own integrity check ({@code "ok"} when sound), or a query on
   * PostgreSQL.
   */
  public String checkIntegrity() {
    try {
      if (postgres()) {
        return database
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT COUNT(*) FROM runs").mapTo(Long.class).one() >= 0
                        ? "ok"
                        : "runs cannot be counted");
      }
      List<String> problems =
          database
              .jdbi()
              .withHandle(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).list());
      return String.join("\n", problems);
    } catch (JdbiException failed) {
      throw failure("check integrity", failed);
    }
  }

  /** Closes the writers still open (storing what they hold), then the connections. */
  @Override
  public void close() {
    RuntimeException first = null;
    for (RecordWriter writer : List.copyOf(writers)) {
      try {
        writer.close();
      } catch (RuntimeException failed) {
        first = first == null ? failed : first;
      }
    }
    database.close();
    if (first != null) {
      throw first;
    }
  }

  /** For the benchmark's bulk loader. */
  Database database() {
    return database;
  }

  private <T> T write(java.util.function.Function<Jdbi, T> work, String what) {
    try {
      return work.apply(database.writeJdbi());
    } catch (JdbiException failed) {
      throw failure(what, failed);
    }
  }

  private void writeVoid(java.util.function.Consumer<Jdbi> work, String what) {
    write(
        jdbi -> {
          work.accept(jdbi);
          return null;
        },
        what);
  }

  private StoreException failure(String what, Exception failed) {
    Throwable root = failed;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return new StoreException(
        "Cannot " + what + " in the store " + describe() + ": " + root.getMessage(), failed);
  }
}
