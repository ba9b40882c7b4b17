package io.shipready.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> KEYS = List.of("id", "kind", "timeout", "depends_on", "on");

  @Test
  void proposesTheNearestNameForATypo() {
    assertThat(Suggestions.nearest("timout", KEYS)).contains("timeout");
    assertThat(Suggestions.nearest("depnds_on", KEYS)).contains("depends_on");
    assertThat(Suggestions.nearest("Kind", KEYS)).as("case does not count").contains("kind");
    assertThat(Suggestions.nearest("tiemout", KEYS)).as("swapped letters").contains("timeout");
  }

  @Test
  void proposesNothingWhenNoNameIsClose() {
    assertThat(Suggestions.nearest("colour", KEYS)).isEmpty();
    assertThat(Suggestions.nearest("at", KEYS)).isEmpty();
  }

  @Test
  void alwaysListsTheKnownNames() {
    assertThat(Suggestions.fix("timout", KEYS, "valid keys"))
        .isEqualTo("did you mean 'timeout'? valid keys: id, kind, timeout, depends_on, on");
    assertThat(Suggestions.fix("colour", List.of(), "valid keys")).isEqualTo("valid keys: (none)");
  }
}
