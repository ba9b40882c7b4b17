package io.shipready.core.recipe;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.MeasurementSpec;
import io.shipready.core.model.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a step's {@code measurements:}. */
final class MeasurementReader {
  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final List<String> KEYS = keys();

  private final Problems problems;
  private final LimitReader limits;

  MeasurementReader(Problems problems) {
    this.problems = requireNonNull(problems, "problems");
    this.limits = new LimitReader(problems);
  }

  /** The measurements that could be read; the others have been reported. */
  List<MeasurementSpec> read(YamlValue measurements, String step) {
    List<MeasurementSpec> read = new ArrayList<>();
    for (YamlValue item : measurements.list().orElse(List.of())) {
      String where =
          YamlMap.peekText(item.node(), "name")
              .map(name -> "measurement '" + name + "'")
              .orElse(item.label());
      item.map(where, KEYS).flatMap(map -> measurement(map, where)).ifPresent(read::add);
    }
    return read;
  }

  private Optional<MeasurementSpec> measurement(YamlMap map, String where) {
    Optional<String> name =
        map.require("name", "add 'name: <name>', the key of the value in the record")
            .flatMap(value -> named(value));
    String units = map.get("units").flatMap(YamlValue::text).orElse(null);
    String source = map.get("source").flatMap(YamlValue::text).orElse(null);
    List<Validator> validators = limits.read(map, where);
    return name.map(n -> new MeasurementSpec(n, units, source, validators, map.location()));
  }

  private Optional<String> named(YamlValue value) {
    Optional<String> name = value.text();
    if (name.isPresent() && !NAME.matcher(name.get()).matches()) {
      value.refuse(
          "measurement name '" + name.get() + "' is not valid",
          "use lowercase letters, digits and '_', starting with a letter (e.g. supply_voltage)");
    }
    return name;
  }

  private static List<String> keys() {
    List<String> keys = new ArrayList<>(List.of("name", "units", "source"));
    keys.addAll(LimitReader.KEYS);
    return List.copyOf(keys);
  }
}
