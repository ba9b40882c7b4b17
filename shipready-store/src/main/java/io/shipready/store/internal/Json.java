package io.shipready.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Map;

/** The JSON the store keeps in text columns (limits, station config). */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("cannot write " + value + " as JSON", impossible);
    }
  }

  public static String strings(List<String> values) {
    return write(values);
  }

  public static String map(Map<String, String> values) {
    return write(values);
  }

  public static List<String> readStrings(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return MAPPER.readValue(json, STRINGS);
    } catch (JsonProcessingException notJson) {
      // Written by something else: show it as it is rather than hide it.
      return List.of(json);
    }
  }
}
