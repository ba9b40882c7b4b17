package io.shipready.output.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallPartsTest {

  @Test
  void chunkingGroupsInFours() {
    assertThat(Chunking.group("ABCDEF123456", 4, 0)).isEqualTo("ABCD-EF12-3456");
    assertThat(Chunking.group("ABCDEF1234", 4, 0)).isEqualTo("ABCD-EF12-34");
    assertThat(Chunking.group("ABCD", 4, 0)).isEqualTo("ABCD");
    assertThat(Chunking.group("ABCDEF123456", 0, 0)).isEqualTo("ABCDEF123456");
    assertThat(Chunking.group("A1B2C3D4E5F60718293A4B5C", 4, 3))
        .isEqualTo("A1B2-C3D4-E5F6\n0718-293A-4B5C");
  }

  @Test
  void valueTemplateFillsFieldsAndKeepsDoubledBraces() {
    ValueTemplate template = ValueTemplate.parse("1:{association_id}:{device_id} {{x}}");

    assertThat(template.fields()).containsExactly("association_id", "device_id");
    assertThat(template.render(Map.of("association_id", "A", "device_id", "D")::get))
        .isEqualTo("1:A:D {x}");
  }

  @Test
  void valueTemplateSaysWhatIsWrong() {
    assertThatThrownBy(() -> ValueTemplate.parse("SN {serial"))
        .hasMessage(
            "has an unclosed '{' at character 4; write {field_name}, or {{ for a literal brace");
    assertThatThrownBy(() -> ValueTemplate.parse("SN serial}"))
        .hasMessageContaining("'}' without its '{' at character 10");
    assertThatThrownBy(() -> ValueTemplate.parse("{device id}"))
        .hasMessageContaining("names the field '{device id}'");
  }

  @Test
  void backoffDoublesUpToItsLimit() {
    Backoff backoff =
        new Backoff(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(5));

    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofMillis(400));
    assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff.delayAfter(40)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void jobNamesCannotLeaveTheFolder() {
    assertThat(JobNames.fileSafe("../../etc/passwd")).isEqualTo("_._.._etc_passwd");
    assertThat(JobNames.fileSafe(".hidden")).isEqualTo("_hidden");
    assertThat(JobNames.fileSafe("")).isEqualTo("label");
    assertThat(JobNames.fileSafe("P045AB1234567")).isEqualTo("P045AB1234567");
  }

  @Test
  void nearestKeyForATypo() {
    assertThat(Nearest.to("print_darknes", TemplateKeys.PRINTER_KEYS)).hasValue("print_darkness");
    assertThat(Nearest.to("xcoord", TemplateKeys.QR_KEYS)).hasValue("x_coord");
    assertThat(Nearest.to("colour", TemplateKeys.QR_KEYS)).isEmpty();
  }
}
