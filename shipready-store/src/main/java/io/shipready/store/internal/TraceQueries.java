package io.shipready.store.internal;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.Identifier;
import io.shipready.core.model.Secrets;
import io.shipready.store.AmbiguousIdentifierException;
import io.shipready.store.ProvisioningOperation;
import io.shipready.store.StationPackage;
import io.shipready.store.UnitTrace;
import io.shipready.store.UnknownIdentifierException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Finds a unit by any identifier and reads its whole history. */
public final class TraceQueries {
  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]*");

  private record Hit(String kind, long unitId) {}

  private record RunRow(long key, UnitTrace.Run header) {}

  private final Jdbi jdbi;

  public TraceQueries(Jdbi jdbi) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
  }

  public UnitTrace trace(String query) {
    requireNonNull(query, "identifier");
    String value = query.trim();
    if (value.isEmpty()) {
      throw new UnknownIdentifierException(query);
    }
    return jdbi.withHandle(
        handle -> {
          List<Hit> hits = hits(handle, value);
          UnitTrace.Match match;
          if (hits.isEmpty() && value.indexOf('=') > 0) {
            // kind=value names the kind, for a value two kinds share
            String kind = value.substring(0, value.indexOf('='));
            String bare = value.substring(value.indexOf('=') + 1);
            if (KIND.matcher(kind).matches()) {
              hits = hits(handle, bare).stream().filter(hit -> hit.kind().equals(kind)).toList();
            }
            match = new UnitTrace.Match(kind, bare);
          } else {
            match = null;
          }
          Set<Long> units = new LinkedHashSet<>();
          hits.forEach(hit -> units.add(hit.unitId()));
          if (units.isEmpty()) {
            throw new UnknownIdentifierException(value);
          }
          if (units.size() > 1) {
            List<AmbiguousIdentifierException.Candidate> candidates = new ArrayList<>();
            for (Hit hit : new LinkedHashSet<>(hits)) {
              candidates.add(
                  new AmbiguousIdentifierException.Candidate(
                      hit.kind(), hit.unitId(), unitName(handle, hit.unitId())));
            }
            throw new AmbiguousIdentifierException(value, candidates);
          }
          if (match == null) {
            match = new UnitTrace.Match(hits.get(0).kind(), value);
          }
          return load(handle, value, match, units.iterator().next());
        });
  }

  private static List<Hit> hits(Handle handle, String value) {
    List<Hit> hits =
        handle
            .createQuery(
                "SELECT kind, unit_id FROM unit_identifiers WHERE value = :value"
                    + " UNION ALL SELECT 'component', r.unit_id FROM components c"
                    + " JOIN runs r ON r.id = c.run_key"
                    + " WHERE c.barcode = :value AND r.unit_id IS NOT NULL")
            .bind("value", value)
            .map((rs, ctx) -> new Hit(rs.getString("kind"), rs.getLong("unit_id")))
            .list();
    return List.copyOf(new LinkedHashSet<>(hits));
  }

  /** The unit's best name: its serial, else its device id, else its first identifier. */
  static String unitName(Handle handle, long unitId) {
    return bestName(
        handle
            .createQuery(
                "SELECT kind, value FROM unit_identifiers WHERE unit_id = :unit"
                    + " ORDER BY first_seen, kind")
            .bind("unit", unitId)
            .map((rs, ctx) -> new Identifier(rs.getString("kind"), rs.getString("value")))
            .list(),
        unitId);
  }

  static String bestName(Collection<Identifier> identifiers, long unitId) {
    for (String kind : List.of(Identifier.SERIAL, Identifier.DEVICE_ID)) {
      for (Identifier id : identifiers) {
        if (id.kind().equals(kind)) {
          return id.value();
        }
      }
    }
    return identifiers.isEmpty() ? "#" + unitId : identifiers.iterator().next().value();
  }

  private static UnitTrace load(Handle handle, String query, UnitTrace.Match match, long unitId) {
    // The identities, and (the same on every row) whether the later sections hold anything for
    // the unit: most hold nothing, and asking here saves a round trip per section.
    record IdentityRow(UnitTrace.Identity identity, Sections sections) {}
    List<IdentityRow> identityRows =
        handle
            .createQuery(
                "SELECT i.kind, i.value, i.first_seen, r.run_id,"
                    + " CASE WHEN i.duplicate <> 0 OR EXISTS (SELECT 1 FROM unit_identifiers o"
                    + " WHERE o.kind = i.kind AND o.value = i.value AND o.duplicate <> 0)"
                    + " THEN 1 ELSE 0 END AS shared,"
                    + " (SELECT COUNT(*) FROM labels_printed WHERE unit_id = :unit) + (SELECT COUNT(*)"
                    + " FROM label_reprints WHERE unit_id = :unit) AS labels,"
                    + " (SELECT COUNT(*) FROM factory_file_rows WHERE unit_id = :unit) AS file_rows,"
                    + " (SELECT COUNT(*) FROM provisioning_operations WHERE unit_id = :unit)"
                    + " AS provisioning"
                    + " FROM unit_identifiers i LEFT JOIN runs r ON r.id = i.run_key"
                    + " WHERE i.unit_id = :unit ORDER BY i.first_seen, i.kind, i.value")
            .bind("unit", unitId)
            .map(
                (rs, ctx) ->
                    new IdentityRow(
                        new UnitTrace.Identity(
                            rs.getString("kind"),
                            // The record keeps a secret the recipe asked for; a trace never shows
                            // it.
                            Secrets.shown(rs.getString("kind"), rs.getString("value")),
                            Rows.instant(rs, "first_seen"),
                            rs.getString("run_id"),
                            rs.getInt("shared") != 0),
                        new Sections(
                            rs.getLong("labels") > 0,
                            rs.getLong("file_rows") > 0,
                            rs.getLong("provisioning") > 0)))
            .list();
    List<UnitTrace.Identity> identities = identityRows.stream().map(IdentityRow::identity).toList();
    Sections sections =
        identityRows.isEmpty() ? sections(handle, unitId) : identityRows.get(0).sections();
    List<RunRow> runRows =
        handle
            .createQuery(
                "SELECT r.*, s.computer_name, "
                    + PACKAGE_COLUMNS
                    + " FROM runs r"
                    + " JOIN stations s ON s.station_id = r.station_id"
                    + PACKAGE_JOIN
                    + " WHERE r.unit_id = :unit ORDER BY r.started_at, r.id")
            .bind("unit", unitId)
            .map((rs, ctx) -> new RunRow(rs.getLong("id"), runHeader(rs)))
            .list();
    Map<Long, String> runIds = new LinkedHashMap<>();
    runRows.forEach(row -> runIds.put(row.key(), row.header().runId()));
    RunDetails details = RunDetails.load(handle, runIds.keySet(), runIds, true);
    List<UnitTrace.Run> runs = new ArrayList<>();
    List<UnitTrace.Component> components = new ArrayList<>();
    for (RunRow row : runRows) {
      runs.add(withDetails(row.header(), details, row.key()));
      components.addAll(details.components(row.key()));
    }
    List<String> names = identities.stream().map(UnitTrace.Identity::value).distinct().toList();
    List<UnitTrace.BuiltInto> builtInto =
        names.isEmpty()
            ? List.of()
            : handle
                .createQuery(
                    "SELECT c.barcode, c.position, r.unit_id, r.run_id, c.linked_at"
                        + " FROM components c JOIN runs r ON r.id = c.run_key"
                        + " WHERE c.barcode IN (<names>) AND r.unit_id <> :unit"
                        + " ORDER BY c.linked_at")
                .bindList("names", names)
                .bind("unit", unitId)
                .map(
                    (rs, ctx) ->
                        new UnitTrace.BuiltInto(
                            rs.getString("barcode"),
                            rs.getString("position"),
                            rs.getLong("unit_id"),
                            "",
                            rs.getString("run_id"),
                            Rows.instant(rs, "linked_at")))
                .list()
                .stream()
                .map(
                    b ->
                        new UnitTrace.BuiltInto(
                            b.barcode(),
                            b.position(),
                            b.unitId(),
                            unitName(handle, b.unitId()),
                            b.runId(),
                            b.linkedAt()))
                .toList();
    String name =
        bestName(
            identities.stream()
                .filter(id -> !id.alsoCarriedByAnotherUnit())
                .map(id -> new Identifier(id.kind(), id.value()))
                .toList(),
            unitId);
    return new UnitTrace(
        query,
        match,
        unitId,
        name,
        identities,
        new UnitTrace.Genealogy(components, builtInto),
        runs,
        sections.labels() ? labels(handle, unitId) : List.of(),
        sections.factoryFileRows() ? factoryFileRows(handle, unitId) : List.of(),
        sections.factoryFileRows() ? heldRows(handle, unitId) : List.of(),
        sections.factoryFileRows() ? uploads(handle, unitId) : List.of(),
        sections.provisioning() ? provisioning(handle, unitId) : List.of(),
        RouteQueries.events(handle, unitId),
        PackingQueries.packed(handle, unitId));
  }

  /** What {@link #runHeader} reads of the run's station package, with {@link #PACKAGE_JOIN}. */
  static final String PACKAGE_COLUMNS =
      "p.name AS package_name, p.version AS package_version,"
          + " p.manifest_sha256 AS package_sha256, p.signer AS package_signer";

  static final String PACKAGE_JOIN = " LEFT JOIN run_packages p ON p.run_key = r.id";

  static UnitTrace.Run runHeader(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new UnitTrace.Run(
        rs.getString("run_id"),
        rs.getString("station_id"),
        Rows.text(rs, "computer_name"),
        rs.getString("slot"),
        rs.getInt("unit_number"),
        rs.getString("recipe"),
        rs.getString("recipe_version"),
        rs.getString("recipe_sha256"),
        rs.getString("variant"),
        rs.getString("operator"),
        rs.getInt("retest"),
        Rows.instant(rs, "started_at"),
        Rows.instant(rs, "ended_at"),
        Rows.outcome(rs, "outcome"),
        Rows.text(rs, "failed_step"),
        Rows.text(rs, "message"),
        stationPackage(rs),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  static UnitTrace.Run withDetails(UnitTrace.Run header, RunDetails details, long key) {
    return new UnitTrace.Run(
        header.runId(),
        header.stationId(),
        header.computerName(),
        header.slot(),
        header.unitNumber(),
        header.recipe(),
        header.recipeVersion(),
        header.recipeSha256(),
        header.variant(),
        header.operator(),
        header.retest(),
        header.started(),
        header.ended(),
        header.outcome(),
        header.failedStep(),
        header.message(),
        header.stationPackage(),
        details.steps(key),
        details.attributes(key),
        details.images(key),
        details.audit(key));
  }

  private static StationPackage stationPackage(java.sql.ResultSet rs) throws java.sql.SQLException {
    String name = rs.getString("package_name");
    return name == null
        ? null
        : new StationPackage(
            name,
            rs.getString("package_version"),
            rs.getString("package_sha256"),
            rs.getString("package_signer"));
  }

  /** Which of the later sections have anything for the unit (most are empty): one round trip. */
  private record Sections(boolean labels, boolean factoryFileRows, boolean provisioning) {}

  private static Sections sections(Handle handle, long unitId) {
    return handle
        .createQuery(
            "SELECT (SELECT COUNT(*) FROM labels_printed WHERE unit_id = :unit) + (SELECT COUNT(*)"
                + " FROM label_reprints WHERE unit_id = :unit) AS labels,"
                + " (SELECT COUNT(*) FROM factory_file_rows WHERE unit_id = :unit) AS file_rows,"
                + " (SELECT COUNT(*) FROM provisioning_operations WHERE unit_id = :unit)"
                + " AS provisioning")
        .bind("unit", unitId)
        .map(
            (rs, ctx) ->
                new Sections(
                    rs.getLong("labels") > 0,
                    rs.getLong("file_rows") > 0,
                    rs.getLong("provisioning") > 0))
        .one();
  }

  private static List<UnitTrace.LabelPrinted> labels(Handle handle, long unitId) {
    return handle
        .createQuery(
            "SELECT r.run_id, l.template, l.printer, l.copies, l.content_sha256, l.printed_at,"
                + " '' AS reprint, l.voided FROM labels_printed l"
                + " LEFT JOIN runs r ON r.id = l.run_key WHERE l.unit_id = :unit"
                + " UNION ALL SELECT NULL, p.template, p.printer, p.copies, p.content_sha256,"
                + " p.printed_at, p.operator || ': ' || p.reason, p.voided FROM label_reprints p"
                + " WHERE p.unit_id = :unit ORDER BY 6")
        .bind("unit", unitId)
        .map(
            (rs, ctx) ->
                new UnitTrace.LabelPrinted(
                    rs.getString("run_id"),
                    rs.getString("template"),
                    rs.getString("printer"),
                    rs.getInt("copies"),
                    rs.getString("content_sha256"),
                    Rows.instant(rs, "printed_at"),
                    rs.getString("reprint"),
                    rs.getString("voided")))
        .list();
  }

  private static List<UnitTrace.FactoryFileRow> factoryFileRows(Handle handle, long unitId) {
    return handle
        .createQuery(
            "SELECT f.file_name, f.row_number, r.run_id, f.row_text, f.written_at"
                + " FROM factory_file_rows f LEFT JOIN runs r ON r.id = f.run_key"
                + " WHERE f.unit_id = :unit ORDER BY f.written_at, f.file_name, f.row_number")
        .bind("unit", unitId)
        .map(
            (rs, ctx) ->
                new UnitTrace.FactoryFileRow(
                    rs.getString("file_name"),
                    rs.getLong("row_number"),
                    rs.getString("run_id"),
                    rs.getString("row_text"),
                    Rows.instant(rs, "written_at")))
        .list();
  }

  private static List<UnitTrace.HeldRow> heldRows(Handle handle, long unitId) {
    return handle
        .createQuery(
            "SELECT h.file_name, r.run_id, k.run_id AS kept_run_id, h.held_at"
                + " FROM factory_rows_held h JOIN runs r ON r.id = h.run_key"
                + " JOIN runs k ON k.id = h.kept_run_key"
                + " WHERE h.unit_id = :unit ORDER BY h.held_at, h.file_name")
        .bind("unit", unitId)
        .map(
            (rs, ctx) ->
                new UnitTrace.HeldRow(
                    rs.getString("file_name"),
                    rs.getString("run_id"),
                    rs.getString("kept_run_id"),
                    Rows.instant(rs, "held_at")))
        .list();
  }

  private static List<UnitTrace.Upload> uploads(Handle handle, long unitId) {
    return handle
        .createQuery(
            "SELECT u.file_name, u.destination, u.sha256, u.size_bytes, u.outcome, u.message,"
                + " u.attempted_at FROM uploads u WHERE u.file_name IN"
                + " (SELECT f.file_name FROM factory_file_rows f WHERE f.unit_id = :unit)"
                + " ORDER BY u.attempted_at")
        .bind("unit", unitId)
        .map(
            (rs, ctx) ->
                new UnitTrace.Upload(
                    rs.getString("file_name"),
                    rs.getString("destination"),
                    rs.getString("sha256"),
                    rs.getLong("size_bytes"),
                    rs.getString("outcome"),
                    rs.getString("message"),
                    Rows.instant(rs, "attempted_at")))
        .list();
  }

  private static List<ProvisioningOperation> provisioning(Handle handle, long unitId) {
    return provisioningOf(handle, "p.unit_id", List.of(unitId)).stream()
        .map(KeyedOperation::operation)
        .toList();
  }

  /** A provisioning operation with the key of the run it belongs to (null when none). */
  record KeyedOperation(Long runKey, ProvisioningOperation operation) {}

  /**
   * The provisioning operations whose {@code column} ({@code p.unit_id} or {@code p.run_key}) is
   * one of the keys, oldest first.
   */
  static List<KeyedOperation> provisioningOf(Handle handle, String column, List<Long> keys) {
    return handle
        .createQuery(
            "SELECT p.*, r.run_id FROM provisioning_operations p"
                + " LEFT JOIN runs r ON r.id = p.run_key WHERE "
                + column
                + " IN (<keys>) ORDER BY p.at, p.operation")
        .bindList("keys", keys)
        .map(
            (rs, ctx) ->
                new KeyedOperation(
                    Rows.nullableLong(rs, "run_key"),
                    new ProvisioningOperation(
                        Rows.instant(rs, "at"),
                        rs.getString("operation"),
                        rs.getString("run_id"),
                        rs.getString("product"),
                        rs.getString("target"),
                        rs.getString("result"),
                        rs.getInt("status"),
                        rs.getString("message"),
                        rs.getString("api"),
                        rs.getString("queue_file"),
                        rs.getInt("queue_line"))))
        .list();
  }
}
