package io.shipready.device.steps;

import static io.shipready.device.steps.TestLine.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.shipready.core.device.Image;
import io.shipready.core.device.ImageType;
import io.shipready.core.event.Event;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.core.model.StepOutcome;
import io.shipready.core.spi.ImageStore;
import io.shipready.device.sim.ImageSigning;
import io.shipready.device.sim.SimulatedDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading signed images on the Azure Sphere line, and the keystore rules that show through. */
class SideloadStepTest {
  private static final String LOAD_APP_WITH_KEYSTORE =
      """
      recipe: sphere-sideload
      version: "1.0"
      station: {device_family: azure-sphere}
      steps:
        - id: load_app
          kind: sideload
          with:
            image: %s
            component_id: tracker-app
            image_id: tracker-app-1.4.2
            version: 1.4.2
            keystore: images/keystore-2024.bin
      """;

  private static final String LOAD_APP_ONLY =
      """
      recipe: sphere-sideload
      version: "1.0"
      station: {device_family: azure-sphere}
      steps:
        - id: load_app
          kind: sideload
          with:
            image: images/tracker-app.imagepackage
            component_id: tracker-app
            image_id: tracker-app-1.4.2
      """;

  @TempDir Path folder;
  private TestLine line;
  private SphereLine sphere;

  @BeforeEach
  void lineFiles() {
    line = new TestLine(folder);
    sphere = new SphereLine(line);
  }

  private static List<String> installedImageIds(SimulatedDevice unit) throws Exception {
    return unit.require(ImageStore.class).installed().stream()
        .map(ImageStore.InstalledImage::imageId)
        .toList();
  }

  @Test
  void aStaleUnitTakesTheNewerKeystoreThenTheImage() throws Exception {
    SimulatedDevice unit = sphere.staleUnit(1);

    RunResult run = line.run(LOAD_APP_WITH_KEYSTORE.formatted(SphereLine.APP), unit);

    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    assertThat(step(run, "load_app").attempts()).isEqualTo(1);
    assertThat(line.notices("load_app"))
        .containsExactly(
            "image not trusted; loading keystore images/keystore-2024.bin and retrying");
    assertThat(installedImageIds(unit)).containsExactly(SphereLine.APP_IMAGE_ID);
    // Both images changed the unit, so both are in the record.
    assertThat(line.events(run, Event.ImageWritten.class))
        .extracting(
            Event.ImageWritten::name, Event.ImageWritten::version, Event.ImageWritten::sha256)
        .containsExactly(
            tuple(
                "keystore",
                "",
                Image.sha256Hex(Files.readAllBytes(folder.resolve(SphereLine.KEYSTORE)))),
            tuple(
                SphereLine.APP_IMAGE_ID,
                "1.4.2",
                Image.sha256Hex(SphereLine.packageOf(SphereLine.APP_IMAGE_ID))));
  }

  @Test
  void withoutAKeystoreAStaleUnitRefusesTheImageAsNotTrusted() throws Exception {
    SimulatedDevice unit = sphere.staleUnit(1);

    RunResult run = line.run(LOAD_APP_ONLY, unit);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.failedStep()).isEqualTo("load_app");
    assertThat(run.message())
        .startsWith("Image not trusted by device")
        .contains("signed with key 'line-2024'")
        .contains("deploy the newer trusted keystore image");
    assertThat(installedImageIds(unit)).isEmpty();
    assertThat(line.events(run, Event.ImageWritten.class)).isEmpty();
  }

  @Test
  void aFreshUnitTrustsTheLineKeyWithoutAKeystore() throws Exception {
    SimulatedDevice unit = sphere.freshUnit(1);

    RunResult run = line.run(LOAD_APP_WITH_KEYSTORE.formatted(SphereLine.APP), unit);

    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    // The keystore is only for units that need it; a fresh unit never sees it.
    assertThat(line.notices("load_app")).isEmpty();
    assertThat(installedImageIds(unit)).containsExactly(SphereLine.APP_IMAGE_ID);
  }

  @Test
  void anImageSignedByAnUnknownKeyFailsEvenAfterTheKeystoreUpdate() throws Exception {
    var rogueKey = TestLine.newKeyPair();
    line.writeSigned(
        "images/rogue.imagepackage",
        SphereLine.packageOf("rogue"),
        "rogue-2024",
        rogueKey.getPrivate());
    SimulatedDevice unit = sphere.staleUnit(1);

    RunResult run = line.run(LOAD_APP_WITH_KEYSTORE.formatted("images/rogue.imagepackage"), unit);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.message())
        .startsWith("Image not trusted by device")
        .contains("signed with key 'rogue-2024'");
    assertThat(line.notices("load_app")).hasSize(1);
    assertThat(installedImageIds(unit)).isEmpty();

    // The keystore update itself took: the line's own image now loads without it.
    RunResult retest = line.run(LOAD_APP_ONLY, unit);
    assertThat(retest.outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void anImageChangedAfterSigningFailsItsSignature() throws Exception {
    byte[] signed = SphereLine.packageOf(SphereLine.APP_IMAGE_ID);
    byte[] tampered = signed.clone();
    tampered[10] ^= 0x01;
    line.write("images/tampered.imagepackage", tampered);
    line.writeSignature(
        "images/tampered.imagepackage",
        ImageSigning.sign(signed, SphereLine.LINE_KEY, sphere.lineKey.getPrivate()));
    SimulatedDevice unit = sphere.staleUnit(1);

    RunResult run =
        line.run(LOAD_APP_WITH_KEYSTORE.formatted("images/tampered.imagepackage"), unit);

    // Not trusted at first (stale keystore), then, with the key in place, the bytes do not verify.
    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.message())
        .startsWith("Image signature does not match")
        .contains("altered or damaged");
    assertThat(installedImageIds(unit)).isEmpty();
  }

  @Test
  void anUnsignedImageIsRefused() throws Exception {
    line.write("images/unsigned.imagepackage", SphereLine.packageOf("unsigned"));

    RunResult run =
        line.run(
            LOAD_APP_WITH_KEYSTORE.formatted("images/unsigned.imagepackage"), sphere.freshUnit(1));

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.message()).startsWith("Image not signed");
  }

  @Test
  void anImageWhoseHashIsNotTheApprovedOneIsNeverSent() throws Exception {
    SimulatedDevice unit = sphere.freshUnit(1);
    String recipe =
        LOAD_APP_ONLY.replace(
            "image_id: tracker-app-1.4.2",
            "image_id: tracker-app-1.4.2\n      sha256: " + "0".repeat(64));

    RunResult run = line.run(recipe, unit);

    assertThat(run.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(step(run, "load_app").outcome()).isEqualTo(StepOutcome.ERROR);
    assertThat(run.message())
        .startsWith("image file images/tracker-app.imagepackage has SHA-256")
        .endsWith("the file is not the approved one");
    assertThat(installedImageIds(unit)).isEmpty();
  }

  @Test
  void aKeystoreImageCanBeLoadedOnItsOwn() throws Exception {
    SimulatedDevice unit = sphere.staleUnit(1);
    String recipe =
        """
        recipe: sphere-keystore
        version: "1.0"
        station: {device_family: azure-sphere}
        steps:
          - id: load_keystore
            kind: sideload
            with:
              image: images/keystore-2024.bin
              type: keystore
              component_id: keystore
              image_id: keystore-2024
          - id: load_app
            kind: sideload
            with:
              image: images/tracker-app.imagepackage
              component_id: tracker-app
              image_id: tracker-app-1.4.2
        """;

    RunResult run = line.run(recipe, unit);

    assertThat(run.message()).isEmpty();
    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    // The keystore is not listed by the unit, yet the record keeps it.
    assertThat(unit.require(ImageStore.class).installed())
        .extracting(ImageStore.InstalledImage::type)
        .containsExactly(ImageType.APPLICATION);
    assertThat(line.events(run, Event.ImageWritten.class))
        .extracting(Event.ImageWritten::name)
        .containsExactly("keystore-2024", SphereLine.APP_IMAGE_ID);
  }
}
