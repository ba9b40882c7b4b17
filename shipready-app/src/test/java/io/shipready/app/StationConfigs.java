package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A line's station config template filled in as a factory would, for the line tests. */
final class StationConfigs {
  private StationConfigs() {}

  /**
   * Replaces every {@code CHANGE_ME} with the value for its key and writes {@code
   * station-config.yaml} into {@code dir}; a placeholder left unfilled fails the test.
   */
  static Path filled(Path line, Path dir, Map<String, String> values) throws IOException {
    StringBuilder filled = new StringBuilder();
    for (String text :
        Files.readString(line.resolve("station-config.template.yaml")).split("\n", -1)) {
      String key = text.strip().split(":", 2)[0];
      if (text.strip().endsWith("CHANGE_ME") && values.containsKey(key)) {
        text = text.replace("CHANGE_ME", values.get(key));
      }
      filled.append(text).append('\n');
    }
    assertThat(filled.toString().lines().filter(l -> !l.strip().startsWith("#")))
        .noneMatch(l -> l.contains("CHANGE_ME"));
    Path config = dir.resolve("station-config.yaml");
    Files.writeString(config, filled);
    return config;
  }
}
