package io.shipready.app.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small, seeded edits of a YAML file of the kinds people and broken tools make: lines lost, moved
 * or re-indented, stray YAML punctuation, values replaced by odd ones, deep nesting, alias bombs,
 * control characters, truncation.
 */
final class YamlMutations {
  private static final String PUNCTUATION = ":-[]{},&*!|>'\"#%@`? \t";
  private static final Pattern VALUE = Pattern.compile("(:\\s+|-\\s+)(\\S[^#\\n]*)");
  private static final List<String> ODD_VALUES =
      List.of(
          "!foo x",
          "!!binary AAAA",
          "*nowhere",
          "&a",
          "~",
          "\"unterminated",
          "'also",
          "0x1F",
          "1e999",
          "-1",
          ".nan",
          ".inf",
          "[",
          "{",
          "[a, [b, {c: d}]]",
          "99999999999999999999999",
          "\"\\x07\"",
          "true",
          "''",
          "ZZZZ",
          "\"[a-\"",
          "\"(?<\"",
          "g".repeat(64),
          "afero",
          "%TAG ! x",
          "<< : *x");

  private YamlMutations() {}

  /** One mutant of {@code text}, with a short description of what was done. */
  static Mutant mutate(Random random, String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int at = random.nextInt(lines.size());
    switch (random.nextInt(12)) {
      case 0 -> {
        lines.remove(at);
        return new Mutant("line " + (at + 1) + " removed", String.join("\n", lines));
      }
      case 1 -> {
        lines.add(at, lines.get(at));
        return new Mutant("line " + (at + 1) + " doubled", String.join("\n", lines));
      }
      case 2 -> {
        int other = random.nextInt(lines.size());
        String line = lines.get(at);
        lines.set(at, lines.get(other));
        lines.set(other, line);
        return new Mutant(
            "lines " + (at + 1) + " and " + (other + 1) + " swapped", String.join("\n", lines));
      }
      case 3 -> {
        int shift = random.nextInt(5) - 2;
        String line = lines.get(at);
        lines.set(at, shift >= 0 ? " ".repeat(shift) + line : line.replaceFirst("^ {1,2}", ""));
        return new Mutant("line " + (at + 1) + " re-indented", String.join("\n", lines));
      }
      case 4 -> {
        int position = random.nextInt(text.length() + 1);
        char inserted = PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()));
        return new Mutant(
            "'" + inserted + "' inserted at " + position,
            text.substring(0, position) + inserted + text.substring(position));
      }
      case 5 -> {
        int position = random.nextInt(text.length() + 1);
        char control =
            (char) (random.nextBoolean() ? random.nextInt(32) : 0x7f + random.nextInt(33));
        return new Mutant(
            "U+" + Integer.toHexString(control) + " inserted at " + position,
            text.substring(0, position) + control + text.substring(position));
      }
      case 6 -> {
        int cut = random.nextInt(text.length() + 1);
        return new Mutant("cut at " + cut, text.substring(0, cut));
      }
      case 7, 8, 9 -> {
        String odd = ODD_VALUES.get(random.nextInt(ODD_VALUES.size()));
        return replaceValue(lines, at, odd, "value on line %d replaced by " + odd);
      }
      case 10 -> {
        int depth = 40 + random.nextInt(3000);
        return replaceValue(
            lines, at, "[".repeat(depth) + "]".repeat(depth), "value on line %d nested " + depth);
      }
      default -> {
        String bomb =
            random.nextBoolean()
                ? "&loop [1, *loop]"
                : "&a [x, x, x, x, x, x, x, x, x, x]\nb_: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a,"
                    + " *a]\nc_: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd_: &d [*c, *c, *c,"
                    + " *c, *c, *c, *c, *c, *c, *c]\ne_: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d,"
                    + " *d, *d]";
        return replaceValue(lines, at, bomb, "value on line %d replaced by aliases");
      }
    }
  }

  /** The value on the first line from {@code at} that has one, replaced. */
  private static Mutant replaceValue(List<String> lines, int at, String value, String what) {
    for (int i = 0; i < lines.size(); i++) {
      int index = (at + i) % lines.size();
      Matcher matcher = VALUE.matcher(lines.get(index));
      if (!lines.get(index).trim().startsWith("#") && matcher.find()) {
        lines.set(
            index,
            lines.get(index).substring(0, matcher.start(2))
                + value
                + lines.get(index).substring(matcher.end(2)));
        return new Mutant(what.replace("%d", String.valueOf(index + 1)), String.join("\n", lines));
      }
    }
    return new Mutant("unchanged", String.join("\n", lines));
  }

  record Mutant(String what, String text) {}
}
