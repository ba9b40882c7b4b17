package io.shipready.core.recipe;

import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, text, numbers and booleans as indented JSON, keys in the maps' own order, so
 * the same input always gives the same text. Core has no JSON library, and needs only this.
 */
final class JsonWriter {
  private static final int ONE_LINE_WIDTH = 96;

  private final StringBuilder out = new StringBuilder();

  private JsonWriter() {}

  static String write(Object value) {
    JsonWriter writer = new JsonWriter();
    writer.value(value, "");
    return writer.out.append('\n').toString();
  }

  private void value(Object value, String indent) {
    if (value instanceof Map<?, ?> map) {
      object(map, indent);
    } else if (value instanceof List<?> list) {
      array(list, indent);
    } else if (value instanceof String text) {
      string(text);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value == null) {
      out.append("null");
    } else {
      throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
    }
  }

  private void object(Map<?, ?> map, String indent) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    if (map.values().stream().allMatch(JsonWriter::plain)) {
      String oneLine = oneLine(map);
      if (indent.length() + oneLine.length() <= ONE_LINE_WIDTH) {
        out.append(oneLine);
        return;
      }
    }
    String inner = indent + "  ";
    out.append("{\n");
    int left = map.size();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      out.append(inner);
      string(String.valueOf(entry.getKey()));
      out.append(": ");
      value(entry.getValue(), inner);
      out.append(--left > 0 ? ",\n" : "\n");
    }
    out.append(indent).append('}');
  }

  /** A list of plain values stays on one line, the way people write ["id", "kind"]. */
  private void array(List<?> list, String indent) {
    if (list.stream().allMatch(item -> !(item instanceof Map || item instanceof List))) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i > 0 ? ", " : "");
        value(list.get(i), indent);
      }
      out.append(']');
      return;
    }
    String inner = indent + "  ";
    out.append("[\n");
    for (int i = 0; i < list.size(); i++) {
      out.append(inner);
      value(list.get(i), inner);
      out.append(i < list.size() - 1 ? ",\n" : "\n");
    }
    out.append(indent).append(']');
  }

  /** Values that fit on a line: anything but a mapping or a list holding more of them. */
  private static boolean plain(Object value) {
    return value instanceof List<?> list
        ? list.stream().noneMatch(item -> item instanceof Map || item instanceof List)
        : !(value instanceof Map);
  }

  /** A small mapping of plain values, such as {"type": "string"}, reads best on one line. */
  private static String oneLine(Map<?, ?> map) {
    JsonWriter writer = new JsonWriter();
    writer.out.append('{');
    String separator = "";
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      writer.out.append(separator);
      writer.string(String.valueOf(entry.getKey()));
      writer.out.append(": ");
      writer.value(entry.getValue(), "");
      separator = ", ";
    }
    return writer.out.append('}').toString();
  }

  private void string(String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
