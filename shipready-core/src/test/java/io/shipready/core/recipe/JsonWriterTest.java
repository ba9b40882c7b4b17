package io.shipready.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
  @Test
  void keepsKeyOrderAndPutsSmallThingsOnOneLine() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("z", Map.of("type", "string"));
    value.put("a", List.of("x", 1, true));
    value.put("m", List.of(Map.of("const", 1.5), Map.of()));

    assertThat(JsonWriter.write(value))
        .isEqualTo(
            """
            {
              "z": {"type": "string"},
              "a": ["x", 1, true],
              "m": [
                {"const": 1.5},
                {}
              ]
            }
            """);
  }

  @Test
  void escapesText() {
    assertThat(JsonWriter.write("a \"q\" \\ b\nc\u0001"))
        .isEqualTo("\"a \\\"q\\\" \\\\ b\\nc\\u0001\"\n");
  }
}
