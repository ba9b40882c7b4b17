package io.shipready.output.config;

import io.shipready.core.yaml.YamlInput;
import io.shipready.core.yaml.YamlInputException;
import io.shipready.core.yaml.YamlTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads YAML into a {@link ConfigNode} tree. The file is composed into nodes rather than loaded
 * into maps, so every value keeps its line, and scalars keep the text as written ({@code 1.10} is
 * not turned into 1.1). Nesting depth, aliases and size are held to the limits of every YAML file
 * shipready reads, and tags are refused.
 */
final class YamlConfigSyntax {
  private YamlConfigSyntax() {}

  /**
   * @return the root node; a null scalar for an empty document
   * @throws ConfigSyntaxException when the text is not YAML
   */
  static ConfigNode parse(String sourceName, String text) {
    Optional<Node> root;
    try {
      root = YamlInput.compose(sourceName, text);
    } catch (YamlInputException e) {
      throw new ConfigSyntaxException(
          e.problem(), e.location().line(), e.location().column(), e.fix());
    }
    if (root.isPresent()) {
      for (Node tagged : YamlTags.unknown(root.get())) {
        Mark at = tagged.getStartMark().orElseThrow();
        throw new ConfigSyntaxException(
            YamlTags.problem(tagged), at.getLine() + 1, at.getColumn() + 1, YamlTags.FIX);
      }
    }
    return root.map(YamlConfigSyntax::convert).orElse(new ConfigNode.Scalar(null, 1, 1));
  }

  private static ConfigNode convert(Node node) {
    int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    int column = node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
    if (node instanceof ScalarNode scalar) {
      String text = Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue();
      return new ConfigNode.Scalar(text, line, column);
    }
    if (node instanceof SequenceNode) {
      return new ConfigNode.Sequence(line, column);
    }
    MappingNode mapping = (MappingNode) node;
    List<ConfigNode.Entry> entries = new ArrayList<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node key = tuple.getKeyNode();
      String name = key instanceof ScalarNode scalarKey ? scalarKey.getValue() : "(not a name)";
      ConfigNode keyNode = convert(key);
      entries.add(
          new ConfigNode.Entry(
              name, keyNode.line(), keyNode.column(), convert(tuple.getValueNode())));
    }
    return new ConfigNode.Mapping(entries, line, column);
  }
}
