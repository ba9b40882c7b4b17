package io.shipready.core.yaml;

import static java.util.Objects.requireNonNull;

import io.shipready.core.FileErrors;
import io.shipready.core.model.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The one way shipready reads YAML: recipes, station configs, line profiles, slot maps, stand-in
 * templates, factory-file layouts. Every file is held to {@link YamlLimits#DEFAULT}, must be UTF-8
 * text without control characters, and every error names file:line:column and the fix, as a {@link
 * YamlInputException}.
 *
 * <p>Values follow the YAML 1.2 core schema: {@code true}/{@code True}, {@code ~} and {@code null}
 * mean what authors expect, while {@code yes} and {@code no} stay text, unlike YAML 1.1.
 */
public final class YamlInput {
  static final String SYNTAX_FIX =
      "check the indentation, colons and quotes here and on the line before";

  /** For turning nodes into values, where marks already say where each node was written. */
  private static final LoadSettings FOR_VALUES = settings("yaml");

  private YamlInput() {}

  /**
   * A file's text, refused when it is too large, not UTF-8 or holds control characters.
   *
   * @param what what the file is, e.g. "recipe", for the message when it cannot be read
   * @param usualName the file's usual name, suggested when a folder is given
   */
  public static String read(Path file, String what, String usualName) {
    return text(file.toString(), bytes(file, what, usualName), what);
  }

  /**
   * A file's bytes, refused when it is too large or unreadable; for readers that keep the bytes'
   * hash. Turn them into text with {@link #text(String, byte[], String)}.
   */
  public static byte[] bytes(Path file, String what, String usualName) {
    requireNonNull(file, "file");
    SourceLocation start = new SourceLocation(file.toString(), 1, 1);
    try {
      if (Files.isRegularFile(file) && Files.size(file) > YamlLimits.DEFAULT.maxBytes()) {
        throw tooLarge(start, Files.size(file));
      }
      return Files.readAllBytes(file);
    } catch (IOException unreadable) {
      // No line to name: the file itself is missing or unreadable.
      throw new YamlInputException(
          new SourceLocation(file.toString(), 0, 0),
          FileErrors.unreadable(file, unreadable, what, usualName),
          // A folder's message already says what to give instead.
          Files.isDirectory(file) ? "" : "check the path");
    }
  }

  /**
   * Bytes as UTF-8 text, refused when they are not UTF-8.
   *
   * @param what what the file is, e.g. "recipe"
   */
  public static String text(String source, byte[] bytes, String what) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException notUtf8) {
      throw new YamlInputException(
          new SourceLocation(source, 1, 1),
          "the " + what + " is not UTF-8 text",
          "save the file as UTF-8");
    }
    return text;
  }

  /**
   * The document's root node, each node keeping the line and column it was written at; empty for an
   * empty document.
   */
  public static Optional<Node> compose(String source, String text) {
    requireNonNull(source, "source");
    requireNonNull(text, "text");
    YamlLimits limits = YamlLimits.DEFAULT;
    if ((long) text.length() > limits.maxBytes()) {
      throw tooLarge(new SourceLocation(source, 1, 1), text.length());
    }
    ControlCharacters.refuse(source, text);
    LoadSettings settings = settings(source);
    try {
      LimitedEvents events =
          new LimitedEvents(
              new ParserImpl(settings, new StreamReader(settings, text)), limits, source);
      return new Composer(settings, events).getSingleNode();
    } catch (MarkedYamlEngineException syntax) {
      throw new YamlInputException(at(source, syntax), syntaxMessage(syntax), SYNTAX_FIX);
    } catch (ReaderException unreadable) {
      throw new YamlInputException(
          ControlCharacters.location(source, text, unreadable.getPosition()),
          "character U+"
              + String.format("%04X", unreadable.getCodePoint())
              + " is not allowed in YAML",
          "remove it");
    } catch (YamlEngineException unreadable) {
      throw new YamlInputException(
          new SourceLocation(source, 1, 1), "YAML error: " + unreadable.getMessage(), SYNTAX_FIX);
    }
  }

  /**
   * The document as plain Java values: String, Integer/Long/BigInteger, Double, Boolean, List, Map;
   * null for an empty document. Unknown tags and duplicate keys are refused.
   */
  public static Object load(String source, String text) {
    return compose(source, text).map(root -> toJava(source, root)).orElse(null);
  }

  /** A file as plain Java values; see {@link #load(String, String)}. */
  public static Object load(Path file, String what, String usualName) {
    return load(file.toString(), read(file, what, usualName));
  }

  /** The plain Java value of a composed node; see {@link #load(String, String)}. */
  public static Object toJava(String source, Node node) {
    try {
      return new StandardConstructor(FOR_VALUES).constructSingleDocument(Optional.of(node));
    } catch (MarkedYamlEngineException invalid) {
      throw new YamlInputException(
          at(source, invalid),
          invalid.getProblem() == null ? "unreadable value" : invalid.getProblem(),
          "write plain values (text, numbers, true/false, lists, mappings), each key once");
    } catch (YamlEngineException invalid) {
      throw new YamlInputException(
          node.getStartMark()
              .map(m -> location(source, m))
              .orElse(new SourceLocation(source, 1, 1)),
          invalid.getMessage(),
          "write plain values (text, numbers, true/false, lists, mappings), each key once");
    }
  }

  /**
   * The keys of the document's top-level mapping, found from the parser's events without building
   * the document, to tell kinds of files apart cheaply. Empty when the document is not a mapping or
   * cannot be read; the file's own reader then says why.
   */
  public static Set<String> topLevelKeys(String source, String text) {
    Set<String> keys = new LinkedHashSet<>();
    try {
      ControlCharacters.refuse(source, text);
      LoadSettings settings = settings(source);
      Parser events =
          new LimitedEvents(
              new ParserImpl(settings, new StreamReader(settings, text)),
              YamlLimits.DEFAULT,
              source);
      int depth = 0;
      boolean rootIsMapping = false;
      boolean atKey = true;
      while (events.hasNext()) {
        Event event = events.next();
        if (depth == 1 && rootIsMapping && event instanceof NodeEvent) {
          if (atKey && event instanceof ScalarEvent key) {
            keys.add(key.getValue());
          }
          atKey = !atKey;
        }
        if (event instanceof CollectionStartEvent) {
          rootIsMapping |= depth == 0 && event instanceof MappingStartEvent;
          depth++;
        } else if (event instanceof CollectionEndEvent && --depth == 0) {
          break;
        }
      }
    } catch (YamlEngineException | YamlInputException unreadable) {
      return Set.of();
    }
    return keys;
  }

  private static LoadSettings settings(String source) {
    return LoadSettings.builder()
        .setLabel(source)
        .setSchema(new CoreSchema())
        // The limits above count aliases more precisely, and say where.
        .setMaxAliasesForCollections(Integer.MAX_VALUE)
        .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, YamlLimits.DEFAULT.maxBytes()))
        .build();
  }

  private static YamlInputException tooLarge(SourceLocation at, long size) {
    return new YamlInputException(
        at,
        "the file is " + size + " bytes, more than the " + YamlLimits.DEFAULT.maxSize() + " read",
        "split it, or check that this is the file meant");
  }

  private static SourceLocation at(String source, MarkedYamlEngineException failure) {
    return failure
        .getProblemMark()
        .or(failure::getContextMark)
        .map(m -> location(source, m))
        .orElse(new SourceLocation(source, 1, 1));
  }

  private static SourceLocation location(String source, Mark mark) {
    return new SourceLocation(source, mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** The problem, and what the parser was in the middle of: often where the mistake really is. */
  private static String syntaxMessage(MarkedYamlEngineException syntax) {
    String message =
        "YAML syntax error: " + (syntax.getProblem() == null ? "unreadable" : syntax.getProblem());
    if (syntax.getContext() != null) {
      message +=
          " ("
              + syntax.getContext()
              + syntax
                  .getContextMark()
                  .map(
                      m ->
                          " started at line "
                              + (m.getLine() + 1)
                              + ", column "
                              + (m.getColumn() + 1))
                  .orElse("")
              + ")";
    }
    return message;
  }
}
