package io.shipready.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.model.Identifier;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packing records, whatever the engine: a carton is recorded with its shipment and units in one
 * transaction, a unit is packed once, the shipment's units come back carton by carton with their
 * identifiers, and the trace shows where a unit is packed.
 */
abstract class ShipmentsContract {
  private static final Duration WAIT = Duration.ofSeconds(30);

  abstract String url();

  void assumeAvailable() {}

  private Store store;
  private String tag;
  private final long[] units = new long[3];

  @BeforeEach
  void record() throws Exception {
    assumeAvailable();
    store = Store.open(url());
    tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    try (RecordWriter writer =
        store.openWriter(new StationInfo("pack-" + tag, "PC-1", "alice", Map.of()))) {
      for (int i = 0; i < units.length; i++) {
        RunScript run =
            new RunScript(writer, "1", i + 1)
                .identified(
                    new Identifier(Identifier.SERIAL, serial(i)),
                    new Identifier(Identifier.DEVICE_ID, "d" + tag.toLowerCase() + i),
                    new Identifier(Identifier.MOBILE_SECRET, "M" + tag + i))
                .step("identify", "identify")
                .pass();
        assertThat(writer.awaitDurable(run.runId(), WAIT)).isTrue();
      }
    }
    for (int i = 0; i < units.length; i++) {
      units[i] = store.trace(serial(i)).unitId();
    }
  }

  private String serial(int i) {
    return "SN-" + tag + "-" + i;
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private PackedCarton carton(String shipment, int number, Instant at, long... unitIds) {
    return new PackedCarton(
        shipment,
        "line-a",
        number,
        shipment + "-C00" + number,
        shipment + "-P01",
        at,
        "ana",
        "folder labels",
        "ab12",
        java.util.Arrays.stream(unitIds)
            .mapToObj(id -> new PackedCarton.Unit(id, "scan" + id, "programming recipe 1.0"))
            .toList());
  }

  @Test
  void aCartonIsRecordedWithItsShipmentAndUnitsAndTheTraceShowsIt() {
    Shipments shipments = store.shipments();
    String shipment = "S" + tag;
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    assertThat(shipments.shipment(shipment)).isEmpty();
    assertThat(shipments.cartons(shipment)).isZero();

    shipments.record(carton(shipment, 1, at, units[1], units[0]));
    shipments.record(carton(shipment, 2, at.plusSeconds(1), units[2]));

    assertThat(shipments.shipment(shipment))
        .hasValueSatisfying(
            s -> {
              assertThat(s.line()).isEqualTo("line-a");
              assertThat(s.createdBy()).isEqualTo("ana");
              assertThat(s.createdAt()).isEqualTo(at);
            });
    assertThat(shipments.cartons(shipment)).isEqualTo(2);
    List<Shipments.ShippedUnit> shipped = shipments.units(shipment);
    assertThat(shipped)
        .extracting(Shipments.ShippedUnit::carton, Shipments.ShippedUnit::name)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(shipment + "-C001", serial(1)),
            org.assertj.core.api.Assertions.tuple(shipment + "-C001", serial(0)),
            org.assertj.core.api.Assertions.tuple(shipment + "-C002", serial(2)));
    // The mobile secret stays out of the manifest.
    assertThat(shipped.get(0).identifiers())
        .extracting(Identifier::kind)
        .containsExactlyInAnyOrder(Identifier.SERIAL, Identifier.DEVICE_ID);
    assertThat(shipped.get(0).versions()).isEqualTo("programming recipe 1.0");
    assertThat(shipped.get(0).packedAt()).isEqualTo(at);

    assertThat(shipments.packed(units[2]))
        .hasValueSatisfying(p -> assertThat(p.carton()).isEqualTo(shipment + "-C002"));
    UnitTrace trace = store.trace(serial(0));
    assertThat(trace.packing())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.shipment()).isEqualTo(shipment);
              assertThat(p.pallet()).isEqualTo(shipment + "-P01");
              assertThat(p.packedBy()).isEqualTo("ana");
            });
    assertThat(TraceText.render(trace))
        .contains(
            "Packing\n  shipment " + shipment + " (line line-a), carton " + shipment + "-C001");
  }

  @Test
  void aUnitIsPackedOnceAndAFailedCartonLeavesNothing() {
    Shipments shipments = store.shipments();
    String shipment = "S" + tag;
    Instant at = Instant.now();
    shipments.record(carton(shipment, 1, at, units[0]));
    // The second carton holds a unit already packed: none of it is recorded.
    assertThatThrownBy(() -> shipments.record(carton(shipment, 2, at, units[1], units[0])))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("record carton " + shipment + "-C002");
    assertThat(shipments.cartons(shipment)).isEqualTo(1);
    assertThat(shipments.packed(units[1])).isEmpty();
    assertThat(TraceText.render(store.trace(serial(1)))).contains("Packing\n  (not packed)");
  }
}
