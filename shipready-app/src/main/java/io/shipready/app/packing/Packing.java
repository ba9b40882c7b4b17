package io.shipready.app.packing;

import static java.util.Objects.requireNonNull;

import io.shipready.app.lines.LineProfile.LineStation;
import io.shipready.app.route.LineRoute;
import io.shipready.app.route.RouteActions;
import io.shipready.core.ShipreadyException;
import io.shipready.output.label.LabelLayout;
import io.shipready.output.label.LabelPrinter;
import io.shipready.output.label.LabelTemplate;
import io.shipready.output.label.Labels;
import io.shipready.output.label.PrinterAddress;
import io.shipready.output.label.PrinterException;
import io.shipready.output.label.QrElement;
import io.shipready.output.label.ZplWriter;
import io.shipready.store.AmbiguousIdentifierException;
import io.shipready.store.PackedCarton;
import io.shipready.store.RouteHistory;
import io.shipready.store.Shipments;
import io.shipready.store.Store;
import io.shipready.store.UnitTrace;
import io.shipready.store.UnknownIdentifierException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The packing station: units scanned into cartons, cartons stacked onto pallets, of one shipment.
 * Every scan passes the ship gate first ({@link LineRoute#shipRefusal}: on the line, last run at
 * every station of the line a PASS) and must not be packed already; a refused scan is kept out and
 * said why, the others are packed. Each carton is recorded with its units in one transaction, then
 * its label (a QR code listing its units) goes to the printer; last, the shipment's manifest is
 * written from the records.
 *
 * <pre>{@code
 * PackingResult packed = new Packing(store, LineProfiles.root(null), Clock.systemUTC())
 *     .pack(new PackingOrder("particle-cellular", scans, 10, 40, null, "", null, "ana", out));
 * }</pre>
 */
public final class Packing {
  /** The carton label a line keeps in its {@code labels/} folder. */
  public static final String CARTON_LABEL = "carton-label.json";

  private final Store store;
  private final Path linesRoot;
  private final Clock clock;

  public Packing(Store store, Path linesRoot, Clock clock) {
    this.store = requireNonNull(store, "store");
    this.linesRoot = requireNonNull(linesRoot, "linesRoot");
    this.clock = requireNonNull(clock, "clock");
  }

  private record Accepted(String scan, UnitTrace trace, RouteHistory history) {}

  public PackingResult pack(PackingOrder order) throws IOException {
    requireNonNull(order, "order");
    RouteActions actions = new RouteActions(store, linesRoot, clock);
    LineRoute route = actions.lineOf(null, order.line());
    Path labelFile =
        order.label() != null
            ? order.label()
            : route.line().folder().resolve("labels").resolve(CARTON_LABEL);
    if (!Files.isRegularFile(labelFile)) {
      throw new ShipreadyException(
          "carton label template "
              + labelFile
              + " does not exist; "
              + (order.label() != null
                  ? "check the path given with --label"
                  : "give one with --label TEMPLATE, or add "
                      + CARTON_LABEL
                      + " to the line's labels folder"));
    }
    LabelTemplate template = LabelTemplate.read(labelFile);
    Shipments shipments = store.shipments();
    Optional<Shipments.Shipment> existing =
        order.shipment() == null ? Optional.empty() : shipments.shipment(order.shipment());
    if (existing.isPresent() && !existing.get().line().equals(route.line().name())) {
      throw new ShipreadyException(
          "shipment "
              + order.shipment()
              + " holds units of line "
              + existing.get().line()
              + ", not "
              + route.line().name()
              + "; pack these into a shipment of their own (another --shipment, or none)");
    }

    List<PackingResult.Refusal> refused = new ArrayList<>();
    List<Accepted> accepted = gate(order, route, shipments, refused);
    if (accepted.isEmpty()) {
      return new PackingResult(
          existing.map(Shipments.Shipment::name).orElse(null),
          route.line().name(),
          null,
          List.of(),
          refused,
          List.of(),
          existing.map(s -> shipments.units(s.name()).size()).orElse(0),
          null,
          null);
    }

    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    String shipment =
        order.shipment() != null
            ? order.shipment()
            : freeName(shipments, ShipmentNames.dateAndQuantity(today, accepted.size()));
    int earlierUnits = existing.isPresent() ? shipments.units(shipment).size() : 0;
    LocalDate shipmentDay =
        existing.map(s -> LocalDate.ofInstant(s.createdAt(), clock.getZone())).orElse(today);
    String group = ShipmentNames.dateAndQuantity(shipmentDay, earlierUnits + accepted.size());

    // Every label is laid out before anything is recorded: a unit the template cannot print
    // stops the packing with nothing half done.
    record Planned(
        int number, String name, String pallet, List<Accepted> units, LabelLayout layout) {}
    List<Planned> planned = new ArrayList<>();
    int number = shipments.cartons(shipment);
    for (int from = 0; from < accepted.size(); from += order.cartonSize()) {
      List<Accepted> inCarton =
          accepted.subList(from, Math.min(accepted.size(), from + order.cartonSize()));
      number++;
      String carton = ShipmentNames.carton(shipment, number);
      String pallet = ShipmentNames.pallet(shipment, (number - 1) / order.cartonsPerPallet() + 1);
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("shipment", shipment);
      fields.put("carton", carton);
      fields.put("pallet", pallet);
      fields.put("line", route.line().name());
      fields.put("count", Integer.toString(inCarton.size()));
      fields.put("units", String.join(",", inCarton.stream().map(a -> a.trace().name()).toList()));
      fields.put("group", group);
      fields.put("packed_on", today.toString());
      planned.add(
          new Planned(
              number,
              carton,
              pallet,
              inCarton,
              Labels.layout(template, fields, template.printer().dpi(), 0)));
    }

    LabelPrinter printer =
        PrinterAddress.open(order.printer(), Path.of("").toAbsolutePath(), order.out());
    List<PackingResult.Carton> cartons = new ArrayList<>();
    List<String> unprinted = new ArrayList<>();
    for (Planned carton : planned) {
      String zpl = ZplWriter.write(carton.layout());
      shipments.record(
          new PackedCarton(
              shipment,
              route.line().name(),
              carton.number(),
              carton.name(),
              carton.pallet(),
              now,
              order.by(),
              printer.name(),
              sha256(zpl),
              carton.units().stream()
                  .map(a -> new PackedCarton.Unit(a.trace().unitId(), a.scan(), versions(route, a)))
                  .toList()));
      try {
        printer.print(zpl, carton.name());
      } catch (PrinterException failed) {
        // The carton is recorded; its label is kept so that it can be sent again.
        Path kept = Files.createDirectories(order.out()).resolve(carton.name() + ".zpl");
        Files.writeString(kept, zpl, StandardCharsets.UTF_8);
        unprinted.add(
            "the label of carton "
                + carton.name()
                + " did not print: "
                + failed.getMessage()
                + "; it is kept in "
                + kept
                + ", send it to the printer again");
      }
      cartons.add(
          new PackingResult.Carton(
              carton.name(),
              carton.pallet(),
              carton.units().stream().map(a -> a.trace().name()).toList(),
              carton.layout().qr().map(QrElement::payload).orElse(""),
              printer.name()));
    }

    Shipments.Shipment recorded = shipments.shipment(shipment).orElseThrow();
    List<Shipments.ShippedUnit> units = shipments.units(shipment);
    List<Path> manifest = ShippingManifest.write(order.out(), recorded, group, units);
    return new PackingResult(
        shipment,
        route.line().name(),
        group,
        cartons,
        refused,
        unprinted,
        units.size(),
        manifest.get(0),
        manifest.get(1));
  }

  /** The scans the ship gate lets through, in order; the others go to {@code refused}. */
  private List<Accepted> gate(
      PackingOrder order,
      LineRoute route,
      Shipments shipments,
      List<PackingResult.Refusal> refused) {
    List<Accepted> accepted = new ArrayList<>();
    Map<Long, String> scanned = new HashMap<>();
    for (String raw : order.scans()) {
      String scan = raw.strip();
      if (scan.isEmpty()) {
        continue;
      }
      UnitTrace trace;
      try {
        trace = store.trace(scan);
      } catch (UnknownIdentifierException unknown) {
        refused.add(
            new PackingResult.Refusal(
                scan,
                "no unit in the records "
                    + store.describe()
                    + " carries '"
                    + scan
                    + "'; check the scan (a misread character, the wrong label) or name the"
                    + " line's records with --db"));
        continue;
      } catch (AmbiguousIdentifierException ambiguous) {
        refused.add(new PackingResult.Refusal(scan, ambiguous.getMessage()));
        continue;
      }
      String first = scanned.putIfAbsent(trace.unitId(), scan);
      if (first != null) {
        refused.add(
            new PackingResult.Refusal(
                scan,
                "unit "
                    + trace.name()
                    + " was scanned already in this packing (as '"
                    + first
                    + "'); it is packed once, set this one aside and check its labels"));
        continue;
      }
      Optional<UnitTrace.Packed> packed = shipments.packed(trace.unitId());
      if (packed.isPresent()) {
        UnitTrace.Packed in = packed.get();
        refused.add(
            new PackingResult.Refusal(
                scan,
                "unit "
                    + trace.name()
                    + " is packed already, in carton "
                    + in.carton()
                    + " on pallet "
                    + in.pallet()
                    + " of shipment "
                    + in.shipment()
                    + " ("
                    + in.packedAt()
                    + " by "
                    + in.packedBy()
                    + "); a unit ships once: set this one aside and check its labels"));
        continue;
      }
      RouteHistory history = store.routeHistory(trace.unitId());
      Optional<String> why = route.shipRefusal(history);
      if (why.isPresent()) {
        refused.add(new PackingResult.Refusal(scan, why.get()));
        continue;
      }
      accepted.add(new Accepted(scan, trace, history));
    }
    return accepted;
  }

  /**
   * The versions that passed the unit, per station of its line: the recipe's name and version of
   * its last run there, and the station package it came from.
   */
  private static String versions(LineRoute route, Accepted unit) {
    List<String> versions = new ArrayList<>();
    for (LineStation station : route.line().stations()) {
      List<RouteHistory.Visit> runs = route.countingRuns(unit.history(), station);
      String runId = runs.get(runs.size() - 1).runId();
      unit.trace().runs().stream()
          .filter(r -> r.runId().equals(runId))
          .findFirst()
          .ifPresent(
              run ->
                  versions.add(
                      station.name()
                          + ": "
                          + run.recipe()
                          + " "
                          + run.recipeVersion()
                          + (run.stationPackage() == null
                              ? ""
                              : " (package "
                                  + run.stationPackage().name()
                                  + " "
                                  + run.stationPackage().version()
                                  + ")")));
    }
    return String.join("; ", versions);
  }

  /** The name, or the name with -2, -3... when a shipment already has it. */
  private static String freeName(Shipments shipments, String name) {
    String candidate = name;
    for (int n = 2; shipments.shipment(candidate).isPresent(); n++) {
      candidate = name + "-" + n;
    }
    return candidate;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
