package io.shipready.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.model.MeasurementSpec;
import io.shipready.core.model.OnFail;
import io.shipready.core.model.RetryPolicy;
import io.shipready.core.model.SourceLocation;
import io.shipready.core.model.StepSpec;
import io.shipready.core.model.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipeParserTest {
  static final String GOOD =
      """
      recipe: sample-sensor
      version: 1.10
      description: Programs and tests the sample sensor
      station:
        name: sample-test
        device_family: particle
        slots: 4
        instruments: [rf_tester]
      simulation:
        fault_rate: 0.05
        faults: [flash_timeout]
      variants:
        eu:
          limits:
            vdd: {range: {min: 3.1, max: 3.5}}
      setup:
        station:
          - id: warm_up
            kind: measure
            measurements:
              - {name: fixture_temp, units: C, range: {max: 40}}
        run:
          - id: power_on
            kind: flash
            with: {image: images/boot.bin}
      teardown:
        run:
          - id: power_off
            kind: flash
            with: {image: images/empty.bin}
      steps:
        - id: identify
          kind: identify
        - id: flash_app
          kind: flash
          name: Flash the application
          with: {image: images/app.bin, verify: true}
          timeout: 30s
          retry: {count: 2, delay: 1s, on: [fail, error, timeout]}
        - id: measure_power
          kind: measure
          depends_on: [flash_app]
          with: {samples: 3, scale: 1, settle: 500ms, channels: vdd, mode: precise}
          measurements:
            - name: vdd
              units: V
              source: supply_voltage
              range: {min: 3.0, max: 3.6}
            - {name: firmware, equals: 1.2.0}
            - {name: serial, regex: "P[0-9]{6}"}
            - {name: band, one_of: [868, 915]}
        - id: measure_radio
          kind: measure
          depends_on: flash_app
          lock: rf_tester
          on_fail: continue
          measurements:
            - {name: ble_rssi, units: dBm, range: {min: -70}}
        - id: ready
          kind: ready_to_ship
          depends_on: [measure_power, measure_radio]
        - id: burn_fuses
          kind: efuse
          with: {fuses: [jtag_disable, secure_boot]}
          timeout: 2
        - id: finalize
          kind: set_state
          with: {state: DeviceComplete}
      """;

  private final RecipeParser parser = new RecipeParser(TestSteps.library());

  @Test
  void readsEveryPartOfAGoodRecipe() {
    Recipe recipe = parser.parse("good.yaml", GOOD, Path.of("lines/sample"));

    assertThat(recipe.name()).isEqualTo("sample-sensor");
    assertThat(recipe.version()).as("a number is kept as written").isEqualTo("1.10");
    assertThat(recipe.description()).isEqualTo("Programs and tests the sample sensor");
    assertThat(recipe.station())
        .isEqualTo(new StationSpec("sample-test", "particle", 4, List.of("rf_tester")));
    assertThat(recipe.simulation())
        .isEqualTo(Map.of("fault_rate", 0.05, "faults", List.of("flash_timeout")));
    assertThat(recipe.baseDir()).isEqualTo(Path.of("lines/sample"));
    assertThat(recipe.source()).isEqualTo("good.yaml");
    assertThat(recipe.stationSetup()).extracting(StepSpec::id).containsExactly("warm_up");
    assertThat(recipe.runSetup()).extracting(StepSpec::id).containsExactly("power_on");
    assertThat(recipe.runTeardown()).extracting(StepSpec::id).containsExactly("power_off");
    assertThat(recipe.stationTeardown()).isEmpty();
    assertThat(recipe.steps())
        .extracting(StepSpec::id)
        .containsExactly(
            "identify",
            "flash_app",
            "measure_power",
            "measure_radio",
            "ready",
            "burn_fuses",
            "finalize");
  }

  @Test
  void readsAStepWithEverySetting() {
    StepSpec flash = parser.parse("good.yaml", GOOD, null).step("flash_app").orElseThrow();

    assertThat(flash.kind()).isEqualTo("flash");
    assertThat(flash.name()).isEqualTo("Flash the application");
    assertThat(flash.params()).isEqualTo(Map.of("image", "images/app.bin", "verify", true));
    assertThat(flash.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(flash.retry())
        .isEqualTo(
            new RetryPolicy(
                2,
                Duration.ofSeconds(1),
                EnumSet.of(RetryPolicy.On.FAIL, RetryPolicy.On.ERROR, RetryPolicy.On.TIMEOUT)));
    assertThat(flash.onFail()).isEqualTo(OnFail.STOP);
    assertThat(flash.dependsOn()).containsExactly("identify");
    assertThat(flash.lock()).isNull();
    assertThat(flash.location()).isEqualTo(new SourceLocation("good.yaml", 34, 5));
  }

  @Test
  void fillsInDefaults() {
    Recipe recipe =
        parser.parse(
            "plain.yaml",
            """
            recipe: plain
            version: "2"
            station: {device_family: particle}
            steps:
              - id: flash_app
                kind: flash
                with: {image: app.bin}
            """,
            null);

    assertThat(recipe.station()).isEqualTo(new StationSpec("plain", "particle", 1, List.of()));
    StepSpec step = recipe.steps().get(0);
    assertThat(step.name()).isEqualTo("flash_app");
    assertThat(step.timeout()).isEqualTo(StepSpec.DEFAULT_TIMEOUT);
    assertThat(step.retry()).isEqualTo(RetryPolicy.NONE);
    assertThat(step.onFail()).isEqualTo(OnFail.STOP);
    assertThat(step.dependsOn()).isEmpty();
    assertThat(recipe.variants()).isEmpty();
    assertThat(recipe.simulation()).isEmpty();
  }

  @Test
  void retriesErrorsAndTimeoutsUnlessToldOtherwise() {
    Recipe recipe =
        parser.parse(
            "retry.yaml",
            """
            recipe: retry
            version: "1"
            station: {device_family: particle}
            steps:
              - id: flash_app
                kind: flash
                with: {image: app.bin}
                retry: {count: 3}
            """,
            null);

    assertThat(recipe.steps().get(0).retry())
        .isEqualTo(
            new RetryPolicy(
                3, Duration.ZERO, EnumSet.of(RetryPolicy.On.ERROR, RetryPolicy.On.TIMEOUT)));
  }

  @Test
  void convertsParametersToTheirTypes() {
    Recipe recipe = parser.parse("good.yaml", GOOD, null);

    assertThat(recipe.step("measure_power").orElseThrow().params())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "samples",
                3L,
                "scale",
                1.0,
                "settle",
                Duration.ofMillis(500),
                "channels",
                List.of("vdd"),
                "mode",
                "precise"));
    assertThat(recipe.step("burn_fuses").orElseThrow().params())
        .isEqualTo(Map.of("fuses", List.of("jtag_disable", "secure_boot")));
    assertThat(recipe.step("burn_fuses").orElseThrow().timeout())
        .as("a bare number is seconds")
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void readsMeasurementsWithTheirLimits() {
    StepSpec step = parser.parse("good.yaml", GOOD, null).step("measure_power").orElseThrow();

    MeasurementSpec vdd = step.measurement("vdd").orElseThrow();
    assertThat(vdd.units()).isEqualTo("V");
    assertThat(vdd.source()).isEqualTo("supply_voltage");
    assertThat(vdd.validators()).containsExactly(new Validator.Range(3.0, 3.6));
    assertThat(vdd.location()).isEqualTo(new SourceLocation("good.yaml", 45, 9));

    MeasurementSpec firmware = step.measurement("firmware").orElseThrow();
    assertThat(firmware.source()).as("defaults to the name").isEqualTo("firmware");
    assertThat(firmware.validators()).containsExactly(new Validator.Equals("1.2.0"));

    Validator serial = step.measurement("serial").orElseThrow().validators().get(0);
    assertThat(serial.accepts("P123456")).isTrue();
    assertThat(serial.accepts("P1234567")).as("the whole value must match").isFalse();

    assertThat(step.measurement("band").orElseThrow().validators())
        .containsExactly(new Validator.OneOf(List.of(868L, 915L)));
  }

  @Test
  void aPlainListOfStepsRunsInOrder() {
    Recipe recipe = parser.parse("good.yaml", GOOD, null);

    assertThat(recipe.step("identify").orElseThrow().dependsOn())
        .as("the first step of a section waits for nothing")
        .isEmpty();
    assertThat(recipe.step("ready").orElseThrow().dependsOn())
        .containsExactly("measure_power", "measure_radio");
    assertThat(recipe.step("burn_fuses").orElseThrow().dependsOn()).containsExactly("ready");
    assertThat(recipe.step("finalize").orElseThrow().dependsOn()).containsExactly("burn_fuses");
    assertThat(recipe.step("power_on").orElseThrow().dependsOn()).isEmpty();
  }

  @Test
  void stepsNamingTheSameDependencyRunInParallel() {
    Recipe recipe = parser.parse("good.yaml", GOOD, null);

    assertThat(recipe.step("measure_power").orElseThrow().dependsOn()).containsExactly("flash_app");
    assertThat(recipe.step("measure_radio").orElseThrow().dependsOn())
        .as("a single id is a list of one")
        .containsExactly("flash_app");
  }

  @Test
  void anEmptyDependsOnStartsAtOnce() {
    Recipe recipe =
        parser.parse(
            "parallel.yaml",
            """
            recipe: parallel
            version: "1"
            station: {device_family: particle, slots: 2}
            steps:
              - {id: flash_a, kind: flash, with: {image: a.bin}}
              - {id: flash_b, kind: flash, with: {image: b.bin}, depends_on: []}
              - {id: measure, kind: measure, depends_on: [flash_a, flash_b],
                 measurements: [{name: vdd, range: {min: 3}}]}
            """,
            null);

    assertThat(recipe.step("flash_b").orElseThrow().dependsOn()).isEmpty();
    assertThat(recipe.step("measure").orElseThrow().dependsOn())
        .containsExactly("flash_a", "flash_b");
  }

  @Test
  void aVariantReplacesTheLimitsItNames() {
    Recipe recipe = parser.parse("good.yaml", GOOD, null);

    assertThat(recipe.variants())
        .isEqualTo(
            Map.of("eu", new Variant("eu", Map.of("vdd", List.of(new Validator.Range(3.1, 3.5))))));
    Recipe eu = recipe.forVariant("eu");
    assertThat(eu.step("measure_power").orElseThrow().measurement("vdd").orElseThrow().validators())
        .containsExactly(new Validator.Range(3.1, 3.5));
    assertThat(
            eu.step("measure_radio")
                .orElseThrow()
                .measurement("ble_rssi")
                .orElseThrow()
                .validators())
        .as("a measurement the variant does not name keeps its limits")
        .containsExactly(new Validator.Range(-70.0, null));
  }

  @Test
  void readsAFileKeepingItsFolderAndHash(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("sample.yaml");
    Files.writeString(file, GOOD);

    Recipe recipe = parser.parse(file);

    assertThat(recipe.source()).isEqualTo(file.toString());
    assertThat(recipe.baseDir()).isEqualTo(folder.toAbsolutePath());
    assertThat(recipe.contentSha256())
        .isEqualTo(
            HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest(GOOD.getBytes(StandardCharsets.UTF_8))))
        .matches(Pattern.compile("[0-9a-f]{64}"));
  }

  @Test
  void checkFindsNothingWrongWithAGoodRecipe() {
    assertThat(parser.check("good.yaml", GOOD)).isEmpty();
  }
}
