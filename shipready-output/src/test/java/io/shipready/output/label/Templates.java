package io.shipready.output.label;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.Consumer;

/** Bundled templates changed key by key, for tests of one setting at a time. */
final class Templates {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Templates() {}

  static ObjectNode tree(Bundled bundled) {
    try {
      return (ObjectNode) JSON.readTree(Files.readString(bundled.path()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bundled template with one change, as JSON text. */
  static String edited(Bundled bundled, Consumer<ObjectNode> change) {
    ObjectNode root = tree(bundled);
    change.accept(root);
    return root.toString();
  }

  static ObjectNode at(ObjectNode root, String path) {
    JsonNode node = root;
    for (String part : path.split("\\.")) {
      node = node.get(part);
    }
    return (ObjectNode) node;
  }

  static LabelTemplate parse(Bundled bundled, Consumer<ObjectNode> change) {
    return LabelTemplate.parse(edited(bundled, change), bundled.file);
  }
}
