package io.shipready.backoffice.ingest;

import io.shipready.output.config.StationIdentity;
import io.shipready.output.spi.FactoryFileReader;
import io.shipready.output.spi.FactoryRowHandler;
import io.shipready.store.ServiceDatabase;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Says which line of a file of units the database refused, and why: the fast path inserts whole
 * batches and lets the unique keys catch a unit registered twice, so when they do, the file is read
 * again (by the same reader) to name the line, the field and the other registration.
 */
final class ConflictFinder {
  private static final int CHUNK = 500;
  private static final List<String> FIELDS = List.of("device_id", "association_id", "ble_mac");

  private ConflictFinder() {}

  static String describe(
      ServiceDatabase db, Path file, FactoryFileReader reader, RuntimeException e) {
    try {
      Optional<String> found = find(db, file, reader);
      if (found.isPresent()) {
        return found.get();
      }
    } catch (IOException | RuntimeException again) {
      // Fall back to the database's own words below.
    }
    return "a unit in the file is already registered: " + Ingester.sqlCause(e).getMessage();
  }

  private static Optional<String> find(ServiceDatabase db, Path file, FactoryFileReader reader)
      throws IOException {
    List<Map<String, String>> seen = new ArrayList<>();
    for (int i = 0; i < FIELDS.size(); i++) {
      seen.add(new HashMap<>());
    }
    List<Object[]> chunk = new ArrayList<>();
    String[] conflict = {null};
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      reader.read(
          in,
          new FactoryRowHandler() {
            @Override
            public void unit(int line, Map<String, String> fields, StationIdentity station) {
              if (conflict[0] != null) {
                return;
              }
              String[] values = new String[FIELDS.size()];
              for (int i = 0; i < FIELDS.size(); i++) {
                values[i] = fields.getOrDefault(FIELDS.get(i), "");
              }
              for (int i = 0; i < FIELDS.size(); i++) {
                String earlier = seen.get(i).putIfAbsent(values[i], Integer.toString(line));
                if (earlier != null) {
                  conflict[0] =
                      "line "
                          + line
                          + ", field "
                          + FIELDS.get(i)
                          + ": "
                          + values[i]
                          + " is also on line "
                          + earlier
                          + " of this file; a unit is registered once";
                  return;
                }
              }
              chunk.add(new Object[] {line, values});
              if (chunk.size() == CHUNK) {
                conflict[0] = registered(db, chunk);
                chunk.clear();
              }
            }

            @Override
            public void measurement(
                int line,
                String quantity,
                double value,
                Map<String, String> identifiers,
                StationIdentity station) {}
          });
    }
    if (conflict[0] == null && !chunk.isEmpty()) {
      conflict[0] = registered(db, chunk);
    }
    return Optional.ofNullable(conflict[0]);
  }

  /** The first row of the chunk whose identifier another file registered, described. */
  private static String registered(ServiceDatabase db, List<Object[]> chunk) {
    List<String> devices = new ArrayList<>();
    List<String> associations = new ArrayList<>();
    List<String> macs = new ArrayList<>();
    for (Object[] row : chunk) {
      String[] values = (String[]) row[1];
      devices.add(values[0]);
      associations.add(values[1]);
      macs.add(values[2]);
    }
    List<Map<String, Object>> found =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT u.device_id, u.association_id, u.ble_mac, u.file_line,"
                                + " f.factory, f.file_name FROM registered_units u"
                                + " JOIN ingest_files f ON f.sha256 = u.file_sha256"
                                + " WHERE u.device_id IN (<d>) OR u.association_id IN (<a>)"
                                + " OR u.ble_mac IN (<m>)")
                        .bindList("d", devices)
                        .bindList("a", associations)
                        .bindList("m", macs)
                        .mapToMap()
                        .list());
    if (found.isEmpty()) {
      return null;
    }
    for (Object[] row : chunk) {
      String[] values = (String[]) row[1];
      for (Map<String, Object> unit : found) {
        for (int i = 0; i < FIELDS.size(); i++) {
          if (values[i].equals(unit.get(FIELDS.get(i)))) {
            return "line "
                + row[0]
                + ", field "
                + FIELDS.get(i)
                + ": "
                + values[i]
                + " is already registered by "
                + unit.get("factory")
                + "/"
                + unit.get("file_name")
                + " line "
                + unit.get("file_line")
                + "; a unit is registered once";
          }
        }
      }
    }
    return null;
  }
}
