package io.shipready.output.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON into a {@link ConfigNode} tree with Jackson's streaming parser, which knows the line
 * of every token (a databind tree would forget it).
 */
final class JsonConfigSyntax {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonConfigSyntax() {}

  /**
   * @return the root node; a null scalar for an empty document
   * @throws ConfigSyntaxException when the text is not JSON
   */
  static ConfigNode parse(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new ConfigNode.Scalar(null, 1, 1);
      }
      ConfigNode root = read(parser);
      if (parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw new ConfigSyntaxException(
            "this is not valid JSON: more follows the closing brace",
            at.getLineNr(),
            at.getColumnNr());
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new ConfigSyntaxException(
          "this is not valid JSON: " + e.getOriginalMessage(),
          at == null ? 0 : at.getLineNr(),
          at == null ? 0 : at.getColumnNr());
    } catch (IOException e) {
      // Parsing a string does no I/O; anything else is a defect.
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the value whose first token is the parser's current one. */
  private static ConfigNode read(JsonParser parser) throws IOException {
    JsonLocation at = parser.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        List<ConfigNode.Entry> entries = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          JsonLocation keyAt = parser.currentTokenLocation();
          String key = parser.currentName();
          parser.nextToken();
          entries.add(
              new ConfigNode.Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), read(parser)));
        }
        return new ConfigNode.Mapping(entries, line, column);
      }
      case START_ARRAY -> {
        parser.skipChildren();
        return new ConfigNode.Sequence(line, column);
      }
      case VALUE_NULL -> {
        return new ConfigNode.Scalar(null, line, column);
      }
      default -> {
        return new ConfigNode.Scalar(parser.getText(), line, column);
      }
    }
  }
}
