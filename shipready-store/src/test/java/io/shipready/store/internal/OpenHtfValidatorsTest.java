package io.shipready.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.model.Validator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OpenHtfValidatorsTest {
  private static String openHtf(Validator validator) {
    return OpenHtfValidators.of(validator.describe());
  }

  @Test
  void limitsReadAsOpenHtfValidatorsPrintThemselves() {
    assertThat(openHtf(new Validator.Range(3.0, 3.5))).isEqualTo("3.0 <= x <= 3.5");
    assertThat(openHtf(new Validator.Range(null, 3.5))).isEqualTo("x <= 3.5");
    assertThat(openHtf(new Validator.Range(-70.0, null))).isEqualTo("-70.0 <= x");
    assertThat(openHtf(new Validator.Range(2.0, 2.0))).isEqualTo("x == 2.0");
    assertThat(openHtf(new Validator.Equals(3))).isEqualTo("x == 3.0");
    assertThat(openHtf(new Validator.Equals("ok"))).isEqualTo("'x' is equal to 'ok'");
    assertThat(openHtf(new Validator.Matches(Pattern.compile("P0[0-9A-Z]{11}"))))
        .isEqualTo("'x' matches /P0[0-9A-Z]{11}/");
    assertThat(openHtf(new Validator.OneOf(List.of("a", "b")))).isEqualTo("'x' is one of [a, b]");
    assertThat(OpenHtfValidators.of("range 3.0..3.6")).isEqualTo("range 3.0..3.6");
  }

  @Test
  void unitsAreOpenHtfUnitObjects() {
    assertThat(OpenHtfUnits.of("V")).isEqualTo(new OpenHtfUnits.Unit("volt", "VLT", "V"));
    assertThat(OpenHtfUnits.of("mA")).isEqualTo(new OpenHtfUnits.Unit("milliampere", "4K", "mA"));
    assertThat(OpenHtfUnits.of("B")).isEqualTo(new OpenHtfUnits.Unit("byte", "AD", "byte"));
    assertThat(OpenHtfUnits.of("widgets"))
        .isEqualTo(new OpenHtfUnits.Unit("widgets", null, "widgets"));
    assertThat(OpenHtfUnits.of("")).isNull();
  }
}
