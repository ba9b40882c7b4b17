package io.shipready.store;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.Identifier;
import io.shipready.store.internal.PackingQueries;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

/**
 * The packing records: shipments, their cartons and pallets, and the units packed into them. A unit
 * is packed once; recording a carton is one transaction, committed before {@link #record} returns.
 */
public final class Shipments {
  private final PackingQueries queries;
  private final String where;

  Shipments(PackingQueries queries, String where) {
    this.queries = requireNonNull(queries, "queries");
    this.where = requireNonNull(where, "where");
  }

  /** A shipment as first recorded. */
  public record Shipment(String name, String line, Instant createdAt, String createdBy) {}

  /**
   * A unit of a shipment, for its manifest.
   *
   * @param name the unit's best name for people: its serial, device id, or first identifier
   * @param identifiers every identifier the unit is known by, but its secrets (a mobile secret) and
   *     those another unit also carries
   */
  public record ShippedUnit(
      String carton,
      String pallet,
      long unitId,
      String name,
      List<Identifier> identifiers,
      String scan,
      String versions,
      Instant packedAt,
      String packedBy) {
    public ShippedUnit {
      identifiers = List.copyOf(identifiers);
    }
  }

  /** The shipment of this name, if one was recorded. */
  public Optional<Shipment> shipment(String name) {
    requireNonNull(name, "name");
    return read(() -> queries.shipment(name), "read shipment " + name);
  }

  /** How many cartons the shipment has (0 for a shipment not recorded yet). */
  public int cartons(String shipment) {
    requireNonNull(shipment, "shipment");
    return read(() -> queries.cartonCount(shipment), "count the cartons of shipment " + shipment);
  }

  /** Where the unit is packed, if it is. */
  public Optional<UnitTrace.Packed> packed(long unitId) {
    return read(
        () -> queries.packed(unitId).stream().findFirst(), "read the packing of unit #" + unitId);
  }

  /**
   * Records the carton with its units (and its shipment, when new) in one transaction.
   *
   * @throws StoreException when it cannot, e.g. a unit in it was packed meanwhile by another
   *     station: nothing of the carton is then recorded
   */
  public void record(PackedCarton carton) {
    requireNonNull(carton, "carton");
    read(
        () -> {
          queries.record(carton);
          return null;
        },
        "record carton " + carton.name() + " of shipment " + carton.shipment());
  }

  /** The shipment's units, carton by carton, each in the order packed. */
  public List<ShippedUnit> units(String shipment) {
    requireNonNull(shipment, "shipment");
    return read(() -> queries.units(shipment), "read the units of shipment " + shipment);
  }

  private <T> T read(Supplier<T> work, String what) {
    try {
      return work.get();
    } catch (JdbiException failed) {
      Throwable root = failed;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      throw new StoreException(
          "Cannot " + what + " in the store " + where + ": " + root.getMessage(), failed);
    }
  }
}
