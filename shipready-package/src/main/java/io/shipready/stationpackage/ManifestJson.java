package io.shipready.stationpackage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code manifest.json}: written once when a package is built and never re-serialized afterwards —
 * the signature and the recorded package hash are over the bytes as written.
 */
final class ManifestJson {
  static final String FILE = "manifest.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ManifestJson() {}

  static byte[] write(Manifest manifest) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", manifest.format());
    root.put("name", manifest.name());
    root.put("version", manifest.version());
    root.put("line", manifest.line());
    root.put("created", manifest.created().toString());
    ArrayNode files = root.putArray("files");
    for (Manifest.Entry entry : manifest.files()) {
      ObjectNode file =
          files
              .addObject()
              .put("path", entry.path())
              .put("role", entry.role().manifestName())
              .put("size", entry.size())
              .put("sha256", entry.sha256());
      if (entry.executable()) {
        file.put("executable", true);
      }
    }
    try {
      return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a manifest, refusing anything it does not understand.
   *
   * @param source names the manifest in messages
   */
  static Manifest read(String source, byte[] bytes) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (java.io.IOException e) {
      throw new PackageException(source + ": not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new PackageException(source + ": expected a JSON object");
    }
    int format = root.path("format").asInt(-1);
    if (format != Manifest.FORMAT) {
      throw new PackageException(
          source
              + ": format "
              + root.path("format")
              + " is not one this shipready reads ("
              + Manifest.FORMAT
              + "); use the shipready version the package was built with or newer");
    }
    Instant created;
    try {
      created = Instant.parse(text(source, root, "created"));
    } catch (DateTimeParseException e) {
      throw new PackageException(source + ": created is not an ISO-8601 instant");
    }
    JsonNode files = root.get("files");
    if (files == null || !files.isArray()) {
      throw new PackageException(source + ": files must be a list");
    }
    List<Manifest.Entry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode file : files) {
      String path = text(source, file, "path");
      String where = source + ": file " + path;
      PackagePaths.check(path, where);
      if (!seen.add(path)) {
        throw new PackageException(where + " is listed twice");
      }
      FileRole role = FileRole.fromManifestName(text(source, file, "role"));
      if (role == null) {
        throw new PackageException(where + ": unknown role " + file.get("role"));
      }
      JsonNode size = file.get("size");
      if (size == null || !size.canConvertToLong() || size.asLong() < 0) {
        throw new PackageException(where + ": size must be a whole number of bytes");
      }
      String sha256 = text(source, file, "sha256");
      if (!sha256.matches("[0-9a-f]{64}")) {
        throw new PackageException(where + ": sha256 must be 64 lower-case hex digits");
      }
      JsonNode executable = file.get("executable");
      if (executable != null && !executable.isBoolean()) {
        throw new PackageException(where + ": executable must be true or false");
      }
      entries.add(
          new Manifest.Entry(
              path, role, size.asLong(), sha256, executable != null && executable.asBoolean()));
    }
    return new Manifest(
        format,
        text(source, root, "name"),
        text(source, root, "version"),
        text(source, root, "line"),
        created,
        entries);
  }

  private static String text(String source, JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new PackageException(source + ": " + field + " is missing or not text");
    }
    return value.asText();
  }
}
