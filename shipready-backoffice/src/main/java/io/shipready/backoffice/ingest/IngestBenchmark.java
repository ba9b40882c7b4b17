package io.shipready.backoffice.ingest;

import static java.util.Objects.requireNonNull;

import io.shipready.backoffice.BackofficeException;
import io.shipready.backoffice.BackofficeServer;
import io.shipready.backoffice.DataFolder;
import io.shipready.store.ServiceDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * How fast one programming file of many rows is taken in: generated once, then ingested whole
 * (found, hashed, validated row by row, units registered, file moved) into a fresh SQLite file and,
 * when a server is given, a fresh PostgreSQL schema (with COPY, and with batched INSERTs), beside a
 * bare PostgreSQL COPY of the same file into a table without keys, the fastest the server takes
 * rows in.
 */
public final class IngestBenchmark {
  /**
   * The figures; PostgreSQL ones are negative when no server was given.
   *
   * @param copyRatio ingestion with COPY over the bare COPY, in rows per second (1.0 = as fast)
   */
  public record Result(
      long rows,
      long fileBytes,
      double sqliteSeconds,
      double postgresCopySeconds,
      double postgresBatchSeconds,
      double bareCopySeconds) {
    public double sqliteRowsPerSecond() {
      return rows / sqliteSeconds;
    }

    public double postgresCopyRowsPerSecond() {
      return postgresCopySeconds > 0 ? rows / postgresCopySeconds : -1;
    }

    public double postgresBatchRowsPerSecond() {
      return postgresBatchSeconds > 0 ? rows / postgresBatchSeconds : -1;
    }

    public double bareCopyRowsPerSecond() {
      return bareCopySeconds > 0 ? rows / bareCopySeconds : -1;
    }

    public double copyRatio() {
      return bareCopySeconds > 0 ? bareCopySeconds / postgresCopySeconds : -1;
    }

    public double batchRatio() {
      return bareCopySeconds > 0 ? bareCopySeconds / postgresBatchSeconds : -1;
    }
  }

  private static final String FILE_NAME = SampleFactoryFiles.PROGRAMMING_FILE_NAME;

  private final long rows;
  private final String postgresUrl;
  private final Path work;

  /**
   * @param postgresUrl a PostgreSQL JDBC URL, or null for SQLite only
   * @param work an empty folder for the file and the SQLite database; removed afterwards
   */
  public IngestBenchmark(long rows, String postgresUrl, Path work) {
    if (rows < 1) {
      throw new BackofficeException("--rows must be at least 1, not " + rows);
    }
    this.rows = rows;
    this.postgresUrl = postgresUrl;
    this.work = requireNonNull(work, "work");
  }

  public Result run() throws IOException, SQLException {
    try {
      Path source = work.resolve(FILE_NAME);
      SampleFactoryFiles.programming(source, 1, rows);
      long bytes = Files.size(source);
      double sqlite = ingest(source, work.resolve("sqlite.db").toString(), "sqlite", true);
      double copy = -1;
      double batch = -1;
      double bare = -1;
      if (postgresUrl != null) {
        copy = inFreshSchema(schema -> ingest(source, withSchema(schema), "pg-copy", true));
        batch = inFreshSchema(schema -> ingest(source, withSchema(schema), "pg-batch", false));
        bare = inFreshSchema(schema -> bareCopy(source, schema));
      }
      return new Result(rows, bytes, sqlite, copy, batch, bare);
    } finally {
      delete(work);
    }
  }

  /** Seconds from finding the file to its being completed. */
  private double ingest(Path source, String url, String name, boolean copy) throws IOException {
    DataFolder data = new DataFolder(work.resolve("data-" + name));
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
    }
  }

  private double bareCopy(Path source, String schema) throws SQLException, IOException {
    try (Connection c = DriverManager.getConnection(postgresUrl);
        Statement s = c.createStatement()) {
      StringBuilder columns = new StringBuilder();
      for (String column : SampleFactoryFiles.programmingColumns()) {
        columns
            .append(columns.length() == 0 ? "" : ", ")
            .append('"')
            .append(column)
            .append("\" text");
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
