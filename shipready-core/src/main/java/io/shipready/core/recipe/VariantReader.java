package io.shipready.core.recipe;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code variants:}, each a product variant with its own limits. */
final class VariantReader {
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /**
   * A variant as read, with where each measurement it sets limits for is named, so the names can be
   * checked against the recipe's measurements once every step is read.
   */
  record Draft(Variant variant, List<Reference> measurements) {}

  private final Problems problems;
  private final LimitReader limits;

  VariantReader(Problems problems) {
    this.problems = requireNonNull(problems, "problems");
    this.limits = new LimitReader(problems);
  }

  List<Draft> read(YamlValue variants) {
    List<Draft> read = new ArrayList<>();
    for (YamlMap.Entry entry :
        variants.anyMap("variants").map(YamlMap::entries).orElse(List.of())) {
      if (!NAME.matcher(entry.name()).matches()) {
        problems.add(
            entry.key(),
            "variant name '" + entry.name() + "' is not valid",
            "use letters, digits, '.', '_' and '-', starting with a letter or digit (e.g. eu)");
      }
      String where = "variant '" + entry.name() + "'";
      entry
          .value()
          .map(where, List.of("limits"))
          .flatMap(map -> map.require("limits", "add 'limits:', measurement name to its limits"))
          .flatMap(value -> value.anyMap("the limits of " + where))
          .ifPresent(map -> read.add(variant(entry.name(), map)));
    }
    return read;
  }

  private Draft variant(String name, YamlMap limitsByMeasurement) {
    Map<String, List<Validator>> byName = new LinkedHashMap<>();
    List<Reference> named = new ArrayList<>();
    for (YamlMap.Entry entry : limitsByMeasurement.entries()) {
      named.add(new Reference(entry.name(), problems.at(entry.key())));
      String measurement = "measurement '" + entry.name() + "' in variant '" + name + "'";
      Optional<YamlMap> map = entry.value().map("limits of " + measurement, LimitReader.KEYS);
      map.map(m -> limits.read(m, measurement))
          .filter(validators -> !validators.isEmpty())
          .ifPresent(validators -> byName.put(entry.name(), validators));
    }
    return new Draft(new Variant(name, byName), named);
  }
}
