package io.shipready.app.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parser of Prometheus' text exposition format (version 0.0.4), strict enough to fail a test on
 * output a Prometheus server would refuse: {@code # HELP} and {@code # TYPE} lines, samples with
 * escaped label values, the special values {@code +Inf}, {@code -Inf} and {@code NaN}, optional
 * timestamps, and every sample belonging to a declared family.
 */
public final class PrometheusText {
  /** One sample line. */
  public record Sample(String name, Map<String, String> labels, double value) {
    /** True when every given label has the given value (name, value, name, value...). */
    public boolean has(String... nameValues) {
      for (int i = 0; i < nameValues.length; i += 2) {
        if (!nameValues[i + 1].equals(labels.get(nameValues[i]))) {
          return false;
        }
      }
      return true;
    }
  }

  private final Map<String, String> types = new LinkedHashMap<>();
  private final List<Sample> samples = new ArrayList<>();

  private PrometheusText() {}

  public static PrometheusText parse(String text) {
    PrometheusText parsed = new PrometheusText();
    int lineNumber = 0;
    for (String line : text.split("\n", -1)) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      try {
        parsed.line(line);
      } catch (RuntimeException bad) {
        throw new IllegalArgumentException(
            "line "
                + lineNumber
                + " is not Prometheus text: "
                + line
                + " ("
                + bad.getMessage()
                + ")",
            bad);
      }
    }
    for (Sample sample : parsed.samples) {
      if (parsed.family(sample.name()).isEmpty()) {
        throw new IllegalArgumentException("no # TYPE for the sample " + sample.name());
      }
    }
    return parsed;
  }

  private void line(String line) {
    if (line.startsWith("#")) {
      String[] parts = line.split(" ", 4);
      if (parts.length >= 4 && parts[1].equals("TYPE")) {
        if (!List.of("counter", "gauge", "histogram", "summary", "untyped").contains(parts[3])) {
          throw new IllegalArgumentException("unknown type " + parts[3]);
        }
        if (types.put(parts[2], parts[3]) != null) {
          throw new IllegalArgumentException("a second # TYPE for " + parts[2]);
        }
      }
      return;
    }
    int at = 0;
    while (at < line.length() && isNameChar(line.charAt(at), at == 0)) {
      at++;
    }
    if (at == 0) {
      throw new IllegalArgumentException("no metric name");
    }
    String name = line.substring(0, at);
    Map<String, String> labels = new LinkedHashMap<>();
    if (at < line.length() && line.charAt(at) == '{') {
      at = labels(line, at + 1, labels);
    }
    String[] rest = line.substring(at).trim().split(" +");
    if (rest.length < 1 || rest.length > 2 || rest[0].isEmpty()) {
      throw new IllegalArgumentException("expected a value and an optional timestamp");
    }
    if (rest.length == 2) {
      Long.parseLong(rest[1]);
    }
    samples.add(new Sample(name, Map.copyOf(labels), value(rest[0])));
  }

  /** Reads {@code name="value",...}} from {@code at}; returns the index after the brace. */
  private static int labels(String line, int at, Map<String, String> labels) {
    while (true) {
      if (line.charAt(at) == '}') {
        return at + 1;
      }
      int start = at;
      while (isNameChar(line.charAt(at), at == start)) {
        at++;
      }
      String name = line.substring(start, at);
      if (name.isEmpty() || line.charAt(at) != '=' || line.charAt(at + 1) != '"') {
        throw new IllegalArgumentException("bad label at column " + (start + 1));
      }
      at += 2;
      StringBuilder value = new StringBuilder();
      while (line.charAt(at) != '"') {
        char c = line.charAt(at);
        if (c == '\\') {
          char escaped = line.charAt(at + 1);
          switch (escaped) {
            case '\\' -> value.append('\\');
            case '"' -> value.append('"');
            case 'n' -> value.append('\n');
            default -> throw new IllegalArgumentException("bad escape \\" + escaped);
          }
          at += 2;
        } else {
          value.append(c);
          at++;
        }
      }
      at++;
      if (labels.put(name, value.toString()) != null) {
        throw new IllegalArgumentException("label " + name + " twice");
      }
      if (line.charAt(at) == ',') {
        at++;
      } else if (line.charAt(at) != '}') {
        throw new IllegalArgumentException("expected , or } at column " + (at + 1));
      }
    }
  }

  private static boolean isNameChar(char c, boolean first) {
    return Character.isLetter(c) && c < 128
        || c == '_'
        || c == ':'
        || !first && c >= '0' && c <= '9';
  }

  private static double value(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }

  /** The family a sample belongs to: itself, or the histogram/summary/counter it is a part of. */
  public Optional<String> family(String sampleName) {
    if (types.containsKey(sampleName)) {
      return Optional.of(sampleName);
    }
    for (String suffix : List.of("_bucket", "_count", "_sum", "_total", "_created", "_max")) {
      if (sampleName.endsWith(suffix)) {
        String base = sampleName.substring(0, sampleName.length() - suffix.length());
        if (types.containsKey(base)) {
          return Optional.of(base);
        }
      }
    }
    return Optional.empty();
  }

  /** The declared type of a family, e.g. {@code counter} or {@code histogram}. */
  public String type(String family) {
    String type = types.get(family);
    if (type == null) {
      throw new AssertionError("no metric family " + family + "; families: " + types.keySet());
    }
    return type;
  }

  /** Every sample named {@code name} with the given labels (name, value, ...). */
  public List<Sample> samples(String name, String... labels) {
    return samples.stream().filter(s -> s.name().equals(name) && s.has(labels)).toList();
  }

  /** The one sample named {@code name} with the given labels. */
  public double value(String name, String... labels) {
    List<Sample> found = samples(name, labels);
    if (found.size() != 1) {
      throw new AssertionError(
          found.size() + " samples " + name + " " + List.of(labels) + " in " + samples);
    }
    return found.get(0).value();
  }

  /** The sum of every sample named {@code name} with the given labels (0 when none). */
  public double sum(String name, String... labels) {
    return samples(name, labels).stream().mapToDouble(Sample::value).sum();
  }

  /**
   * Checks a histogram's series: buckets cumulative, the {@code +Inf} bucket equal to the count.
   */
  public void checkHistogram(String family, String... labels) {
    if (!type(family).equals("histogram")) {
      throw new AssertionError(family + " is a " + type(family) + ", not a histogram");
    }
    List<Sample> buckets = new ArrayList<>(samples(family + "_bucket", labels));
    if (buckets.isEmpty()) {
      throw new AssertionError("no buckets of " + family + " " + List.of(labels));
    }
    buckets.sort(
        (a, b) -> Double.compare(value(a.labels().get("le")), value(b.labels().get("le"))));
    // Series of different other labels are checked one by one.
    Map<Map<String, String>, List<Sample>> bySeries = new LinkedHashMap<>();
    for (Sample bucket : buckets) {
      Map<String, String> series = new LinkedHashMap<>(bucket.labels());
      series.remove("le");
      bySeries.computeIfAbsent(series, s -> new ArrayList<>()).add(bucket);
    }
    for (Map.Entry<Map<String, String>, List<Sample>> series : bySeries.entrySet()) {
      double previous = 0;
      for (Sample bucket : series.getValue()) {
        if (bucket.value() < previous) {
          throw new AssertionError("buckets of " + family + series.getKey() + " not cumulative");
        }
        previous = bucket.value();
      }
      Sample last = series.getValue().get(series.getValue().size() - 1);
      if (!last.labels().get("le").equals("+Inf")) {
        throw new AssertionError("no +Inf bucket in " + family + series.getKey());
      }
      double count =
          samples.stream()
              .filter(s -> s.name().equals(family + "_count") && s.labels().equals(series.getKey()))
              .mapToDouble(Sample::value)
              .findFirst()
              .orElseThrow(() -> new AssertionError("no _count for " + family + series.getKey()));
      if (count != last.value()) {
        throw new AssertionError(family + series.getKey() + ": +Inf bucket is not the count");
      }
    }
  }
}
