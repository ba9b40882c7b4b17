package io.shipready.backoffice.ingest;

import static java.util.Objects.requireNonNull;

import io.shipready.backoffice.BackofficeException;
import io.shipready.backoffice.BackofficeServer;
import io.shipready.backoffice.DataFolder;
import io.shipready.core.Spread;
import io.shipready.store.ServiceDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * How fast one programming file of many rows is taken in: generated once, then ingested whole
 * (found, hashed, validated row by row, units registered, file moved) into a fresh SQLite file and,
 * when a server is given, a fresh PostgreSQL schema (with COPY, and with batched INSERTs), beside a
 * bare PostgreSQL COPY of the same file into a table without keys, the fastest the server takes
 * rows in, and into one with the unique keys of a registration, the server's own cost of them.
 *
 * <p>One round of every path with a small file warms the JIT and the server and is not counted.
 * Then each round runs every path once, in alternating order (the ingesters first, then the bare
 * COPY; the next round the other way round), so a slow spell of a shared machine falls on both
 * sides. Figures are the median of the rounds with their min and max, never the best.
 */
public final class IngestBenchmark {
  /** Rows of the file of the warm-up round. */
  private static final long WARM_UP_ROWS = 20_000;

  /** Seconds of one round per path; PostgreSQL ones are negative when no server was given. */
  public record Round(
      double sqliteSeconds,
      double postgresCopySeconds,
      double postgresBatchSeconds,
      double keyedCopySeconds,
      double bareCopySeconds) {}

  /**
   * The figures over the rounds; the PostgreSQL spreads are null when no server was given.
   *
   * @param loadBefore the machine's 1-minute load average before the first round (-1 if unknown)
   * @param loadAfter the same after the last round
   */
  public record Result(
      long rows,
      long fileBytes,
      Spread sqliteSeconds,
      Spread postgresCopySeconds,
      Spread postgresBatchSeconds,
      Spread keyedCopySeconds,
      Spread bareCopySeconds,
      double loadBefore,
      double loadAfter,
      List<Round> rounds) {
    public boolean postgres() {
      return bareCopySeconds != null;
    }

    /** Rows per second of the median round. */
    public double rowsPerSecond(Spread seconds) {
      return rows / seconds.median();
    }

    /**
     * Ingestion with COPY as a share of the bare COPY's speed, by their medians (1.0 = as fast).
     */
    public double copyRatio() {
      return bareCopySeconds.median() / postgresCopySeconds.median();
    }

    /** Ingestion with batched INSERTs as a share of the bare COPY's speed, by their medians. */
    public double batchRatio() {
      return bareCopySeconds.median() / postgresBatchSeconds.median();
    }

    /** The bare COPY into a table with the unique keys as a share of the bare COPY's speed. */
    public double keyedRatio() {
      return bareCopySeconds.median() / keyedCopySeconds.median();
    }
  }

  private static final String FILE_NAME = SampleFactoryFiles.PROGRAMMING_FILE_NAME;

  /** The columns {@code registered_units} keeps unique, as in its migration. */
  private static final List<String> UNIQUE = List.of("device_id", "association_id", "ble_mac");

  private final long rows;
  private final int rounds;
  private final String postgresUrl;
  private final Path work;
  private int runs;

  /**
   * @param postgresUrl a PostgreSQL JDBC URL, or null for SQLite only
   * @param work an empty folder for the file and the SQLite database; removed afterwards
   */
  public IngestBenchmark(long rows, int rounds, String postgresUrl, Path work) {
    if (rows < 1) {
      throw new BackofficeException("--rows must be at least 1, not " + rows);
    }
    if (rounds < 1) {
      throw new BackofficeException("--rounds must be at least 1, not " + rounds);
    }
    this.rows = rows;
    this.rounds = rounds;
    this.postgresUrl = postgresUrl;
    this.work = requireNonNull(work, "work");
  }

  public Result run() throws IOException, SQLException {
    try {
      Path warmUp = work.resolve("warm-up").resolve(FILE_NAME);
      Files.createDirectories(warmUp.getParent());
      SampleFactoryFiles.programming(warmUp, 1, Math.min(rows, WARM_UP_ROWS));
      round(warmUp, Math.min(rows, WARM_UP_ROWS), true);
      Path source = work.resolve(FILE_NAME);
      SampleFactoryFiles.programming(source, 1, rows);
      double loadBefore = load();
      List<Round> measured = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        measured.add(round(source, rows, round % 2 == 1));
      }
      double loadAfter = load();
      return new Result(
          rows,
          Files.size(source),
          spread(measured, Round::sqliteSeconds),
          postgresUrl == null ? null : spread(measured, Round::postgresCopySeconds),
          postgresUrl == null ? null : spread(measured, Round::postgresBatchSeconds),
          postgresUrl == null ? null : spread(measured, Round::keyedCopySeconds),
          postgresUrl == null ? null : spread(measured, Round::bareCopySeconds),
          loadBefore,
          loadAfter,
          measured);
    } finally {
      delete(work);
    }
  }

  /** Every path once, the ingesters first or the bare COPY first. */
  private Round round(Path source, long rows, boolean ingestFirst)
      throws IOException, SQLException {
    double sqlite = -1;
    double copy = -1;
    double batch = -1;
    double keyed = -1;
    double bare = -1;
    if (ingestFirst) {
      sqlite = sqlite(source, rows);
      if (postgresUrl != null) {
        copy = postgres(source, rows, true);
        batch = postgres(source, rows, false);
        keyed = inFreshSchema(schema -> bareCopy(source, schema, true));
        bare = inFreshSchema(schema -> bareCopy(source, schema, false));
      }
    } else {
      if (postgresUrl != null) {
        bare = inFreshSchema(schema -> bareCopy(source, schema, false));
        keyed = inFreshSchema(schema -> bareCopy(source, schema, true));
        batch = postgres(source, rows, false);
        copy = postgres(source, rows, true);
      }
      sqlite = sqlite(source, rows);
    }
    return new Round(sqlite, copy, batch, keyed, bare);
  }

  private double sqlite(Path source, long rows) throws IOException {
    return ingest(source, rows, work.resolve("sqlite-" + ++runs + ".db").toString(), true);
  }

  private double postgres(Path source, long rows, boolean copy) throws IOException, SQLException {
    return inFreshSchema(schema -> ingest(source, rows, withSchema(schema), copy));
  }

  /** Seconds from finding the file to its being completed. */
  private double ingest(Path source, long rows, String url, boolean copy) throws IOException {
    DataFolder data = new DataFolder(work.resolve("data-" + ++runs));
    Path incoming = Files.createDirectories(data.incoming("bench"));
    Files.copy(source, incoming.resolve(FILE_NAME));
    try (ServiceDatabase db =
        ServiceDatabase.open(url, BackofficeServer.MIGRATIONS, BackofficeServer.HISTORY_TABLE)) {
      Ingester ingester =
          Ingester.builder(db, data).worker("bench").settle(Duration.ZERO).copy(copy).build();
      long start = System.nanoTime();
      List<IngestOutcome> outcomes = ingester.runOnce();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (outcomes.size() != 1
          || !outcomes.get(0).state().equals(FileStates.COMPLETED)
          || outcomes.get(0).rows() != rows) {
        throw new BackofficeException("the benchmark file was not ingested: " + outcomes);
      }
      return seconds;
    } finally {
      delete(data.root());
    }
  }

  /**
   * Seconds of a COPY of the file as it is into a table of text columns, with or without the unique
   * keys a registration has ({@code device_id}, {@code association_id}, {@code ble_mac}): what the
   * server itself spends on the keys, which no ingester can avoid.
   */
  private double bareCopy(Path source, String schema, boolean keys)
      throws SQLException, IOException {
    try (Connection c = DriverManager.getConnection(postgresUrl);
        Statement s = c.createStatement()) {
      StringBuilder columns = new StringBuilder();
      for (String column : SampleFactoryFiles.programmingColumns()) {
        columns
            .append(columns.length() == 0 ? "" : ", ")
            .append('"')
            .append(column)
            .append("\" text")
            .append(keys && UNIQUE.contains(column) ? " COLLATE \"C\" UNIQUE" : "");
      }
      s.execute("CREATE TABLE " + schema + ".bare (" + columns + ")");
      long start = System.nanoTime();
      c.setAutoCommit(false);
      try (InputStream in = Files.newInputStream(source)) {
        c.unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn("COPY " + schema + ".bare FROM STDIN (FORMAT csv, HEADER true)", in);
      }
      c.commit();
      return (System.nanoTime() - start) / 1e9;
    }
  }

  private interface SchemaRun {
    double run(String schema) throws IOException, SQLException;
  }

  private double inFreshSchema(SchemaRun run) throws IOException, SQLException {
    String schema =
        "shipready_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(postgresUrl);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    try {
      return run.run(schema);
    } finally {
      try (Connection c = DriverManager.getConnection(postgresUrl);
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  private String withSchema(String schema) {
    return postgresUrl + (postgresUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static Spread spread(List<Round> rounds, ToDoubleFunction<Round> figure) {
    return Spread.of(rounds.stream().map(r -> figure.applyAsDouble(r)).toList());
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
