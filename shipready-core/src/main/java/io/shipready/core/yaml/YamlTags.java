package io.shipready.core.yaml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
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
 * YAML tags shipready's files have no use for ({@code !foo 3}, {@code !!binary ...}): left alone, a
 * tagged value would be read as something other than what was written, or silently as text.
 */
public final class YamlTags {
  /** Why a tag is refused and what to do, for every reader's message. */
  public static final String FIX =
      "remove it: the file holds plain values (text, numbers, true/false, lists, mappings);"
          + " quote a value that starts with '!'";

  private static final Set<Tag> PLAIN =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ, Tag.MAP);
  private static final ScalarResolver RESOLVER = new CoreSchema().getScalarResolver();

  private YamlTags() {}

  /** Every node with a tag other than the plain ones, in document order, each once. */
  public static List<Node> unknown(Node root) {
    List<Node> tagged = new ArrayList<>();
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Node> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Node node = todo.pop();
      if (node.getAnchor().isPresent() && !seen.add(node)) {
        continue; // an alias of a node already visited; only anchored nodes are shared
      }
      if (!PLAIN.contains(node.getTag())) {
        tagged.add(node);
      }
      List<Node> children = new ArrayList<>();
      if (node instanceof MappingNode mapping) {
        for (NodeTuple tuple : mapping.getValue()) {
          children.add(tuple.getKeyNode());
          children.add(tuple.getValueNode());
        }
      } else if (node instanceof SequenceNode sequence) {
        children.addAll(sequence.getValue());
      }
      for (int i = children.size() - 1; i >= 0; i--) {
        todo.push(children.get(i));
      }
    }
    return tagged;
  }

  /** "unknown YAML tag '!foo'", for a node {@link #unknown} found. */
  public static String problem(Node node) {
    String value = node.getTag().getValue();
    // !!binary as written, not the long form the parser keeps.
    String shown =
        value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    return "unknown YAML tag '" + shown + "'";
  }

  /** Reads the node on as if it had no tag, so the rest of the file is still checked. */
  public static void untag(Node node) {
    if (node instanceof ScalarNode scalar) {
      node.setTag(RESOLVER.resolve(scalar.getValue(), true));
    } else {
      node.setTag(node instanceof MappingNode ? Tag.MAP : Tag.SEQ);
    }
  }
}
