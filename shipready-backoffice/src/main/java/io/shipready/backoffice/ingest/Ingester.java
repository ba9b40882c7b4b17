package io.shipready.backoffice.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.shipready.backoffice.BackofficeException;
import io.shipready.backoffice.ContentHash;
import io.shipready.backoffice.DataFolder;
import io.shipready.backoffice.accounts.FactoryName;
import io.shipready.core.model.Identifier;
import io.shipready.output.config.StationIdentity;
import io.shipready.output.factoryfile.FactoryFileKinds;
import io.shipready.output.factoryfile.FactoryFileLineException;
import io.shipready.output.spi.FactoryFileReader;
import io.shipready.output.spi.FactoryRowHandler;
import io.shipready.store.CfxOutbox;
import io.shipready.store.ServiceDatabase;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in the files the factories dropped: finds new ones, claims one at a time (several ingesters
 * may share one PostgreSQL database and one data folder; {@code FOR UPDATE SKIP LOCKED} keeps any
 * two from taking the same file), validates it row by row, registers its units or cross-checks its
 * measurements, and moves it to {@code completed/} or {@code rejected/}.
 *
 * <p>A file is read by the reader of the factory-file kind its name belongs to ({@link
 * FactoryFileKinds#readers()}): the reader checks every row by the rules the station wrote it by,
 * and says whether the rows are units to register or measurements of registered units.
 *
 * <p>A file is taken in whole or not at all: its rows and its state change in one transaction, so a
 * rejected file registers nothing and a crash leaves it to be taken again. Files are known by the
 * SHA-256 of their content, so the same content is ingested once however often it arrives.
 */
public final class Ingester {
  private static final Logger LOG = LoggerFactory.getLogger(Ingester.class);

  private final ServiceDatabase db;
  private final DataFolder data;
  private final String worker;
  private final Clock clock;
  private final Duration settle;
  private final Duration lease;
  private final Predicate<Path> busy;
  private final boolean copy;
  private final Receipts receipts;
  private final Consumer<IngestOutcome> outcomes;
  private final CfxOutbox cfx;
  private final Retries retries;
  private final ClaimOwner owner = ClaimOwner.current();
  private final IngestPause pause = new IngestPause();

  private Ingester(Builder b) {
    this.db = b.db;
    this.data = b.data;
    this.worker = b.worker;
    this.clock = b.clock;
    this.settle = b.settle;
    this.lease = b.lease;
    this.busy = b.busy;
    this.copy = b.copy && db.postgres();
    this.receipts = new Receipts(db, data);
    this.outcomes = b.outcomes;
    this.cfx = b.cfx;
    this.retries = b.retries;
  }

  public static Builder builder(ServiceDatabase db, DataFolder data) {
    return new Builder(db, data);
  }

  public Receipts receipts() {
    return receipts;
  }

  /**
   * Finds new files, then ingests claimable files until none is left. While the database cannot be
   * reached, ingestion pauses: passes do nothing until the next try, and the files wait.
   */
  public List<IngestOutcome> runOnce() {
    long now = clock.millis();
    if (pause.waiting(now)) {
      return List.of();
    }
    List<IngestOutcome> outcomes = new ArrayList<>();
    try {
      outcomes.addAll(discover());
      for (Optional<IngestOutcome> next = ingestNext(); next.isPresent(); next = ingestNext()) {
        outcomes.add(next.get());
      }
    } catch (RuntimeException e) {
      if (FailureKind.of(e) != FailureKind.DATABASE_AWAY) {
        throw e;
      }
      pause.databaseAway(clock.millis(), e);
      return outcomes;
    }
    pause.databaseBack(clock.millis());
    return outcomes;
  }

  /** Whether ingestion is paused because the database cannot be reached. */
  public boolean paused() {
    return pause.paused();
  }

  /**
   * Records every new file in the factory folders, and sets aside files whose content was already
   * received.
   *
   * @return the duplicates set aside
   */
  public List<IngestOutcome> discover() {
    List<IngestOutcome> duplicates = new ArrayList<>();
    Path factories = data.factories();
    if (!Files.isDirectory(factories)) {
      return duplicates;
    }
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(factories)) {
      for (Path folder : folders) {
        String factory = folder.getFileName().toString();
        if (FactoryName.isValid(factory) && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
          discover(factory, folder.resolve(DataFolder.INCOMING), duplicates);
        }
      }
    } catch (IOException e) {
      throw new BackofficeException("Cannot list " + factories + ": " + e, e);
    }
    return duplicates;
  }

  private void discover(String factory, Path folder, List<IngestOutcome> duplicates)
      throws IOException {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path file : entries) {
        files.add(file);
      }
    }
    files.sort(null);
    long now = clock.millis();
    for (Path file : files) {
      String name = file.getFileName().toString();
      try {
        BasicFileAttributes attributes =
            Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        // A time in the future (which no write on this server gives) counts as settled, so a
        // file's time never keeps it from being taken.
        if (name.startsWith(".")
            || !attributes.isRegularFile()
            || busy.test(file)
            || Math.abs(now - attributes.lastModifiedTime().toMillis()) < settle.toMillis()) {
          continue;
        }
        discoverFile(factory, file, now, duplicates);
      } catch (java.nio.file.NoSuchFileException e) {
        // Moved away meanwhile by another ingester sharing the folder.
      } catch (IOException | RuntimeException e) {
        if (e instanceof RuntimeException r && FailureKind.of(r) == FailureKind.DATABASE_AWAY) {
          throw r;
        }
        LOG.warn("Could not record {} of factory {}: {}", name, factory, e.toString());
      }
    }
  }

  /**
   * @param receivedAt when this server first saw the file settled, by its own clock: a file's
   *     modification time is the sender's to set and says nothing the receipt can rely on
   */
  private void discoverFile(
      String factory, Path file, long receivedAt, List<IngestOutcome> duplicates)
      throws IOException {
    String name = file.getFileName().toString();
    String sha256 = ContentHash.of(file);
    String day = Receipts.day(receivedAt);
    String receiptId = receiptId(sha256, factory, name, receivedAt);
    Map<String, Object> known =
        db.writeJdbi()
            .inTransaction(
                h -> {
                  int inserted =
                      h.createUpdate(
                              "INSERT INTO ingest_files (sha256, factory, file_name, state,"
                                  + " received_at) VALUES (?, ?, ?, ?, ?)"
                                  + " ON CONFLICT (sha256) DO NOTHING")
                          .bind(0, sha256)
                          .bind(1, factory)
                          .bind(2, name)
                          .bind(3, FileStates.NEW)
                          .bind(4, receivedAt)
                          .execute();
                  Map<String, Object> row =
                      h.createQuery(
                              "SELECT factory, file_name, state, moved_to FROM ingest_files"
                                  + " WHERE sha256 = ?")
                          .bind(0, sha256)
                          .mapToMap()
                          .one();
                  boolean sameFile =
                      factory.equals(row.get("factory")) && name.equals(row.get("file_name"));
                  boolean leftOver = sameFile && row.get("moved_to") == null;
                  // Another back office sharing the folder took this very file in and moved it
                  // away (it moves first, then records where) while this one read it: not a
                  // second arrival, so no receipt. A re-upload under the name would be there.
                  boolean movedByOther =
                      inserted == 0
                          && sameFile
                          && !leftOver
                          && !Files.exists(file, LinkOption.NOFOLLOW_LINKS);
                  if (inserted == 1 || (!leftOver && !movedByOther)) {
                    h.createUpdate(
                            "INSERT INTO ingest_receipts (id, factory, day, received_at,"
                                + " file_name, sha256, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (id) DO NOTHING")
                        .bind(0, receiptId)
                        .bind(1, factory)
                        .bind(2, day)
                        .bind(3, receivedAt)
                        .bind(4, name)
                        .bind(5, sha256)
                        .bind(
                            6,
                            inserted == 1 ? null : row.get("factory") + "/" + row.get("file_name"))
                        .execute();
                  }
                  row.put("inserted", inserted == 1);
                  row.put("leftover", leftOver);
                  row.put("movedByOther", movedByOther);
                  return row;
                });
    if ((Boolean) known.get("inserted")) {
      LOG.info("Received {} from factory {} ({})", name, factory, sha256);
      receipts.write(factory, day);
      return;
    }
    if ((Boolean) known.get("movedByOther")) {
      return;
    }
    String state = (String) known.get("state");
    if ((Boolean) known.get("leftover")) {
      // The same file, seen again: waiting or being ingested, or ingested by a process that
      // stopped before it moved the file.
      if (state.equals(FileStates.COMPLETED) || state.equals(FileStates.REJECTED)) {
        String reason =
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery("SELECT reason FROM ingest_files WHERE sha256 = ?")
                            .bind(0, sha256)
                            .mapTo(String.class)
                            .findOne()
                            .orElse(null));
        moveAway(sha256, file, state, reason);
      }
      return;
    }
    String original = known.get("factory") + "/" + known.get("file_name");
    Path moved = moveTo(file, data.factory(factory).resolve(DataFolder.DUPLICATES), null);
    LOG.info(
        "{} of factory {} has the content of {}, already received; set aside as {}",
        name,
        factory,
        original,
        moved);
    IngestOutcome duplicate =
        new IngestOutcome(
            sha256, factory, name, FileStates.DUPLICATE, 0, "same content as " + original);
    duplicates.add(duplicate);
    outcomes.accept(duplicate);
    receipts.write(factory, day);
  }

  /**
   * Claims the oldest waiting file and ingests it. A file that fails for its own content is
   * rejected; one that fails otherwise waits for a later attempt while the next file is taken.
   *
   * @return what became of it, or empty when no file is waiting
   * @throws RuntimeException when the database cannot be reached; the claim is given back
   */
  public Optional<IngestOutcome> ingestNext() {
    while (true) {
      Optional<Map<String, Object>> claimed = claim();
      if (claimed.isEmpty()) {
        return Optional.empty();
      }
      String sha256 = (String) claimed.get().get("sha256");
      String factory = (String) claimed.get().get("factory");
      String name = (String) claimed.get().get("file_name");
      int attempts = ((Number) claimed.get().get("attempts")).intValue() + 1;
      Path file = data.incoming(factory).resolve(name);
      IngestOutcome outcome;
      try {
        outcome = ingest(sha256, factory, name, file);
      } catch (Rejection rejection) {
        outcome = reject(sha256, factory, name, rejection.getMessage());
      } catch (RuntimeException e) {
        if (FailureKind.of(e) == FailureKind.DATABASE_AWAY) {
          release(sha256);
          throw e;
        }
        recordFailure(sha256, attempts, e);
        if (attempts < retries.attempts()) {
          retryLater(sha256, factory, name, attempts, e);
          continue;
        }
        LOG.error(
            "Giving up on {} of factory {} after {} attempts: {}",
            name,
            factory,
            attempts,
            e.toString());
        // The factory reads this reason; the error itself (paths of this server) stays in the log.
        outcome =
            reject(
                sha256,
                factory,
                name,
                "could not be taken in after "
                    + attempts
                    + " attempts, for a fault of the receiving side, not of the file; the back"
                    + " office's operators have the details and can drop the file in again once"
                    + " it is fixed");
      }
      if (outcome == null) {
        return Optional.empty();
      }
      moveAway(sha256, file, outcome.state(), outcome.reason());
      receipts.writeDaysOf(sha256);
      outcomes.accept(outcome);
      return Optional.of(outcome);
    }
  }

  private Optional<Map<String, Object>> claim() {
    freeClaimsOfDeadProcesses();
    long now = clock.millis();
    return db.writeJdbi()
        .inTransaction(
            h -> {
              // A claim of this ingester outside ingestNext is one it could not give back (the
              // database went away meanwhile): it is taken again at once.
              Optional<Map<String, Object>> row =
                  h.createQuery(
                          "SELECT sha256, factory, file_name, attempts FROM ingest_files"
                              + " WHERE (state = ? AND (retry_at IS NULL OR retry_at <= ?))"
                              + " OR (state = ? AND (claimed_at < ? OR claimed_by = ?))"
                              + " ORDER BY received_at, sha256 LIMIT 1"
                              + (db.postgres() ? " FOR UPDATE SKIP LOCKED" : ""))
                      .bind(0, FileStates.NEW)
                      .bind(1, now)
                      .bind(2, FileStates.INGESTING)
                      .bind(3, now - lease.toMillis())
                      .bind(4, worker)
                      .mapToMap()
                      .findOne();
              row.ifPresent(
                  r ->
                      h.createUpdate(
                              "UPDATE ingest_files SET state = ?, claimed_by = ?, claimed_at = ?,"
                                  + " claimed_host = ?, claimed_pid = ?, claimed_started = ?"
                                  + " WHERE sha256 = ?")
                          .bind(0, FileStates.INGESTING)
                          .bind(1, worker)
                          .bind(2, now)
                          .bind(3, owner.host())
                          .bind(4, owner.pid())
                          .bind(5, owner.started())
                          .bind(6, r.get("sha256"))
                          .execute());
              return row;
            });
  }

  /**
   * Gives back at once the claims of processes of this host that no longer run (a back office
   * killed while it was taking a file in); claims of other hosts wait for their lease.
   */
  private void freeClaimsOfDeadProcesses() {
    List<Map<String, Object>> claims =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT sha256, factory, file_name, claimed_pid, claimed_started"
                                + " FROM ingest_files WHERE state = ? AND claimed_host = ?")
                        .bind(0, FileStates.INGESTING)
                        .bind(1, owner.host())
                        .mapToMap()
                        .list());
    for (Map<String, Object> claim : claims) {
      long pid = ((Number) claim.get("claimed_pid")).longValue();
      Number started = (Number) claim.get("claimed_started");
      ClaimOwner holder =
          new ClaimOwner(owner.host(), pid, started == null ? null : started.longValue());
      if (!holder.goneFromThisHost()) {
        continue;
      }
      int freed =
          db.writeJdbi()
              .withHandle(
                  h ->
                      h.createUpdate(
                              "UPDATE ingest_files SET state = ?, claimed_by = NULL,"
                                  + " claimed_at = NULL, claimed_host = NULL, claimed_pid = NULL,"
                                  + " claimed_started = NULL"
                                  + " WHERE sha256 = ? AND state = ? AND claimed_host = ?"
                                  + " AND claimed_pid = ?")
                          .bind(0, FileStates.NEW)
                          .bind(1, claim.get("sha256"))
                          .bind(2, FileStates.INGESTING)
                          .bind(3, owner.host())
                          .bind(4, pid)
                          .execute());
      if (freed == 1) {
        LOG.warn(
            "Took back {} of factory {}: process {} of this host claimed it and no longer runs",
            claim.get("file_name"),
            claim.get("factory"),
            pid);
      }
    }
  }

  /** Counts a failed attempt and keeps its error for the operators. */
  private void recordFailure(String sha256, int attempts, RuntimeException failure) {
    db.writeJdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE ingest_files SET attempts = ?, last_error = ?"
                            + " WHERE sha256 = ? AND claimed_by = ? AND state = ?")
                    .bind(0, attempts)
                    .bind(1, failure.toString())
                    .bind(2, sha256)
                    .bind(3, worker)
                    .bind(4, FileStates.INGESTING)
                    .execute());
  }

  /**
   * Gives a file that failed for no fault of its own back, to be taken after a wait; its receipt
   * says when.
   */
  private void retryLater(
      String sha256, String factory, String name, int attempts, RuntimeException failure) {
    Duration wait = retries.waitBefore(attempts + 1);
    long at = clock.millis() + wait.toMillis();
    LOG.warn(
        "Could not take in {} of factory {} (attempt {} of {}), trying again in {} min: {}",
        name,
        factory,
        attempts,
        retries.attempts(),
        wait.toMinutes(),
        failure.toString());
    db.writeJdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE ingest_files SET state = ?, claimed_by = NULL, claimed_at = NULL,"
                            + " retry_at = ?, reason = ? WHERE sha256 = ? AND claimed_by = ?"
                            + " AND state = ?")
                    .bind(0, FileStates.NEW)
                    .bind(1, at)
                    .bind(
                        2,
                        "waiting: attempt "
                            + attempts
                            + " of "
                            + retries.attempts()
                            + " failed for a fault of the receiving side; next attempt at "
                            + java.time.Instant.ofEpochMilli(at))
                    .bind(3, sha256)
                    .bind(4, worker)
                    .bind(5, FileStates.INGESTING)
                    .execute());
  }

  /** Ingests a claimed file in one transaction; null when the claim was lost meanwhile. */
  private IngestOutcome ingest(String sha256, String factory, String name, Path file) {
    FactoryFileReader reader;
    try {
      reader = FileReaders.of(name);
    } catch (IllegalArgumentException e) {
      throw new Rejection("file name: " + e.getMessage() + "; rename the file and send it again");
    }
    boolean units = reader.rows() == FactoryFileReader.Rows.UNITS;
    Optional<Set<String>> profiles =
        units ? KnownProfiles.read(data.profileVersions()) : Optional.empty();
    try {
      return db.writeJdbi()
          .inTransaction(
              h -> {
                Optional<String> owner =
                    h.createQuery(
                            "SELECT claimed_by FROM ingest_files WHERE sha256 = ? AND state = ?"
                                + (db.postgres() ? " FOR UPDATE" : ""))
                        .bind(0, sha256)
                        .bind(1, FileStates.INGESTING)
                        .mapTo(String.class)
                        .findOne();
                if (owner.isEmpty() || !owner.get().equals(worker)) {
                  return null;
                }
                long rows;
                try {
                  rows = load(h, sha256, factory, file, reader, profiles);
                } catch (java.nio.file.NoSuchFileException e) {
                  throw new Rejection("the file left the folder before it was read; send it again");
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                } catch (SQLException e) {
                  throw new SqlFailure(e);
                }
                if (units) {
                  // Measurements that arrived before the file that registers their unit are now
                  // matched.
                  h.createUpdate(
                          "UPDATE rssi_results SET flag = NULL WHERE flag IS NOT NULL AND EXISTS"
                              + " (SELECT 1 FROM registered_units u WHERE u.device_id ="
                              + " rssi_results.device_id AND u.association_id ="
                              + " rssi_results.association_id AND u.file_sha256 = ?)")
                      .bind(0, sha256)
                      .execute();
                  if (cfx != null) {
                    // One CFX transaction per file: the units the back office took in.
                    cfx.workDone(
                        h,
                        UUID.nameUUIDFromBytes(("ingest/" + sha256).getBytes(UTF_8)).toString(),
                        h.createQuery(
                                "SELECT device_id FROM registered_units WHERE file_sha256 = ?"
                                    + " ORDER BY device_id")
                            .bind(0, sha256)
                            .mapTo(String.class)
                            .list());
                  }
                } else {
                  flagMeasurements(h, sha256);
                }
                h.createUpdate(
                        "UPDATE ingest_files SET state = ?, file_type = ?, rows_read = ?,"
                            + " reason = NULL, finished_at = ? WHERE sha256 = ?")
                    .bind(0, FileStates.COMPLETED)
                    .bind(1, reader.type())
                    .bind(2, rows)
                    .bind(3, clock.millis())
                    .bind(4, sha256)
                    .execute();
                LOG.info("Ingested {} of factory {}: {} rows", name, factory, rows);
                return new IngestOutcome(sha256, factory, name, FileStates.COMPLETED, rows, null);
              });
    } catch (Rejection rejection) {
      throw rejection;
    } catch (RuntimeException e) {
      SQLException sql = sqlCause(e);
      if (sql != null && isUniqueViolation(sql)) {
        throw new Rejection(ConflictFinder.describe(db, file, reader, e));
      }
      if (FailureKind.of(e) == FailureKind.CONTENT) {
        throw new Rejection(
            "the database refused a value of the file ("
                + sql.getMessage()
                + "); correct the file and send it again under a new name");
      }
      throw e;
    }
  }

  private long load(
      Handle h,
      String sha256,
      String account,
      Path file,
      FactoryFileReader reader,
      Optional<Set<String>> profiles)
      throws IOException, SQLException {
    MessageDigest digest = ContentHash.newDigest();
    Connection connection = h.getConnection();
    long rows;
    try (InputStream in =
        new CheckedText(
            new DigestInputStream(new BufferedInputStream(Files.newInputStream(file)), digest))) {
      if (reader.rows() == FactoryFileReader.Rows.UNITS) {
        try (UnitSinkCloser sink = new UnitSinkCloser(newSink(connection, account, sha256))) {
          rows =
              reader.read(
                  in,
                  new UnitsOnly() {
                    @Override
                    public void unit(int line, Map<String, String> fields, StationIdentity station)
                        throws IOException {
                      checkProfile(line, fields, profiles);
                      try {
                        sink.sink().add(line, fields, station);
                      } catch (SQLException e) {
                        throw new SqlFailure(e);
                      }
                    }
                  });
          sink.sink().finish();
        }
      } else {
        rows = loadMeasurements(connection, in, reader, sha256, account);
      }
      // Read to the end, so the hash covers every byte.
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (FactoryFileLineException e) {
      throw new Rejection(e.getMessage());
    } catch (SqlFailure e) {
      throw e.getCause();
    }
    String read = HexFormat.of().formatHex(digest.digest());
    if (!read.equals(sha256)) {
      throw new Rejection(
          "the file changed on the server after it was received (it is not the content that"
              + " arrived); send it again under a new name");
    }
    return rows;
  }

  private UnitSink newSink(Connection connection, String account, String sha256)
      throws SQLException {
    return copy
        ? new CopyUnitSink(connection, account, sha256)
        : new BatchUnitSink(connection, account, sha256);
  }

  private static void checkProfile(
      int line, Map<String, String> fields, Optional<Set<String>> profiles) {
    String profile = fields.get(UnitSink.PROFILE_VERSION);
    if (profile != null && profiles.isPresent() && !profiles.get().contains(profile)) {
      throw new FactoryFileLineException(
          line,
          UnitSink.PROFILE_VERSION,
          "profile version '"
              + profile
              + "' is not a known release (known: "
              + String.join(", ", new TreeSet<>(profiles.get()))
              + "); program the unit with a released profile, or add the version to"
              + " profile-versions.txt if it is a new release");
    }
  }

  /** Measurements of registered units, each kept with its quantity for the cross-check. */
  private long loadMeasurements(
      Connection connection,
      InputStream in,
      FactoryFileReader reader,
      String sha256,
      String account)
      throws IOException, SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO rssi_results (file_sha256, line, kind, rssi, device_id, association_id,"
                + " station_id, account) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      int[] pending = {0};
      long rows =
          reader.read(
              in,
              new FactoryRowHandler() {
                @Override
                public void unit(int line, Map<String, String> fields, StationIdentity station) {
                  throw new IllegalStateException("a unit row in a file of measurements");
                }

                @Override
                public void measurement(
                    int line,
                    String quantity,
                    double value,
                    Map<String, String> identifiers,
                    StationIdentity station) {
                  try {
                    insert.setString(1, sha256);
                    insert.setLong(2, line);
                    insert.setString(3, quantity);
                    insert.setInt(4, (int) Math.round(value));
                    insert.setString(5, identifier(line, identifiers, Identifier.DEVICE_ID));
                    insert.setString(6, identifier(line, identifiers, Identifier.ASSOCIATION_ID));
                    insert.setString(7, station.stationId());
                    insert.setString(8, account);
                    insert.addBatch();
                    if (++pending[0] == BatchUnitSink.BATCH) {
                      insert.executeBatch();
                      pending[0] = 0;
                    }
                  } catch (SQLException e) {
                    throw new SqlFailure(e);
                  }
                }
              });
      if (pending[0] > 0) {
        insert.executeBatch();
      }
      return rows;
    }
  }

  /** An identifier a measurement is matched to its unit by. */
  private static String identifier(int line, Map<String, String> identifiers, String kind) {
    String value = identifiers.get(kind);
    if (value == null || value.isBlank()) {
      throw new FactoryFileLineException(
          line,
          kind,
          "the measurement names no "
              + kind
              + "; the back office matches measurements to registered units by "
              + Identifier.DEVICE_ID
              + " and "
              + Identifier.ASSOCIATION_ID);
    }
    return value;
  }

  private static void flagMeasurements(Handle h, String sha256) {
    h.createUpdate(
            "UPDATE rssi_results SET flag = 'no programming row has this device_id' WHERE"
                + " file_sha256 = ? AND NOT EXISTS (SELECT 1 FROM registered_units u WHERE"
                + " u.device_id = rssi_results.device_id)")
        .bind(0, sha256)
        .execute();
    h.createUpdate(
            "UPDATE rssi_results SET flag = 'association_id differs from the programming row'"
                + " WHERE file_sha256 = ? AND EXISTS (SELECT 1 FROM registered_units u WHERE"
                + " u.device_id = rssi_results.device_id AND u.association_id <>"
                + " rssi_results.association_id)")
        .bind(0, sha256)
        .execute();
  }

  private void release(String sha256) {
    try {
      db.writeJdbi()
          .useHandle(
              h ->
                  h.createUpdate(
                          "UPDATE ingest_files SET state = ?, claimed_by = NULL, claimed_at = NULL"
                              + " WHERE sha256 = ? AND claimed_by = ? AND state = ?")
                      .bind(0, FileStates.NEW)
                      .bind(1, sha256)
                      .bind(2, worker)
                      .bind(3, FileStates.INGESTING)
                      .execute());
    } catch (RuntimeException e) {
      LOG.warn("Could not give back the claim of {}: {}", sha256, e.toString());
    }
  }

  private IngestOutcome reject(String sha256, String factory, String name, String reason) {
    LOG.warn("Rejected {} of factory {}: {}", name, factory, reason);
    db.writeJdbi()
        .useTransaction(
            h ->
                h.createUpdate(
                        "UPDATE ingest_files SET state = ?, reason = ?, finished_at = ?"
                            + " WHERE sha256 = ? AND claimed_by = ?")
                    .bind(0, FileStates.REJECTED)
                    .bind(1, reason)
                    .bind(2, clock.millis())
                    .bind(3, sha256)
                    .bind(4, worker)
                    .execute());
    return new IngestOutcome(sha256, factory, name, FileStates.REJECTED, 0, reason);
  }

  /** Moves an ingested file to completed/ or rejected/ (with its reason) and notes where. */
  private void moveAway(String sha256, Path file, String state, String reason) {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Path folder =
        file.getParent()
            .resolveSibling(
                state.equals(FileStates.COMPLETED) ? DataFolder.COMPLETED : DataFolder.REJECTED);
    try {
      Path moved =
          moveTo(
              file,
              folder,
              state.equals(FileStates.REJECTED)
                  ? file.getFileName() + ": " + reason + System.lineSeparator()
                  : null);
      db.writeJdbi()
          .useHandle(
              h ->
                  h.createUpdate("UPDATE ingest_files SET moved_to = ? WHERE sha256 = ?")
                      .bind(0, data.factories().relativize(moved).toString())
                      .bind(1, sha256)
                      .execute());
    } catch (IOException e) {
      LOG.warn("Could not move {} to {}: {}", file, folder, e.toString());
    }
  }

  /**
   * Moves a file into a folder, under its name or, when that is taken, a numbered one; with a
   * reason, {@code <name>.reason.txt} is complete beside it before the file itself appears.
   */
  private static Path moveTo(Path file, Path folder, String reason) throws IOException {
    Files.createDirectories(folder);
    String name = file.getFileName().toString();
    for (int n = 1; ; n++) {
      Path target = folder.resolve(n == 1 ? name : name + "." + n);
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      if (reason != null) {
        Path written =
            Files.writeString(folder.resolve("." + target.getFileName() + ".reason"), reason);
        Files.move(
            written,
            folder.resolve(target.getFileName() + ".reason.txt"),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      }
      try {
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // taken meanwhile; try the next number
      }
    }
  }

  private static String receiptId(String sha256, String factory, String name, long receivedAt) {
    MessageDigest digest = ContentHash.newDigest();
    digest.update(
        (sha256 + "\n" + factory + "\n" + name + "\n" + receivedAt)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest.digest());
  }

  static SQLException sqlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }

  private static boolean isUniqueViolation(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if ("23505".equals(s.getSQLState())) {
        return true;
      }
      String message = String.valueOf(s.getMessage());
      if (message.contains("SQLITE_CONSTRAINT_UNIQUE")
          || message.contains("SQLITE_CONSTRAINT_PRIMARYKEY")) {
        return true;
      }
    }
    return false;
  }

  /** A handler for files of units, which hold no measurements. */
  private interface UnitsOnly extends FactoryRowHandler {
    @Override
    default void measurement(
        int line,
        String quantity,
        double value,
        Map<String, String> identifiers,
        StationIdentity station) {
      throw new IllegalStateException("a measurement in a file of units");
    }
  }

  /** A file refused as a whole; the message is the reason the factory reads. */
  private static final class Rejection extends RuntimeException {
    Rejection(String reason) {
      super(reason, null, false, false);
    }
  }

  /** Carries a database failure out of a row handler. */
  private static final class SqlFailure extends RuntimeException {
    SqlFailure(SQLException cause) {
      super(cause);
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }

  /** Closes a sink whichever kind it is. */
  private record UnitSinkCloser(UnitSink sink) implements AutoCloseable {
    @Override
    public void close() throws SQLException {
      if (sink instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (SQLException | RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  /** Settings of an ingester. */
  public static final class Builder {
    private final ServiceDatabase db;
    private final DataFolder data;
    private String worker = "ingest-" + ProcessHandle.current().pid();
    private Clock clock = Clock.systemUTC();
    private Duration settle = Duration.ofSeconds(2);
    private Duration lease = Duration.ofMinutes(30);
    private Predicate<Path> busy = path -> false;
    private boolean copy = true;
    private Consumer<IngestOutcome> outcomes = outcome -> {};
    private CfxOutbox cfx;
    private Retries retries = Retries.DEFAULT;

    private Builder(ServiceDatabase db, DataFolder data) {
      this.db = requireNonNull(db, "db");
      this.data = requireNonNull(data, "data");
    }

    /** This ingester's name in {@code claimed_by}; unique among processes sharing a database. */
    public Builder worker(String worker) {
      this.worker = requireNonNull(worker, "worker");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long a file must be left unchanged before it is taken (default 2 s), for clients that
     * write under the final name rather than renaming when done.
     */
    public Builder settle(Duration settle) {
      this.settle = requireNonNull(settle, "settle");
      return this;
    }

    /** After how long a claim of a process that stopped may be taken over (default 30 min). */
    public Builder lease(Duration lease) {
      this.lease = requireNonNull(lease, "lease");
      return this;
    }

    /** Files a client still has open for writing; they are left for a later pass. */
    public Builder busy(Predicate<Path> busy) {
      this.busy = requireNonNull(busy, "busy");
      return this;
    }

    /**
     * Publish each units file taken in as CFX WorkStarted and WorkCompleted through this outbox;
     * null (the default) for none.
     */
    public Builder cfx(CfxOutbox cfx) {
      this.cfx = cfx;
      return this;
    }

    /** On PostgreSQL, load programming files with COPY (default) rather than batched INSERTs. */
    public Builder copy(boolean copy) {
      this.copy = copy;
      return this;
    }

    /**
     * Hears what became of every file, as it is decided (for metrics); runs on the ingesting
     * thread.
     */
    public Builder outcomes(Consumer<IngestOutcome> outcomes) {
      this.outcomes = requireNonNull(outcomes, "outcomes");
      return this;
    }

    /**
     * How a file that failed for no fault of its own is tried again (default {@link
     * Retries#DEFAULT}).
     */
    public Builder retries(Retries retries) {
      this.retries = requireNonNull(retries, "retries");
      return this;
    }

    public Ingester build() {
      return new Ingester(this);
    }
  }
}
