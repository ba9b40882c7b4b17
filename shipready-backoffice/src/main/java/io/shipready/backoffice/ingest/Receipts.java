package io.shipready.backoffice.ingest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.shipready.backoffice.DataFolder;
import io.shipready.store.ServiceDatabase;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily receipt: every file a factory's folder received on a day (UTC), with what became of it.
 * Served over HTTP and written as {@code receipts/<factory>/<yyyy-mm-dd>.json} each time it
 * changes.
 */
public final class Receipts {
  private static final Logger LOG = LoggerFactory.getLogger(Receipts.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ServiceDatabase db;
  private final DataFolder data;

  public Receipts(ServiceDatabase db, DataFolder data) {
    this.db = requireNonNull(db, "db");
    this.data = requireNonNull(data, "data");
  }

  /**
   * One file on a receipt.
   *
   * @param state {@code new}, {@code ingesting}, {@code completed}, {@code rejected} or {@code
   *     duplicate}
   * @param fileType {@code 01}, {@code 02} or {@code 03} once read; null before
   * @param rows unit rows taken in (null until completed)
   * @param flagged RSSI rows that do not match a registered unit
   * @param reason why it was rejected, or which file it duplicates
   */
  public record Entry(
      String fileName,
      String receivedAt,
      String sha256,
      String state,
      String fileType,
      Long rows,
      long flagged,
      String reason) {}

  /** The day (UTC) of a moment, as the receipts name it. */
  static String day(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }

  public List<Entry> list(String factory, String day) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT r.file_name, r.received_at, r.sha256, r.duplicate_of, f.state,"
                            + " f.file_type, f.rows_read, f.reason,"
                            + " (SELECT COUNT(*) FROM rssi_results x WHERE x.file_sha256 ="
                            + " r.sha256 AND x.flag IS NOT NULL) AS flagged"
                            + " FROM ingest_receipts r JOIN ingest_files f ON f.sha256 = r.sha256"
                            + " WHERE r.factory = ? AND r.day = ?"
                            + " ORDER BY r.received_at, r.file_name")
                    .bind(0, factory)
                    .bind(1, day)
                    .map(
                        (rs, ctx) -> {
                          String duplicateOf = rs.getString("duplicate_of");
                          long rows = rs.getLong("rows_read");
                          boolean hasRows = !rs.wasNull();
                          return new Entry(
                              rs.getString("file_name"),
                              Instant.ofEpochMilli(rs.getLong("received_at")).toString(),
                              rs.getString("sha256"),
                              duplicateOf != null ? FileStates.DUPLICATE : rs.getString("state"),
                              rs.getString("file_type"),
                              duplicateOf != null || !hasRows ? null : rows,
                              duplicateOf != null ? 0 : rs.getLong("flagged"),
                              duplicateOf != null
                                  ? "same content as " + duplicateOf + ", already received"
                                  : rs.getString("reason"));
                        })
                    .list());
  }

  /** Rewrites the receipt file of a factory and day. */
  public void write(String factory, String day) {
    Path folder = data.receipts(factory);
    Path file = folder.resolve(day + ".json");
    try {
      Map<String, Object> receipt = new LinkedHashMap<>();
      receipt.put("factory", factory);
      receipt.put("day", day);
      receipt.put("files", list(factory, day));
      Files.createDirectories(folder);
      Path temporary = folder.resolve("." + day + ".json.new");
      Files.write(temporary, JSON.writeValueAsBytes(receipt));
      try {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not write the receipt {}: {}", file, e.toString());
    }
  }

  /** Rewrites every receipt that lists the content {@code sha256}. */
  void writeDaysOf(String sha256) {
    List<Map<String, Object>> days =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT DISTINCT factory, day FROM ingest_receipts WHERE sha256 = ?")
                        .bind(0, sha256)
                        .mapToMap()
                        .list());
    for (Map<String, Object> d : days) {
      write((String) d.get("factory"), (String) d.get("day"));
    }
  }
}
