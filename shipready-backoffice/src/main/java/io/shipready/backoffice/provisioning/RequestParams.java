package io.shipready.backoffice.provisioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request's parameters from a form-encoded or a JSON body, as Particle accepts both. A form's
 * {@code sims[]=a&sims[]=b} and JSON's {@code "sims": ["a", "b"]} read the same.
 */
public final class RequestParams {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode json;
  private final Map<String, List<String>> form;

  private RequestParams(JsonNode json, Map<String, List<String>> form) {
    this.json = json;
    this.form = form;
  }

  public static RequestParams of(Context ctx) {
    String type = ctx.contentType();
    if (type != null && type.toLowerCase().startsWith("application/json")) {
      try {
        JsonNode node = JSON.readTree(ctx.body());
        if (node == null || !node.isObject()) {
          throw new ApiException(ApiReply.badRequest("The JSON body must be an object"));
        }
        return new RequestParams(node, Map.of());
      } catch (JsonProcessingException bad) {
        throw new ApiException(
            ApiReply.badRequest("The body is not valid JSON: " + bad.getOriginalMessage()));
      }
    }
    return new RequestParams(null, ctx.formParamMap());
  }

  /** One value, or null. */
  public String one(String name) {
    List<String> values = all(name);
    return values.isEmpty() ? null : values.get(0);
  }

  /** Every value of a name, also under {@code name[]}. */
  public List<String> all(String name) {
    List<String> values = new ArrayList<>();
    if (json != null) {
      addJson(json.get(name), values);
      addJson(json.get(name + "[]"), values);
    } else {
      values.addAll(form.getOrDefault(name, List.of()));
      values.addAll(form.getOrDefault(name + "[]", List.of()));
    }
    values.removeIf(v -> v == null || v.isBlank());
    return values;
  }

  /** A nested JSON object (only JSON bodies have one). */
  public JsonNode node(String name) {
    return json == null ? null : json.get(name);
  }

  /** The names given, to refuse ones this server does not support. */
  public Iterable<String> names() {
    if (json != null) {
      List<String> names = new ArrayList<>();
      json.fieldNames().forEachRemaining(names::add);
      return names;
    }
    return form.keySet();
  }

  private static void addJson(JsonNode node, List<String> into) {
    if (node == null || node.isNull()) {
      return;
    }
    if (node.isArray()) {
      node.forEach(item -> into.add(item.asText()));
    } else {
      into.add(node.asText());
    }
  }
}
