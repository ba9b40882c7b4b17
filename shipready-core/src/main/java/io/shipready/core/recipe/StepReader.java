package io.shipready.core.recipe;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.MeasurementSpec;
import io.shipready.core.model.OnFail;
import io.shipready.core.model.RetryPolicy;
import io.shipready.core.model.SourceLocation;
import io.shipready.core.model.StepSpec;
import io.shipready.core.step.StepKind;
import io.shipready.core.step.StepLibrary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reads one step of a recipe. */
final class StepReader {
  static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
  static final List<String> KEYS =
      List.of(
          "id",
          "kind",
          "name",
          "with",
          "timeout",
          "retry",
          "on_fail",
          "depends_on",
          "lock",
          "measurements");
  static final List<String> RETRY_KEYS = List.of("count", "delay", "on");
  static final Set<RetryPolicy.On> DEFAULT_RETRY_ON =
      EnumSet.of(RetryPolicy.On.ERROR, RetryPolicy.On.TIMEOUT);

  private final StepLibrary library;
  private final Problems problems;
  private final ParamReader params;
  private final MeasurementReader measurements;

  StepReader(StepLibrary library, Problems problems) {
    this.library = requireNonNull(library, "library");
    this.problems = requireNonNull(problems, "problems");
    this.params = new ParamReader(problems);
    this.measurements = new MeasurementReader(problems);
  }

  /** The step, or empty when it has no id or no kind to build one from (reported). */
  Optional<StepDraft> read(YamlValue item, Section section, int index) {
    String where =
        YamlMap.peekText(item.node(), "id")
            .map(id -> "step '" + id + "'")
            .orElse("step " + (index + 1) + " of " + section.path());
    Optional<YamlMap> read = item.map(where, KEYS);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    YamlMap map = read.get();
    Optional<YamlValue> idValue =
        map.require("id", "add 'id: <name>', unique in the recipe (e.g. id: flash_app)");
    Optional<String> id = idValue.flatMap(this::id);
    Optional<String> kindName = map.require("kind", kindFix()).flatMap(YamlValue::text);
    StepKind kind = kindName.flatMap(name -> kind(name, map)).orElse(null);

    String name = map.get("name").flatMap(YamlValue::text).orElse(null);
    Map<String, SourceLocation> paramLocations = new HashMap<>();
    Map<String, Object> with =
        kind == null
            ? Map.of()
            : params.read(map.get("with"), kind, where, map.location(), paramLocations);
    Duration timeout = map.get("timeout").flatMap(this::timeout).orElse(null);
    RetryPolicy retry = map.get("retry").flatMap(value -> retry(value, where)).orElse(null);
    OnFail onFail = map.get("on_fail").flatMap(this::onFail).orElse(null);
    List<Reference> dependsOn = map.get("depends_on").map(this::references).orElse(null);
    Optional<Reference> lock =
        map.get("lock").flatMap(value -> value.text().map(t -> reference(t, value)));
    List<MeasurementSpec> measured =
        map.get("measurements").map(value -> measurements(value, kind, where)).orElse(List.of());

    if (id.isEmpty() || kindName.isEmpty()) {
      return Optional.empty();
    }
    StepSpec spec =
        new StepSpec(
            id.get(),
            kindName.get(),
            name,
            with,
            measured,
            timeout,
            retry,
            onFail,
            List.of(),
            lock.map(Reference::name).orElse(null),
            map.location(),
            paramLocations);
    return Optional.of(
        new StepDraft(section, spec, kind, idValue.get().location(), dependsOn, lock.orElse(null)));
  }

  private Optional<String> id(YamlValue value) {
    Optional<String> id = value.text();
    if (id.isPresent() && !ID.matcher(id.get()).matches()) {
      value.refuse(
          "step id '" + id.get() + "' is not valid",
          "use lowercase letters, digits and '_', starting with a letter (e.g. flash_app)");
    }
    return id;
  }

  private Optional<StepKind> kind(String name, YamlMap map) {
    Optional<StepKind> kind = library.find(name);
    if (kind.isEmpty()) {
      map.get("kind")
          .orElseThrow()
          .refuse(
              "unknown step kind '" + name + "' in " + map.where(),
              Suggestions.fix(name, kindNames(), "known kinds"));
    }
    return kind;
  }

  private String kindFix() {
    return "add 'kind:' naming one of: " + String.join(", ", kindNames());
  }

  private List<String> kindNames() {
    return library.kinds().stream().map(StepKind::name).toList();
  }

  private Optional<Duration> timeout(YamlValue value) {
    Optional<Duration> timeout = value.duration();
    if (timeout.isPresent() && timeout.get().isZero()) {
      value.refuse(value.label() + " must be more than zero", "write a duration such as 30s");
      return Optional.empty();
    }
    return timeout;
  }

  private Optional<RetryPolicy> retry(YamlValue value, String step) {
    Optional<YamlMap> read = value.map("retry of " + step, RETRY_KEYS);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    YamlMap map = read.get();
    Optional<Long> count =
        map.require("count", "add 'count: <n>', how many times to try again")
            .flatMap(YamlValue::integer);
    Optional<Duration> delay = map.get("delay").flatMap(YamlValue::duration);
    Optional<Set<RetryPolicy.On>> on =
        map.get("on").isPresent()
            ? map.get("on").flatMap(this::retryOn)
            : Optional.of(DEFAULT_RETRY_ON);
    if (count.isPresent() && (count.get() < 0 || count.get() > Integer.MAX_VALUE)) {
      map.get("count")
          .orElseThrow()
          .refuse(
              map.label("count") + " must be 0 or more",
              "write how many times to try again, e.g. 2");
      return Optional.empty();
    }
    if (count.isEmpty() || on.isEmpty() || (map.has("delay") && delay.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new RetryPolicy(count.get().intValue(), delay.orElse(null), on.get()));
  }

  private Optional<Set<RetryPolicy.On>> retryOn(YamlValue value) {
    List<String> names = List.of("fail", "error", "timeout");
    Optional<List<String>> written = value.texts();
    if (written.isEmpty()) {
      return Optional.empty();
    }
    if (written.get().isEmpty()) {
      value.refuse(
          value.label() + " is empty, so the step would never be retried",
          "list some of: fail, error, timeout; or remove 'retry:'");
      return Optional.empty();
    }
    Set<RetryPolicy.On> on = EnumSet.noneOf(RetryPolicy.On.class);
    for (String name : written.get()) {
      if (!names.contains(name)) {
        value.refuse(
            value.label() + " names '" + name + "', which is not an ending of a step",
            Suggestions.fix(name, names, "endings"));
        return Optional.empty();
      }
      on.add(RetryPolicy.On.valueOf(name.toUpperCase(Locale.ROOT)));
    }
    return Optional.of(on);
  }

  private Optional<OnFail> onFail(YamlValue value) {
    Optional<String> written = value.text();
    if (written.isEmpty()) {
      return Optional.empty();
    }
    return switch (written.get()) {
      case "stop" -> Optional.of(OnFail.STOP);
      case "continue" -> Optional.of(OnFail.CONTINUE);
      default -> {
        value.refuse(
            value.label() + " is '" + written.get() + "'",
            Suggestions.fix(written.get(), List.of("stop", "continue"), "write one of"));
        yield Optional.empty();
      }
    };
  }

  /** The ids under depends_on, each where it is written; null when they cannot be read. */
  private List<Reference> references(YamlValue value) {
    if (value.node() instanceof ScalarNode && !value.isNull()) {
      return value.text().map(id -> List.of(reference(id, value))).orElse(null);
    }
    Optional<List<YamlValue>> items = value.list();
    if (items.isEmpty()) {
      return null;
    }
    List<Reference> references = new ArrayList<>();
    for (YamlValue item : items.get()) {
      item.text().ifPresent(id -> references.add(reference(id, item)));
    }
    return references;
  }

  private static Reference reference(String name, YamlValue value) {
    return new Reference(name, value.location());
  }

  private List<MeasurementSpec> measurements(YamlValue value, StepKind kind, String step) {
    if (kind != null && !kind.takesMeasurements()) {
      List<String> measuring =
          library.kinds().stream().filter(StepKind::takesMeasurements).map(StepKind::name).toList();
      problems.add(
          value.keyLocation(),
          "kind '" + kind.name() + "' takes no measurements, but " + step + " declares some",
          "remove 'measurements:' or use a kind that measures: " + String.join(", ", measuring));
      return List.of();
    }
    return measurements.read(value, step);
  }
}
