package io.shipready.device.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.ShipreadyException;
import io.shipready.core.device.ImageSignature;
import io.shipready.core.engine.Station;
import io.shipready.core.engine.StationReport;
import io.shipready.core.event.Event;
import io.shipready.core.model.AttachedUnit;
import io.shipready.core.model.Measurement;
import io.shipready.core.model.RunResult;
import io.shipready.core.model.StepResult;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.recipe.RecipeParser;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.Prompter;
import io.shipready.core.spi.UnitSource;
import io.shipready.core.steps.StandardSteps;
import io.shipready.device.image.FileImageLibrary;
import io.shipready.device.sim.ImageSigning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A one-slot station on a folder: recipes are parsed from YAML text with the standard step library,
 * images and other files the recipes name live in the folder, and every event is kept for the test
 * to look at. Each call to {@link #run} starts a station of its own, so putting a unit in again is
 * a retest of the same unit.
 */
final class TestLine {
  static final String SLOT = "1";

  private static final RecipeParser PARSER = new RecipeParser(StandardSteps.library());

  private final Path folder;
  private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
  private Prompter prompter =
      (prompt, timeout) -> {
        throw new ShipreadyException("no operator at this test station: " + prompt.message());
      };
  private String variant;

  TestLine(Path folder) {
    this.folder = folder;
  }

  TestLine prompter(Prompter prompter) {
    this.prompter = prompter;
    return this;
  }

  TestLine variant(String variant) {
    this.variant = variant;
    return this;
  }

  /** Parses a recipe as the station would read it from a file in the folder. */
  Recipe parse(String yaml) {
    return PARSER.parse(folder.resolve("recipe.yaml").toString(), yaml, folder);
  }

  /** Runs the recipe on one unit and returns its run. */
  RunResult run(String yaml, Device unit) {
    StationReport report = station(parse(yaml)).run(unitsOf(unit));
    assertThat(report.stationError()).isEmpty();
    assertThat(report.runs()).hasSize(1);
    return report.runs().get(0);
  }

  private Station station(Recipe recipe) {
    return Station.builder(recipe, StandardSteps.library())
        .slots(List.of(SLOT))
        .variant(variant)
        .images(new FileImageLibrary(folder))
        .prompter(prompter)
        .events(events::add)
        .abandonGrace(Duration.ofSeconds(2))
        .build();
  }

  /** One unit, then no more. */
  private static UnitSource unitsOf(Device unit) {
    Deque<Device> waiting = new ArrayDeque<>(List.of(unit));
    return slot -> {
      synchronized (waiting) {
        return Optional.ofNullable(waiting.poll()).map(next -> new AttachedUnit(1, next));
      }
    };
  }

  // --- what happened

  List<Event> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** The events of one run of a given type, in the order they happened. */
  <T extends Event> List<T> events(RunResult run, Class<T> type) {
    return events().stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(e -> run.runId().equals(e.runId()))
        .toList();
  }

  /** The operator notices a step logged, without the step id in front. */
  List<String> notices(String stepId) {
    String prefix = stepId + ": ";
    return events().stream()
        .filter(e -> e instanceof Event.Notice)
        .map(e -> ((Event.Notice) e).message())
        .filter(m -> m.startsWith(prefix))
        .map(m -> m.substring(prefix.length()))
        .toList();
  }

  static StepResult step(RunResult run, String stepId) {
    return run.steps().stream()
        .filter(s -> s.stepId().equals(stepId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step " + stepId + " in " + run.steps()));
  }

  static Measurement measurement(RunResult run, String stepId, String name) {
    return step(run, stepId).measurements().stream()
        .filter(m -> m.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("step " + stepId + " took no " + name));
  }

  // --- files in the folder

  Path write(String name, byte[] content) {
    try {
      Path file = folder.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path write(String name, String text) {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes an image and its signature sidecar, as a line profile ships a signed image. */
  Path writeSigned(String name, byte[] content, String keyId, PrivateKey key) {
    writeSignature(name, ImageSigning.sign(content, keyId, key));
    return write(name, content);
  }

  void writeSignature(String imageName, ImageSignature signature) {
    write(
        imageName + ".sig",
        signature.keyId() + " " + Base64.getEncoder().encodeToString(signature.signature()) + "\n");
  }

  /** Bytes that look like firmware: the same for the same seed, different for another. */
  static byte[] firmware(int size, long seed) {
    byte[] content = new byte[size];
    new Random(seed).nextBytes(content);
    return content;
  }

  static KeyPair newKeyPair() {
    try {
      return KeyPairGenerator.getInstance(ImageSigning.ALGORITHM).generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Java 17 has Ed25519", e);
    }
  }
}
