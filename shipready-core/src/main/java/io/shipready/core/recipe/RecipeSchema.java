package io.shipready.core.recipe;

import static java.util.Objects.requireNonNull;

import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.StepKind;
import io.shipready.core.step.StepLibrary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A JSON Schema (draft-07, the draft YAML editors support best) for recipes written for a step
 * library, so an editor completes keys, kinds and parameters and marks mistakes while the recipe is
 * written. The parser stays the judge: the schema cannot see across the recipe (unique ids,
 * dependencies, ordering rules, locks).
 */
public final class RecipeSchema {
  private RecipeSchema() {}

  /** The schema as indented JSON; the same library always gives the same text. */
  public static String generate(StepLibrary library) {
    requireNonNull(library, "library");
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("$schema", "http://json-schema.org/draft-07/schema#");
    schema.put("title", "shipready recipe");
    schema.put(
        "description",
        "The steps a station does to each unit, with limits, retries, timeouts and dependencies.");
    schema.put("type", "object");
    schema.put("required", List.of("recipe", "version", "station", "steps"));
    schema.put("additionalProperties", false);
    schema.put("properties", topLevel());
    schema.put("definitions", definitions(library));
    return JsonWriter.write(schema);
  }

  private static Map<String, Object> topLevel() {
    return object(
        "recipe",
        described("The recipe's name.", pattern(RecipeReader.NAME)),
        "version",
        described(
            "The recipe's version, kept in every record; a number is read as written.",
            object("type", List.of("string", "number"))),
        "description",
        described("What the recipe is for.", object("type", "string")),
        "station",
        ref("station"),
        "simulation",
        described(
            "Settings for the simulator, kept as written and read by the simulator only.",
            object("type", "object")),
        "variants",
        described(
            "Product variants, each with its own limits for some measurements.",
            object(
                "type",
                "object",
                "propertyNames",
                pattern(VariantReader.NAME),
                "additionalProperties",
                ref("variant"))),
        "setup",
        ref("setup"),
        "teardown",
        ref("teardown"),
        "steps",
        described(
            "The steps run on each unit. Without depends_on a step waits for the one listed"
                + " before it.",
            object("type", "array", "minItems", 1, "items", ref("step"))));
  }

  private static Map<String, Object> definitions(StepLibrary library) {
    return object(
        "station",
        station(),
        "setup",
        sections(
            "Steps run before: 'station' once when the station starts, 'run' before each unit."),
        "teardown",
        sections("Steps run after: 'run' after each unit, 'station' once when the station stops."),
        "stepList",
        object("type", "array", "items", ref("step")),
        "step",
        step(library),
        "retry",
        retry(),
        "measurement",
        measurement(),
        "limit",
        described(
            "Limits that replace the recipe's for this variant.",
            object(
                "type",
                "object",
                "additionalProperties",
                false,
                "minProperties",
                1,
                "properties",
                limitProperties())),
        "variant",
        object(
            "type",
            "object",
            "additionalProperties",
            false,
            "required",
            List.of("limits"),
            "properties",
            object(
                "limits",
                described(
                    "Measurement name to the limits this variant gives it.",
                    object("type", "object", "additionalProperties", ref("limit"))))));
  }

  private static Map<String, Object> station() {
    return described(
        "The station that runs the recipe.",
        object(
            "type",
            "object",
            "additionalProperties",
            false,
            "required",
            List.of("device_family"),
            "properties",
            object(
                "name",
                described("The station's name; the recipe's name when left out.", text()),
                "device_family",
                described("The family of device the steps are written for.", text()),
                "slots",
                described(
                    "How many units the station holds at once (default 1).",
                    object("type", "integer", "minimum", 1)),
                "instruments",
                described(
                    "Shared instruments a step may hold alone with 'lock:'.", oneOrList(text())))));
  }

  private static Map<String, Object> sections(String description) {
    return described(
        description,
        object(
            "type",
            "object",
            "additionalProperties",
            false,
            "properties",
            object("station", ref("stepList"), "run", ref("stepList"))));
  }

  private static Map<String, Object> step(StepLibrary library) {
    List<String> kinds = library.kinds().stream().map(StepKind::name).toList();
    Map<String, Object> properties =
        object(
            "id",
            described("Unique in the recipe.", pattern(StepReader.ID)),
            "kind",
            described("The action, from the station's step library.", object("enum", kinds)),
            "name",
            described("What operators see; the id when left out.", text()),
            "with",
            described("The kind's parameters.", object("type", "object")),
            "timeout",
            described("How long one attempt may take (default 5m).", duration()),
            "retry",
            ref("retry"),
            "on_fail",
            described(
                "stop (default) skips the rest of the run but teardown; continue goes on.",
                object("enum", List.of("stop", "continue"))),
            "depends_on",
            described(
                "The steps this one waits for; [] to start at once. Left out, the step listed"
                    + " before.",
                oneOrList(pattern(StepReader.ID))),
            "lock",
            described("A station instrument this step holds alone while it runs.", text()),
            "measurements",
            described(
                "Values the step takes, each judged by its limits.",
                object("type", "array", "items", ref("measurement"))));
    List<Object> perKind = new ArrayList<>();
    for (StepKind kind : library.kinds()) {
      perKind.add(
          object(
              "if",
              object(
                  "properties",
                  object("kind", object("const", kind.name())),
                  "required",
                  List.of("kind")),
              "then",
              kindRules(kind)));
    }
    Map<String, Object> step =
        described(
            "One action from the station's step library, with its parameters, limits, timeout,"
                + " retries and dependencies.",
            object(
                "type",
                "object",
                "required",
                List.of("id", "kind"),
                "additionalProperties",
                false,
                "properties",
                properties));
    if (!perKind.isEmpty()) {
      step.put("allOf", perKind);
    }
    return step;
  }

  private static Map<String, Object> kindRules(StepKind kind) {
    Map<String, Object> params = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (ParamSpec param : kind.params()) {
      params.put(param.name(), param(param));
      if (param.required()) {
        required.add(param.name());
      }
    }
    Map<String, Object> with =
        described(
            kind.name() + ": " + kind.description(),
            object("type", "object", "additionalProperties", false, "properties", params));
    if (!required.isEmpty()) {
      with.put("required", required);
    }
    Map<String, Object> properties = object("with", with);
    if (!kind.takesMeasurements()) {
      properties.put("measurements", false);
    }
    Map<String, Object> rules = described(kind.description(), object("properties", properties));
    if (!required.isEmpty()) {
      rules.put("required", List.of("with"));
    }
    return rules;
  }

  private static Map<String, Object> param(ParamSpec param) {
    Map<String, Object> single =
        param.allowed().isEmpty()
            ? object("type", List.of("string", "number", "boolean"))
            : object("enum", param.allowed());
    Map<String, Object> schema =
        switch (param.type()) {
          case STRING -> single;
          case INTEGER -> object("type", "integer");
          case NUMBER -> object("type", "number");
          case BOOLEAN -> object("type", "boolean");
          case DURATION -> duration();
          case STRING_LIST -> oneOrList(single);
        };
    return param.description().isBlank() ? schema : described(param.description(), schema);
  }

  private static Map<String, Object> retry() {
    return described(
        "Tries the step again: count more times, after delay, on the endings listed in on.",
        object(
            "type",
            "object",
            "additionalProperties",
            false,
            "required",
            List.of("count"),
            "properties",
            object(
                "count",
                described("How many more attempts.", object("type", "integer", "minimum", 0)),
                "delay",
                described("The pause before each new attempt.", duration()),
                "on",
                described(
                    "The endings that are retried (default [error, timeout]).",
                    oneOrList(object("enum", List.of("fail", "error", "timeout")))))));
  }

  private static Map<String, Object> measurement() {
    Map<String, Object> properties =
        object(
            "name",
            described(
                "Unique in the recipe; the key of the value in the record.",
                pattern(MeasurementReader.NAME)),
            "units",
            described("Units shown with the value, such as V or dBm.", text()),
            "source",
            described(
                "What the step reads, in the kind's own terms; the name when left out.", text()));
    properties.putAll(limitProperties());
    List<Object> anyLimit = new ArrayList<>();
    LimitReader.KEYS.forEach(key -> anyLimit.add(object("required", List.of(key))));
    return described(
        "A named value and the limits it must meet; at least one limit.",
        object(
            "type",
            "object",
            "additionalProperties",
            false,
            "required",
            List.of("name"),
            "properties",
            properties,
            "anyOf",
            anyLimit));
  }

  private static Map<String, Object> limitProperties() {
    Map<String, Object> scalar = object("type", List.of("string", "number", "boolean"));
    return object(
        "range",
        described(
            "Inclusive bounds; either may be left out.",
            object(
                "type",
                "object",
                "additionalProperties",
                false,
                "minProperties",
                1,
                "properties",
                object("min", object("type", "number"), "max", object("type", "number")))),
        "equals",
        described("The exact value; numbers compare by value.", scalar),
        "regex",
        described("A Java regular expression the whole value must match.", text()),
        "one_of",
        described("The values allowed.", object("type", "array", "minItems", 1, "items", scalar)));
  }

  private static Map<String, Object> duration() {
    return object(
        "anyOf",
        List.of(
            object("type", "string", "pattern", Durations.SYNTAX),
            object("type", "number", "minimum", 0)));
  }

  private static Map<String, Object> oneOrList(Map<String, Object> item) {
    return object("anyOf", List.of(item, object("type", "array", "items", item)));
  }

  private static Map<String, Object> pattern(Pattern pattern) {
    return object("type", "string", "pattern", "^" + pattern.pattern() + "$");
  }

  private static Map<String, Object> text() {
    return object("type", "string");
  }

  private static Map<String, Object> ref(String definition) {
    return object("$ref", "#/definitions/" + definition);
  }

  /** The description first, so people reading the schema see what a thing is before its shape. */
  private static Map<String, Object> described(String description, Map<String, Object> schema) {
    Map<String, Object> described = object("description", description);
    described.putAll(schema);
    return described;
  }

  private static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      object.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return object;
  }
}
