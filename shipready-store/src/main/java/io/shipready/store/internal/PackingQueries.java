package io.shipready.store.internal;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.Identifier;
import io.shipready.store.PackedCarton;
import io.shipready.store.Shipments;
import io.shipready.store.UnitTrace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Reads and writes the packing records: shipments, cartons and packed units. */
public final class PackingQueries {
  private final Jdbi read;
  private final Jdbi write;

  public PackingQueries(Jdbi read, Jdbi write) {
    this.read = requireNonNull(read, "read");
    this.write = requireNonNull(write, "write");
  }

  public Optional<Shipments.Shipment> shipment(String name) {
    return read.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT name, line, created_at, created_by FROM shipments WHERE name = :name")
                .bind("name", name)
                .map(
                    (rs, ctx) ->
                        new Shipments.Shipment(
                            rs.getString("name"),
                            rs.getString("line"),
                            Rows.instant(rs, "created_at"),
                            rs.getString("created_by")))
                .findOne());
  }

  public int cartonCount(String shipment) {
    return read.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT COALESCE(MAX(c.number), 0) FROM cartons c"
                        + " JOIN shipments s ON s.id = c.shipment_id WHERE s.name = :name")
                .bind("name", shipment)
                .mapTo(Integer.class)
                .one());
  }

  public List<UnitTrace.Packed> packed(long unitId) {
    return read.withHandle(handle -> packed(handle, unitId));
  }

  /** Where the unit is packed: one entry, or none while it is not. */
  static List<UnitTrace.Packed> packed(Handle handle, long unitId) {
    return handle
        .createQuery(
            "SELECT s.name AS shipment, s.line, c.name AS carton, c.pallet, p.scan, c.packed_at,"
                + " c.packed_by FROM packed_units p JOIN cartons c ON c.id = p.carton_id"
                + " JOIN shipments s ON s.id = c.shipment_id WHERE p.unit_id = :unit")
        .bind("unit", unitId)
        .map(
            (rs, ctx) ->
                new UnitTrace.Packed(
                    rs.getString("shipment"),
                    rs.getString("line"),
                    rs.getString("carton"),
                    rs.getString("pallet"),
                    rs.getString("scan"),
                    Rows.instant(rs, "packed_at"),
                    rs.getString("packed_by")))
        .list();
  }

  public void record(PackedCarton carton) {
    write.useTransaction(
        handle -> {
          Optional<Long> existing = shipmentId(handle, carton.shipment());
          long shipment;
          if (existing.isPresent()) {
            shipment = existing.get();
          } else {
            handle
                .createUpdate(
                    "INSERT INTO shipments (name, line, created_at, created_by)"
                        + " VALUES (:name, :line, :at, :by)")
                .bind("name", carton.shipment())
                .bind("line", carton.line())
                .bind("at", Micros.of(carton.packedAt()))
                .bind("by", carton.packedBy())
                .execute();
            shipment = shipmentId(handle, carton.shipment()).orElseThrow();
          }
          handle
              .createUpdate(
                  "INSERT INTO cartons (shipment_id, number, name, pallet, packed_at, packed_by,"
                      + " label_printer, label_sha256) VALUES (:shipment, :number, :name,"
                      + " :pallet, :at, :by, :printer, :sha)")
              .bind("shipment", shipment)
              .bind("number", carton.number())
              .bind("name", carton.name())
              .bind("pallet", carton.pallet())
              .bind("at", Micros.of(carton.packedAt()))
              .bind("by", carton.packedBy())
              .bind("printer", carton.labelPrinter())
              .bind("sha", carton.labelSha256())
              .execute();
          long cartonId =
              handle
                  .createQuery("SELECT id FROM cartons WHERE name = :name")
                  .bind("name", carton.name())
                  .mapTo(Long.class)
                  .one();
          int position = 0;
          for (PackedCarton.Unit unit : carton.units()) {
            handle
                .createUpdate(
                    "INSERT INTO packed_units (unit_id, carton_id, position, scan, versions)"
                        + " VALUES (:unit, :carton, :position, :scan, :versions)")
                .bind("unit", unit.unitId())
                .bind("carton", cartonId)
                .bind("position", ++position)
                .bind("scan", unit.scan())
                .bind("versions", unit.versions())
                .execute();
          }
        });
  }

  private static Optional<Long> shipmentId(Handle handle, String name) {
    return handle
        .createQuery("SELECT id FROM shipments WHERE name = :name")
        .bind("name", name)
        .mapTo(Long.class)
        .findOne();
  }

  public List<Shipments.ShippedUnit> units(String shipment) {
    return read.withHandle(
        handle -> {
          record Row(
              String carton,
              String pallet,
              long unitId,
              String scan,
              String versions,
              java.time.Instant at,
              String by) {}
          List<Row> rows =
              handle
                  .createQuery(
                      "SELECT c.name AS carton, c.pallet, p.unit_id, p.scan, p.versions,"
                          + " c.packed_at, c.packed_by FROM packed_units p"
                          + " JOIN cartons c ON c.id = p.carton_id"
                          + " JOIN shipments s ON s.id = c.shipment_id"
                          + " WHERE s.name = :name ORDER BY c.number, p.position")
                  .bind("name", shipment)
                  .map(
                      (rs, ctx) ->
                          new Row(
                              rs.getString("carton"),
                              rs.getString("pallet"),
                              rs.getLong("unit_id"),
                              rs.getString("scan"),
                              rs.getString("versions"),
                              Rows.instant(rs, "packed_at"),
                              rs.getString("packed_by")))
                  .list();
          Map<Long, List<Identifier>> identifiers = new LinkedHashMap<>();
          if (!rows.isEmpty()) {
            handle
                .createQuery(
                    "SELECT i.unit_id, i.kind, i.value FROM unit_identifiers i"
                        + " JOIN packed_units p ON p.unit_id = i.unit_id"
                        + " JOIN cartons c ON c.id = p.carton_id"
                        + " JOIN shipments s ON s.id = c.shipment_id"
                        + " WHERE s.name = :name AND i.duplicate = 0"
                        + " ORDER BY i.unit_id, i.first_seen, i.kind, i.value")
                .bind("name", shipment)
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            rs.getLong("unit_id"),
                            new Identifier(rs.getString("kind"), rs.getString("value"))))
                // A manifest travels with the goods and to logistics: a unit's secrets (the
                // mobile secret printed for its owner) stay out of it, as they stay out of CFX.
                .filter(e -> !CfxSecrets.isSecret(e.getValue().kind()))
                .forEach(
                    e ->
                        identifiers
                            .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue()));
          }
          List<Shipments.ShippedUnit> units = new ArrayList<>();
          for (Row row : rows) {
            List<Identifier> ids = identifiers.getOrDefault(row.unitId(), List.of());
            units.add(
                new Shipments.ShippedUnit(
                    row.carton(),
                    row.pallet(),
                    row.unitId(),
                    TraceQueries.bestName(ids, row.unitId()),
                    ids,
                    row.scan(),
                    row.versions(),
                    row.at(),
                    row.by()));
          }
          return units;
        });
  }
}
