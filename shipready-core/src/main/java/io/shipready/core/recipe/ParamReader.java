package io.shipready.core.recipe;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.SourceLocation;
import io.shipready.core.model.Values;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.StepKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a step's {@code with:} against its kind's parameters and converts each value to the Java
 * type the kind reads: Long, Double, Boolean, Duration, String or List of String.
 */
final class ParamReader {
  private final Problems problems;

  ParamReader(Problems problems) {
    this.problems = requireNonNull(problems, "problems");
  }

  /**
   * @param with the value under {@code with:}, if the step has one
   * @param step how messages name the step
   * @param stepLocation where a missing parameter is reported when the step has no {@code with:}
   * @param locations filled with where each parameter read is written
   */
  Map<String, Object> read(
      Optional<YamlValue> with,
      StepKind kind,
      String step,
      SourceLocation stepLocation,
      Map<String, SourceLocation> locations) {
    Map<String, Object> params = new LinkedHashMap<>();
    Optional<YamlMap> written = with.flatMap(value -> value.anyMap("the parameters of " + step));
    if (with.isPresent() && written.isEmpty()) {
      return params; // not a mapping: reported, and every parameter would be reported missing too
    }
    List<String> names = kind.params().stream().map(ParamSpec::name).toList();
    for (YamlMap.Entry entry : written.map(YamlMap::entries).orElse(List.of())) {
      Optional<ParamSpec> spec = find(kind, entry.name());
      if (spec.isEmpty()) {
        problems.add(
            entry.key(),
            "unknown parameter '" + entry.name() + "' for kind '" + kind.name() + "' in " + step,
            names.isEmpty()
                ? "kind '" + kind.name() + "' takes no parameters: remove it"
                : Suggestions.fix(entry.name(), names, kind.name() + " takes"));
        continue;
      }
      locations.put(entry.name(), entry.value().location());
      convert(spec.get(), entry.value()).ifPresent(value -> params.put(entry.name(), value));
    }
    for (ParamSpec spec : kind.params()) {
      if (spec.required() && written.map(map -> !map.has(spec.name())).orElse(true)) {
        problems.add(
            written.map(YamlMap::location).orElse(stepLocation),
            step
                + " has no parameter '"
                + spec.name()
                + "', which kind '"
                + kind.name()
                + "' requires",
            "add '" + spec.name() + ": ...' under 'with:'" + explained(spec));
      }
    }
    return params;
  }

  private static Optional<ParamSpec> find(StepKind kind, String name) {
    return kind.params().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  private Optional<Object> convert(ParamSpec spec, YamlValue value) {
    Optional<?> converted =
        switch (spec.type()) {
          case STRING -> value.text();
          case INTEGER -> value.integer();
          case NUMBER -> value.number();
          case BOOLEAN -> value.bool();
          case DURATION -> value.duration();
          case STRING_LIST -> value.texts();
        };
    if (converted.isPresent() && !allowed(spec, value, converted.get())) {
      return Optional.empty();
    }
    if (converted.isPresent() && converted.get() instanceof String text) {
      String problem = spec.format().problem(text);
      if (problem != null) {
        value.refuse(value.label() + " " + problem, spec.format().fix());
        return Optional.empty();
      }
    }
    return converted.map(Object.class::cast);
  }

  /** Checks each written value, a list item by item, against the kind's allowed values. */
  private boolean allowed(ParamSpec spec, YamlValue value, Object converted) {
    if (spec.allowed().isEmpty()) {
      return true;
    }
    List<?> values = converted instanceof List<?> list ? list : List.of(converted);
    List<Node> nodes =
        value.node() instanceof SequenceNode sequence ? sequence.getValue() : List.of(value.node());
    boolean allowed = true;
    for (int i = 0; i < values.size(); i++) {
      String text = Values.text(values.get(i));
      if (!spec.allowed().contains(text)) {
        problems.add(
            nodes.get(i),
            value.label() + " is '" + text + "', which is not allowed",
            Suggestions.fix(text, spec.allowed(), "allowed values"));
        allowed = false;
      }
    }
    return allowed;
  }

  private static String explained(ParamSpec spec) {
    return spec.description().isBlank() ? "" : " (" + spec.description() + ")";
  }
}
