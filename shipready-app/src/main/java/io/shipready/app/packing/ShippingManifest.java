package io.shipready.app.packing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipready.core.model.Identifier;
import io.shipready.store.Shipments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A shipment's manifest, from its packing records: every unit with its carton, pallet, identifiers,
 * line, the recipe and package versions that passed it and when it was packed, as {@code
 * <shipment>.csv} and {@code <shipment>.json}. Each file is written whole beside its place and
 * moved there in one step, so a reader never sees half a manifest.
 */
final class ShippingManifest {
  static final List<String> COLUMNS =
      List.of(
          "shipment",
          "pallet",
          "carton",
          "unit",
          "identifiers",
          "line",
          "versions",
          "packed_at",
          "packed_by");

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ShippingManifest() {}

  /** Writes both files into {@code out}; returns the CSV's and the JSON's paths. */
  static List<Path> write(
      Path out, Shipments.Shipment shipment, String group, List<Shipments.ShippedUnit> units)
      throws IOException {
    Files.createDirectories(out);
    Path csv = out.resolve(shipment.name() + ".csv");
    Path json = out.resolve(shipment.name() + ".json");
    atomically(csv, csv(shipment, units));
    atomically(json, json(shipment, group, units));
    return List.of(csv, json);
  }

  static String csv(Shipments.Shipment shipment, List<Shipments.ShippedUnit> units) {
    StringBuilder text = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
    for (Shipments.ShippedUnit unit : units) {
      text.append(
              List.of(
                      shipment.name(),
                      unit.pallet(),
                      unit.carton(),
                      unit.name(),
                      unit.identifiers().stream()
                          .map(id -> id.kind() + "=" + id.value())
                          .collect(Collectors.joining(" ")),
                      shipment.line(),
                      unit.versions(),
                      unit.packedAt().toString(),
                      unit.packedBy())
                  .stream()
                  .map(ShippingManifest::field)
                  .collect(Collectors.joining(",")))
          .append("\r\n");
    }
    return text.toString();
  }

  static String json(Shipments.Shipment shipment, String group, List<Shipments.ShippedUnit> units)
      throws IOException {
    ObjectNode top = JSON.createObjectNode();
    top.put("shipment", shipment.name());
    top.put("line", shipment.line());
    top.put("group", group);
    top.put("created_at", shipment.createdAt().toString());
    top.put("created_by", shipment.createdBy());
    top.put("units", units.size());
    ArrayNode cartons = top.putArray("cartons");
    Map<String, ArrayNode> byCarton = new LinkedHashMap<>();
    for (Shipments.ShippedUnit unit : units) {
      ArrayNode inCarton =
          byCarton.computeIfAbsent(
              unit.carton(),
              name -> {
                ObjectNode carton = cartons.addObject();
                carton.put("carton", name);
                carton.put("pallet", unit.pallet());
                return carton.putArray("units");
              });
      ObjectNode entry = inCarton.addObject();
      entry.put("unit", unit.name());
      ObjectNode ids = entry.putObject("identifiers");
      for (Identifier id : unit.identifiers()) {
        // Two identifiers of one kind (rare: a second MAC) are both kept, space separated.
        ids.put(
            id.kind(),
            ids.has(id.kind()) ? ids.get(id.kind()).asText() + " " + id.value() : id.value());
      }
      ArrayNode versions = entry.putArray("versions");
      for (String version : unit.versions().split("; ")) {
        if (!version.isBlank()) {
          versions.add(version);
        }
      }
      entry.put("scan", unit.scan());
      entry.put("packed_at", unit.packedAt().toString());
      entry.put("packed_by", unit.packedBy());
    }
    return JSON.writeValueAsString(top) + "\n";
  }

  private static String field(String value) {
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\n")
        || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  private static void atomically(Path target, String content) throws IOException {
    Path temporary = target.resolveSibling("." + target.getFileName() + ".partial");
    Files.writeString(temporary, content, StandardCharsets.UTF_8);
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException notHere) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
