package io.shipready.core.step;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a text parameter must look like, so a recipe whose pattern would not compile or whose pinned
 * hash could never match is refused when it is read, not on the first unit.
 */
public enum TextFormat {
  ANY {
    @Override
    public String problem(String text) {
      return null;
    }
  },
  /** A Java regular expression. */
  REGEX {
    @Override
    public String problem(String text) {
      try {
        Pattern.compile(text);
        return null;
      } catch (PatternSyntaxException invalid) {
        return "is not a valid regular expression: " + invalid.getDescription();
      }
    }

    @Override
    public String fix() {
      return "correct the pattern (Java regular expression syntax)";
    }
  },
  /** A SHA-256 as 64 hexadecimal digits, as {@code sha256sum} prints it. */
  SHA256 {
    private final Pattern hex = Pattern.compile("[0-9a-fA-F]{64}");

    @Override
    public String problem(String text) {
      return hex.matcher(text).matches()
          ? null
          : "is not a SHA-256: it must be 64 hexadecimal digits, not "
              + text.length()
              + " characters";
    }

    @Override
    public String fix() {
      return "write the file's whole SHA-256, as 'sha256sum FILE' prints it";
    }
  };

  /** What is wrong with {@code text}, to follow the parameter's name; null when nothing is. */
  public abstract String problem(String text);

  /** What to do about a {@link #problem}. */
  public String fix() {
    return "";
  }
}
