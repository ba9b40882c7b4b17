package io.shipready.core.recipe;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * How recipes are read as YAML. Recipes are composed into a node tree rather than loaded into maps
 * so that every value keeps the line and column it was written at.
 */
final class YamlDocument {
  private static final LoadSettings FOR_VALUES = settings("recipe");

  private YamlDocument() {}

  /**
   * The YAML 1.2 core schema: {@code true}/{@code True}, {@code ~} and {@code null} mean what
   * authors expect, while {@code yes} and {@code no} stay text, unlike YAML 1.1.
   */
  private static LoadSettings settings(String sourceName) {
    return LoadSettings.builder().setLabel(sourceName).setSchema(new CoreSchema()).build();
  }

  /**
   * The document's root node, or empty for an empty document.
   *
   * @throws org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException on a syntax error
   */
  static Optional<Node> compose(String sourceName, String text) {
    return new Compose(settings(sourceName)).composeString(text);
  }

  /**
   * The plain Java value of a node: String, Integer/Long/BigInteger, Double, Boolean, List, Map.
   *
   * @throws org.snakeyaml.engine.v2.exceptions.YamlEngineException for what has no plain value (an
   *     unknown tag, a duplicate key)
   */
  static Object toJava(Node node) {
    return new StandardConstructor(FOR_VALUES).constructSingleDocument(Optional.of(node));
  }
}
