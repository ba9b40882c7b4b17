package io.shipready.core.recipe;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.StepSpec;
import io.shipready.core.step.StepLibrary;
import io.shipready.core.yaml.YamlInput;
import io.shipready.core.yaml.YamlInputException;
import io.shipready.core.yaml.YamlLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a composed recipe document into a {@link Recipe}: the top-level keys, the station, the
 * sections of steps, then the checks that need the whole recipe (names, dependencies, ordering).
 */
final class RecipeReader {
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  static final List<String> KEYS =
      List.of(
          "recipe",
          "version",
          "description",
          "station",
          "simulation",
          "variants",
          "setup",
          "teardown",
          "steps");
  static final List<String> STATION_KEYS = List.of("name", "device_family", "slots", "instruments");
  static final List<String> SETUP_KEYS = List.of("station", "run");

  private final Problems problems;
  private final StepReader stepReader;
  private final VariantReader variantReader;
  private final Set<String> families;

  /**
   * @param families the device families a recipe may name, in order; empty for any
   */
  RecipeReader(StepLibrary library, Set<String> families, Problems problems) {
    this.problems = requireNonNull(problems, "problems");
    this.families = requireNonNull(families, "families");
    this.stepReader = new StepReader(library, problems);
    this.variantReader = new VariantReader(problems);
  }

  /** The recipe, or empty when any problem was found (all of them reported). */
  Optional<Recipe> read(Node root, Path baseDir, String contentSha256) {
    if (!(root instanceof MappingNode)) {
      problems.add(
          root,
          "the recipe must be a mapping of keys to values, not "
              + (root instanceof ScalarNode ? "a single value" : "a list"),
          "start the file with 'recipe: <name>', then version:, station: and steps:");
      return Optional.empty();
    }
    YamlMap map = YamlMap.of((MappingNode) root, "the recipe", problems).allowOnly(KEYS);
    Optional<String> name =
        map.require("recipe", "add 'recipe: <name>' (e.g. recipe: sample-sensor)")
            .flatMap(this::name);
    Optional<String> version =
        map.require("version", "add 'version: \"1.0\"'").flatMap(this::version);
    String description = map.get("description").flatMap(YamlValue::text).orElse(null);
    Optional<StationSpec> station =
        map.require("station", "add 'station:' with at least 'device_family:'")
            .flatMap(value -> station(value, name.orElse("")));
    Map<String, Object> simulation = map.get("simulation").map(this::simulation).orElse(Map.of());
    List<VariantReader.Draft> variants =
        map.get("variants").map(variantReader::read).orElse(List.of());

    Map<Section, List<StepDraft>> sections = new EnumMap<>(Section.class);
    readSetupOrTeardown(
        map.get("setup"), "setup", Section.STATION_SETUP, Section.RUN_SETUP, sections);
    sections.put(Section.STEPS, steps(map));
    readSetupOrTeardown(
        map.get("teardown"), "teardown", Section.STATION_TEARDOWN, Section.RUN_TEARDOWN, sections);

    Map<Section, List<StepDraft>> resolved = checkAcrossSections(sections, station, variants);
    if (!problems.none()) {
      return Optional.empty();
    }
    Map<String, Variant> variantsByName = new LinkedHashMap<>();
    variants.forEach(draft -> variantsByName.put(draft.variant().name(), draft.variant()));
    return Optional.of(
        new Recipe(
            name.orElseThrow(),
            version.orElseThrow(),
            description,
            station.orElseThrow(),
            specs(resolved.get(Section.STATION_SETUP)),
            specs(resolved.get(Section.RUN_SETUP)),
            specs(resolved.get(Section.STEPS)),
            specs(resolved.get(Section.RUN_TEARDOWN)),
            specs(resolved.get(Section.STATION_TEARDOWN)),
            variantsByName,
            simulation,
            baseDir,
            problems.source(),
            contentSha256));
  }

  private Map<Section, List<StepDraft>> checkAcrossSections(
      Map<Section, List<StepDraft>> sections,
      Optional<StationSpec> station,
      List<VariantReader.Draft> variants) {
    List<StepDraft> all = new ArrayList<>();
    for (Section section : Section.values()) {
      all.addAll(sections.getOrDefault(section, List.of()));
    }
    CrossReferences references = new CrossReferences(problems);
    Map<String, Section> sectionOfId = references.uniqueIds(all);
    Map<String, Section> sectionOfMeasurement = references.uniqueMeasurements(all);
    station.ifPresent(spec -> references.locks(all, spec.instruments()));
    references.variants(variants, sectionOfMeasurement);

    Dependencies dependencies = new Dependencies(problems);
    OrderingRules ordering = new OrderingRules(problems);
    Map<Section, List<StepDraft>> resolved = new EnumMap<>(Section.class);
    for (Section section : Section.values()) {
      Dependencies.Resolved steps =
          dependencies.resolve(section, sections.getOrDefault(section, List.of()), sectionOfId);
      resolved.put(section, steps.steps());
      if (!section.mayHoldIrreversibleSteps()) {
        ordering.checkSetupOrTeardown(steps.steps());
      } else if (steps.sound()) {
        ordering.checkSteps(steps.steps());
      }
    }
    return resolved;
  }

  private Optional<String> name(YamlValue value) {
    Optional<String> name = value.text();
    if (name.isPresent() && !NAME.matcher(name.get()).matches()) {
      value.refuse(
          "recipe name '" + name.get() + "' is not valid",
          "use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit"
              + " (e.g. sample-sensor)");
      return Optional.empty();
    }
    return name;
  }

  /** Text, or a number kept as written: version: 1.10 is "1.10", not 1.1. */
  private Optional<String> version(YamlValue value) {
    Node node = value.node();
    if (node instanceof ScalarNode && Tag.BOOL.equals(node.getTag())) {
      value.wrongType("text or a number", "write the version in quotes, e.g. version: \"1.0\"");
      return Optional.empty();
    }
    return value.text();
  }

  private Optional<StationSpec> station(YamlValue value, String recipeName) {
    Optional<YamlMap> read = value.map("station", STATION_KEYS);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    YamlMap map = read.get();
    String name = map.get("name").flatMap(YamlValue::text).orElse(recipeName);
    Optional<String> family =
        map.require("device_family", "add 'device_family:', the family the steps are written for")
            .flatMap(this::family);
    Optional<Long> slots = map.get("slots").map(this::slots).orElse(Optional.of(1L));
    Optional<List<String>> instruments =
        map.get("instruments").map(this::instruments).orElse(Optional.of(List.of()));
    if (family.isEmpty() || slots.isEmpty() || instruments.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new StationSpec(name, family.get(), slots.get().intValue(), instruments.get()));
  }

  /** A family no simulator, firmware or driver knows would leave the station with no units. */
  private Optional<String> family(YamlValue value) {
    Optional<String> family = value.text();
    if (family.isPresent() && !families.isEmpty() && !families.contains(family.get())) {
      value.refuse(
          "unknown device family '" + family.get() + "'",
          Suggestions.fix(family.get(), List.copyOf(families), "known families"));
      return Optional.empty();
    }
    return family;
  }

  private Optional<Long> slots(YamlValue value) {
    Optional<Long> slots = value.integer();
    if (slots.isPresent() && (slots.get() < 1 || slots.get() > Integer.MAX_VALUE)) {
      value.refuse(
          value.label() + " must be 1 or more, not " + slots.get(),
          "write how many units the station holds at once, e.g. slots: 4");
      return Optional.empty();
    }
    return slots;
  }

  private Optional<List<String>> instruments(YamlValue value) {
    Optional<List<String>> instruments = value.texts();
    if (instruments.isPresent()
        && instruments.get().stream().distinct().count() < instruments.get().size()) {
      value.refuse(
          value.label() + " names an instrument twice", "list each shared instrument once");
      return Optional.empty();
    }
    return instruments;
  }

  /** Kept as plain Java values for the simulator, which gives them meaning. */
  private Map<String, Object> simulation(YamlValue value) {
    Optional<YamlMap> map = value.anyMap("simulation");
    if (map.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> simulation = new LinkedHashMap<>();
    for (YamlMap.Entry entry : map.get().entries()) {
      if (entry.value().isNull()) {
        entry
            .value()
            .refuse(entry.value().label() + " has no value", "give it a value or remove it");
        continue;
      }
      try {
        simulation.put(entry.name(), YamlInput.toJava(problems.source(), entry.value().node()));
      } catch (YamlInputException unreadable) {
        entry
            .value()
            .refuse(
                entry.value().label() + " cannot be read: " + unreadable.problem(),
                "write plain values, lists and mappings");
      }
    }
    return simulation;
  }

  private void readSetupOrTeardown(
      Optional<YamlValue> value,
      String key,
      Section station,
      Section run,
      Map<Section, List<StepDraft>> sections) {
    Optional<YamlMap> map = value.flatMap(v -> v.map(key, SETUP_KEYS));
    sections.put(
        station, map.flatMap(m -> m.get("station")).map(v -> list(v, station)).orElse(List.of()));
    sections.put(run, map.flatMap(m -> m.get("run")).map(v -> list(v, run)).orElse(List.of()));
  }

  private List<StepDraft> steps(YamlMap map) {
    Optional<YamlValue> value =
        map.require("steps", "add 'steps:' with the list of steps to run on each unit");
    if (value.isPresent()
        && value.get().node() instanceof SequenceNode sequence
        && sequence.getValue().isEmpty()) {
      value.get().refuse("'steps' is empty", "add at least one step");
    }
    return value.map(v -> list(v, Section.STEPS)).orElse(List.of());
  }

  private List<StepDraft> list(YamlValue value, Section section) {
    List<StepDraft> steps = new ArrayList<>();
    List<YamlValue> items = value.list().orElse(List.of());
    int most = YamlLimits.DEFAULT.maxSteps();
    if (items.size() > most) {
      value.refuse(
          section.path() + " holds " + items.size() + " steps, more than the " + most + " allowed",
          "split the work across stations, or check that the file was generated as meant");
      return List.of();
    }
    for (int i = 0; i < items.size(); i++) {
      stepReader.read(items.get(i), section, i).ifPresent(steps::add);
    }
    return steps;
  }

  private static List<StepSpec> specs(List<StepDraft> drafts) {
    return drafts.stream().map(StepDraft::spec).toList();
  }
}
