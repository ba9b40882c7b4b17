package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Text with the unit's fields in braces, e.g. {@code "1:{association_id}:{device_id}"}. Field names
 * are letters, digits and underscores; {@code {{} and {@code }}} stand for literal braces.
 */
public final class ValueTemplate {
  private final String text;
  private final List<Part> parts;

  private ValueTemplate(String text, List<Part> parts) {
    this.text = text;
    this.parts = List.copyOf(parts);
  }

  /**
   * Reads a template.
   *
   * @throws IllegalArgumentException with a message that says what is wrong and how to write it,
   *     for the caller to prefix with the file and key
   */
  public static ValueTemplate parse(String text) {
    requireNonNull(text, "text");
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        literal.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
        literal.append('}');
        i += 2;
      } else if (c == '}') {
        throw new IllegalArgumentException(
            "has a '}' without its '{' at character " + (i + 1) + "; write }} for a literal brace");
      } else if (c == '{') {
        int end = text.indexOf('}', i);
        if (end < 0) {
          throw new IllegalArgumentException(
              "has an unclosed '{' at character "
                  + (i + 1)
                  + "; write {field_name}, or {{ for a literal brace");
        }
        String name = text.substring(i + 1, end);
        if (!isFieldName(name)) {
          throw new IllegalArgumentException(
              "names the field '{"
                  + name
                  + "}'; field names are letters, digits and underscores, e.g. {device_id}");
        }
        if (literal.length() > 0) {
          parts.add(new Part(false, literal.toString()));
          literal.setLength(0);
        }
        parts.add(new Part(true, name));
        i = end + 1;
      } else {
        literal.append(c);
        i++;
      }
    }
    if (literal.length() > 0) {
      parts.add(new Part(false, literal.toString()));
    }
    return new ValueTemplate(text, parts);
  }

  /** The template as written. */
  public String text() {
    return text;
  }

  /** The fields the template uses, in order of first use. */
  public List<String> fields() {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (Part part : parts) {
      if (part.field()) {
        names.add(part.text());
      }
    }
    return List.copyOf(names);
  }

  /** The literal text only, fields left out: what the template prints whatever the unit. */
  String literals() {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (!part.field()) {
        out.append(part.text());
      }
    }
    return out.toString();
  }

  /**
   * The text with each field replaced.
   *
   * @param fieldValue gives the printed form of a field, given its name
   */
  public String render(UnaryOperator<String> fieldValue) {
    requireNonNull(fieldValue, "fieldValue");
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      out.append(part.field() ? fieldValue.apply(part.text()) : part.text());
    }
    return out.toString();
  }

  static boolean isFieldName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      ok = ok || (i > 0 && c >= '0' && c <= '9');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ValueTemplate that && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  private record Part(boolean field, String text) {}
}
