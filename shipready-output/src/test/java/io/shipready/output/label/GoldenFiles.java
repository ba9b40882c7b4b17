package io.shipready.output.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a stored expectation under src/test/resources/label/golden. Run the tests
 * with -Dshipready.golden.update=true to rewrite the expectations after a deliberate change, then
 * review the difference before committing it.
 */
final class GoldenFiles {
  static final String UPDATE = "shipready.golden.update";

  private GoldenFiles() {}

  static void assertMatches(String name, String actual) throws IOException {
    Path golden = ModuleDirs.goldenDir().resolve(name);
    if (Boolean.getBoolean(UPDATE)) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(golden)
        .as("golden file %s is missing; run the tests with -D%s=true to write it", golden, UPDATE)
        .exists();
    String expected = Files.readString(golden, StandardCharsets.UTF_8);
    assertThat(actual)
        .as(
            "%s differs from %s; if the change is intended, rerun with -D%s=true",
            name, golden, UPDATE)
        .isEqualTo(expected);
  }
}
