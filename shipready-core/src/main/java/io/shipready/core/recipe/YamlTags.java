package io.shipready.core.recipe;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Refuses YAML tags a recipe has no use for ({@code !foo 3}, {@code !!binary ...}): left alone, a
 * tagged value would be read as something other than what was written, or silently as text. Each is
 * reported where it is written, then the node is read as if untagged, so the rest of the recipe is
 * still checked in the same pass.
 */
final class YamlTags {
  private static final Set<Tag> PLAIN =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP);
  private static final ScalarResolver RESOLVER = new CoreSchema().getScalarResolver();

  private YamlTags() {}

  static void refuseUnknown(Node root, Problems problems) {
    visit(root, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static void visit(Node node, Problems problems, Set<Node> seen) {
    if (!seen.add(node)) {
      return; // an alias of a node already visited
    }
    if (!PLAIN.contains(node.getTag())) {
      problems.add(
          node,
          "unknown YAML tag '" + shown(node.getTag()) + "'",
          "remove it: a recipe holds plain values (text, numbers, true/false, lists, mappings);"
              + " quote a value that starts with '!'");
      node.setTag(untagged(node));
    }
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        visit(tuple.getKeyNode(), problems, seen);
        visit(tuple.getValueNode(), problems, seen);
      }
    } else if (node instanceof SequenceNode sequence) {
      for (Node item : sequence.getValue()) {
        visit(item, problems, seen);
      }
    }
  }

  private static Tag untagged(Node node) {
    if (node instanceof ScalarNode scalar) {
      return RESOLVER.resolve(scalar.getValue(), true);
    }
    return node instanceof MappingNode ? Tag.MAP : Tag.SEQ;
  }

  /** {@code !!binary} as written, not the long form the parser keeps. */
  private static String shown(Tag tag) {
    String value = tag.getValue();
    return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
  }
}
