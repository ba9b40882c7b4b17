package io.shipready.core.yaml;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.SourceLocation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * The parser's events, stopped at the first one beyond the limits: nesting too deep, an alias
 * inside the value it names, aliases standing for too many values. Checking events, before any node
 * exists, keeps the composer's recursion and every reader's walk over the nodes bounded by {@link
 * YamlLimits#maxDepth()}, however the file was written.
 */
final class LimitedEvents implements Parser {
  /** How far an anchored value reaches: the values it holds and how deep it nests. */
  private record Extent(long values, int depth) {}

  /** A list or mapping not closed yet. */
  private static final class Open {
    final Anchor anchor;
    final long valuesBefore;
    final int level;
    int deepest;

    Open(Anchor anchor, long valuesBefore, int level) {
      this.anchor = anchor;
      this.valuesBefore = valuesBefore;
      this.level = level;
      this.deepest = level;
    }
  }

  private static final int[] NO_TEXT = new int[0];

  private final Parser parser;
  private final YamlLimits limits;
  private final String source;
  private final Deque<Open> open = new ArrayDeque<>();
  private final Map<Anchor, Extent> anchored = new HashMap<>();
  private final Map<String, String> same = new HashMap<>();
  private long values;
  private long expanded;

  LimitedEvents(Parser parser, YamlLimits limits, String source) {
    this.parser = requireNonNull(parser, "parser");
    this.limits = requireNonNull(limits, "limits");
    this.source = requireNonNull(source, "source");
  }

  @Override
  public boolean checkEvent(Event.ID id) {
    return parser.checkEvent(id);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public boolean hasNext() {
    return parser.hasNext();
  }

  @Override
  public Event next() {
    Event event = slim(parser.next());
    if (event instanceof ScalarEvent scalar) {
      values++;
      scalar.getAnchor().ifPresent(anchor -> anchored.put(anchor, new Extent(1, 0)));
    } else if (event instanceof CollectionStartEvent start) {
      opened(start);
    } else if (event instanceof CollectionEndEvent) {
      closed();
    } else if (event instanceof AliasEvent alias) {
      aliased(alias);
    }
    return event;
  }

  /**
   * The event with only where it starts, as line and column. The parser's marks also hold the
   * stretch of text around them, and every node keeps its marks: for a long recipe that is several
   * times the memory of the nodes themselves. Values written many times (keys, kinds, units) are
   * kept once.
   */
  private Event slim(Event event) {
    Optional<Mark> start = event.getStartMark().map(LimitedEvents::slim);
    Optional<Mark> end = start; // marks come in pairs; nothing reads where a node ends
    if (event instanceof ScalarEvent scalar) {
      return new ScalarEvent(
          scalar.getAnchor(),
          scalar.getTag(),
          scalar.getImplicit(),
          same.computeIfAbsent(scalar.getValue(), value -> value),
          scalar.getScalarStyle(),
          start,
          end);
    } else if (event instanceof MappingStartEvent mapping) {
      return new MappingStartEvent(
          mapping.getAnchor(),
          mapping.getTag(),
          mapping.isImplicit(),
          mapping.getFlowStyle(),
          start,
          end);
    } else if (event instanceof SequenceStartEvent sequence) {
      return new SequenceStartEvent(
          sequence.getAnchor(),
          sequence.getTag(),
          sequence.isImplicit(),
          sequence.getFlowStyle(),
          start,
          end);
    } else if (event instanceof AliasEvent alias) {
      return new AliasEvent(Optional.of(alias.getAlias()), start, end);
    } else if (event instanceof MappingEndEvent) {
      return new MappingEndEvent(start, end);
    } else if (event instanceof SequenceEndEvent) {
      return new SequenceEndEvent(start, end);
    }
    return event; // no node keeps the marks of other events
  }

  private static Mark slim(Mark mark) {
    return new Mark(mark.getName(), mark.getIndex(), mark.getLine(), mark.getColumn(), NO_TEXT, 0);
  }

  private void opened(CollectionStartEvent start) {
    int level = open.size() + 1;
    if (level > limits.maxDepth()) {
      throw refused(
          start,
          "lists and mappings are nested more than " + limits.maxDepth() + " levels deep",
          "flatten the structure: no recipe or config needs this depth; check for an unclosed"
              + " '[' or '{'");
    }
    open.push(new Open(start.getAnchor().orElse(null), values, level));
    values++;
  }

  private void closed() {
    Open closed = open.pop();
    if (closed.anchor != null) {
      anchored.put(
          closed.anchor,
          new Extent(values - closed.valuesBefore, closed.deepest - closed.level + 1));
    }
    reached(closed.deepest);
  }

  private void aliased(AliasEvent alias) {
    Anchor anchor = alias.getAlias();
    Extent extent = anchored.get(anchor);
    if (extent == null) {
      if (open.stream().anyMatch(o -> anchor.equals(o.anchor))) {
        throw refused(
            alias,
            "alias '*" + anchor + "' is inside the value '&" + anchor + "' it names",
            "an alias may only repeat a value that is complete before it; remove '*"
                + anchor
                + "' or move it after that value");
      }
      return; // an alias to no anchor: the composer names it
    }
    expanded += extent.values();
    values += extent.values();
    if (expanded > limits.maxAliasExpansion()) {
      throw refused(
          alias,
          "aliases stand for more than " + limits.maxAliasExpansion() + " values in all",
          "write the values out, or use fewer aliases of aliases");
    }
    int level = open.size() + extent.depth();
    if (level > limits.maxDepth()) {
      throw refused(
          alias,
          "alias '*"
              + anchor
              + "' nests lists and mappings more than "
              + limits.maxDepth()
              + " levels deep",
          "flatten the value '&" + anchor + "' or use it less deep");
    }
    reached(level);
  }

  private void reached(int level) {
    Open parent = open.peek();
    if (parent != null && level > parent.deepest) {
      parent.deepest = level;
    }
  }

  private YamlInputException refused(NodeEvent event, String problem, String fix) {
    SourceLocation at =
        event
            .getStartMark()
            .map(m -> new SourceLocation(source, m.getLine() + 1, m.getColumn() + 1))
            .orElse(new SourceLocation(source, 1, 1));
    return new YamlInputException(at, problem, fix);
  }
}
