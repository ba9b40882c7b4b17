package io.shipready.device.steps;

import static io.shipready.device.steps.TestLine.measurement;
import static io.shipready.device.steps.TestLine.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.shipready.core.device.Image;
import io.shipready.core.event.Event;
import io.shipready.core.model.Identifier;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.RunResult;
import io.shipready.core.model.StepOutcome;
import io.shipready.core.spi.Programmer;
import io.shipready.device.sim.Fault;
import io.shipready.device.sim.SimulatedDevice;
import io.shipready.device.sim.SimulatedFleet;
import io.shipready.device.sim.SimulationSettings;
import io.shipready.device.sim.azuresphere.AzureSphereFamily;
import io.shipready.device.sim.particle.ParticleFamily;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Particle line: stickers and identity, flashing with its checks, and the setup-done flag. */
class ParticleLineTest {
  private static final String APP = "images/tracker-app-1.4.2.bin";
  private static final byte[] APP_BYTES = TestLine.firmware(4096, 42);
  private static final String APP_SHA256 = Image.sha256Hex(APP_BYTES);

  private static final String FLASH_APP =
      """
      recipe: particle-flash
      version: "1.0"
      station: {device_family: particle}
      steps:
        - id: flash_app
          kind: flash
          with:
            image: images/tracker-app-1.4.2.bin
            region: user
            version: 1.4.2
            sha256: %s
      """;

  private static final SimulatedFleet FLEET =
      new SimulatedFleet(SimulationSettings.builder().timeScale(0).build());

  @TempDir Path folder;
  private TestLine line;
  private SimulatedDevice unit;

  @BeforeEach
  void lineFiles() {
    line = new TestLine(folder);
    line.write(APP, APP_BYTES);
    unit = FLEET.unit(1, TestLine.SLOT, ParticleFamily.NAME);
  }

  private static Map<String, String> byKind(RunResult run) {
    return run.identifiers().stream()
        .collect(Collectors.toMap(Identifier::kind, Identifier::value, (a, b) -> a));
  }

  private String readBack(String region) throws Exception {
    return unit.require(Programmer.class).readBackSha256(region);
  }

  // --- scan and identify

  @Test
  void scanReadsTheSerialAndMobileSecretIntoTheUnitsIdentifiers() {
    String scan =
        """
        recipe: particle-scan
        version: "1.0"
        station: {device_family: particle}
        steps:
          - id: scan_serial
            kind: scan
            with:
              marking: serial
              fields: [serial, mobile_secret]
              pattern: "P046AA[0-9]{7} [A-Z2-9]{15}"
          - id: scan_antenna
            kind: scan
            with: {marking: "component:J1", pattern: "ANT-[0-9]{8}"}
        """;

    RunResult run = line.run(scan, unit);

    assertThat(run.message()).isEmpty();
    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    Map<String, String> ids = byKind(run);
    assertThat(ids.get(Identifier.SERIAL)).matches("P046AA[0-9]{7}");
    assertThat(ids.get(Identifier.MOBILE_SECRET)).matches("[A-Z2-9]{15}");
    assertThat(ids.get(Identifier.COMPONENT)).matches("ANT-[0-9]{8}");
    assertThat(run.unitName()).isEqualTo(ids.get(Identifier.SERIAL));
    assertThat(line.events(run, Event.UnitIdentified.class).get(0).identifiers())
        .extracting(Identifier::kind)
        .containsExactly(Identifier.SERIAL, Identifier.MOBILE_SECRET);
    assertThat(line.events(run, Event.ComponentLinked.class))
        .extracting(Event.ComponentLinked::position, Event.ComponentLinked::barcode)
        .containsExactly(tuple("J1", ids.get(Identifier.COMPONENT)));
  }

  @Test
  void aScanThatDoesNotMatchItsPatternFailsNamingWhatWasReadButNotTheSecret() {
    String scan =
        """
        recipe: particle-scan
        version: "1.0"
        station: {device_family: particle}
        steps:
          - id: scan_serial
            kind: scan
            with:
              fields: [serial, mobile_secret]
              pattern: "P046AB[0-9]{7} [A-Z2-9]{15}"
        """;

    RunResult run = line.run(scan, unit);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.message())
        .matches(
            "scanned 'P046AA[0-9]{7} <mobile_secret, 15 characters>' from serial, which does not"
                + " match .*")
        .endsWith("P046AB[0-9]{7} [A-Z2-9]{15}");
    assertThat(run.identifiers()).isEmpty();
  }

  @Test
  void aScanWithMorePartsThanFieldsFails() {
    String scan =
        """
        recipe: particle-scan
        version: "1.0"
        station: {device_family: particle}
        steps:
          - id: scan_serial
            kind: scan
        """;

    RunResult run = line.run(scan, unit);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.message()).endsWith("expected 1 part(s) [serial], got 2");
  }

  @Test
  void identifyRecordsDeviceIdImeiIccidAndVersions() {
    String identify =
        """
        recipe: particle-identify
        version: "1.0"
        station: {device_family: particle}
        steps:
          - id: identify
            kind: identify
            with: {require: [device_id, imei, iccid]}
            measurements:
              - {name: imei, regex: "35[0-9]{13}"}
              - {name: ncp_version, source: ncp, equals: "0.0.5"}
        """;

    RunResult run = line.run(identify, unit);

    assertThat(run.message()).isEmpty();
    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    Map<String, String> ids = byKind(run);
    assertThat(ids.get(Identifier.DEVICE_ID)).matches("[0-9a-f]{24}");
    assertThat(ids.get(Identifier.IMEI)).matches("[0-9]{15}");
    assertThat(ids.get(Identifier.ICCID)).matches("89[0-9]{18}");
    assertThat(run.attributes()).containsEntry("version.board", "T404 v1.1");
    assertThat(measurement(run, "identify", "imei").value()).isEqualTo(ids.get(Identifier.IMEI));
  }

  @Test
  void identifyFailsWhenTheUnitReportsNoRequiredIdentifier() {
    // An Azure Sphere unit has no modem, so it has no IMEI to report.
    SimulatedDevice sphere = FLEET.unit(1, TestLine.SLOT, AzureSphereFamily.NAME);
    String identify =
        """
        recipe: sphere-identify
        version: "1.0"
        station: {device_family: azure-sphere}
        steps:
          - id: identify
            kind: identify
            with: {require: [device_id, imei]}
        """;

    RunResult run = line.run(identify, sphere);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.message()).isEqualTo("the device reported no imei");
    // What it did report is kept, so the failed run is still tied to the unit.
    assertThat(run.identifiers())
        .extracting(Identifier::kind)
        .containsExactly(Identifier.DEVICE_ID, Identifier.WIFI_MAC);
  }

  // --- flash

  @Test
  void flashWritesTheApprovedImageAndRecordsIt() throws Exception {
    RunResult run = line.run(FLASH_APP.formatted(APP_SHA256), unit);

    assertThat(run.message()).isEmpty();
    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    assertThat(readBack("user")).isEqualTo(APP_SHA256);
    assertThat(unit.require(Programmer.class).version("user")).isEqualTo("1.4.2");
    assertThat(line.events(run, Event.ImageWritten.class))
        .extracting(
            Event.ImageWritten::name, Event.ImageWritten::version, Event.ImageWritten::sha256)
        .containsExactly(tuple("user", "1.4.2", APP_SHA256));
  }

  @Test
  void aFileThatIsNotTheApprovedOneIsAnErrorAndNeverReachesTheUnit() throws Exception {
    String approved = "ab".repeat(32);

    RunResult run = line.run(FLASH_APP.formatted(approved), unit);

    // The file is wrong, not the unit: an ERROR for the station to fix, not a FAIL of the unit.
    assertThat(run.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(step(run, "flash_app").outcome()).isEqualTo(StepOutcome.ERROR);
    assertThat(run.message())
        .isEqualTo(
            "image file "
                + APP
                + " has SHA-256 "
                + APP_SHA256
                + " but the recipe expects "
                + approved
                + "; the file is not the approved one");
    assertThat(readBack("user")).isEmpty();
    assertThat(line.events(run, Event.ImageWritten.class)).isEmpty();
  }

  @Test
  void aReadBackThatDoesNotMatchFailsTheUnit() throws Exception {
    unit.inject(new Fault.FlashFailure("user", true));

    RunResult run = line.run(FLASH_APP.formatted(APP_SHA256), unit);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.message())
        .startsWith("read-back of user does not match: expected " + APP_SHA256 + ", device has ")
        .doesNotEndWith(APP_SHA256);
    assertThat(readBack("user")).isNotEqualTo(APP_SHA256);
    assertThat(line.events(run, Event.ImageWritten.class)).isEmpty();
  }

  @Test
  void aFlashThatFailsOnceIsRetriedAndPassesOnTheSecondAttempt() throws Exception {
    unit.inject(new Fault.FlashFailure("user").times(1));
    String retried = FLASH_APP.formatted(APP_SHA256) + "    retry: {count: 1, on: [fail]}\n";

    RunResult run = line.run(retried, unit);

    assertThat(run.message()).isEmpty();
    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    assertThat(step(run, "flash_app").attempts()).isEqualTo(2);
    assertThat(line.events(run, Event.StepFinished.class))
        .extracting(Event.StepFinished::attempt, Event.StepFinished::outcome)
        .containsExactly(tuple(1, StepOutcome.FAIL), tuple(2, StepOutcome.PASS));
    assertThat(line.events(run, Event.StepFinished.class).get(0).message())
        .contains("flash verify error");
    assertThat(readBack("user")).isEqualTo(APP_SHA256);
    assertThat(unit.faults()).isEmpty();
  }

  @Test
  void aFailedFlashIsNotRetriedUnlessTheRecipeSaysFail() throws Exception {
    unit.inject(new Fault.FlashFailure("user").times(1));
    // Retries default to errors and timeouts: a unit that fails is not tested again until it
    // passes.
    String retried = FLASH_APP.formatted(APP_SHA256) + "    retry: {count: 1}\n";

    RunResult run = line.run(retried, unit);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(step(run, "flash_app").attempts()).isEqualTo(1);
  }

  // --- setup done

  @Test
  void theConsoleAnswersListeningUntilSetupIsDoneAndTheUnitRestarted() {
    String setup =
        """
        recipe: particle-setup
        version: "1.0"
        station: {device_family: particle}
        steps:
          - id: flash_app
            kind: flash
            with: {image: images/tracker-app-1.4.2.bin, region: user}
          - id: still_listening
            kind: console
            with: {send: selftest, expect: "^LISTENING$"}
          - id: setup_done
            kind: set_flag
            with: {name: setup_done, value: "1"}
          - id: flag_alone_is_not_enough
            kind: console
            with: {send: selftest, expect: "^LISTENING$"}
          - id: restart
            kind: reboot
          - id: selftest
            kind: console
            with: {send: selftest, expect: "^PASS$"}
        """;

    RunResult run = line.run(setup, unit);

    assertThat(run.message()).isEmpty();
    assertThat(run.outcome()).isEqualTo(Outcome.PASS);
    assertThat(run.steps()).extracting(s -> s.outcome()).containsOnly(StepOutcome.PASS);
  }

  @Test
  void aSelftestBeforeSetupIsDoneFailsWithTheReply() {
    String noSetup =
        """
        recipe: particle-selftest
        version: "1.0"
        station: {device_family: particle}
        steps:
          - id: flash_app
            kind: flash
            with: {image: images/tracker-app-1.4.2.bin, region: user}
          - id: selftest
            kind: console
            with: {send: selftest, expect: "^PASS$"}
        """;

    RunResult run = line.run(noSetup, unit);

    assertThat(run.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.message()).isEqualTo("'selftest' replied 'LISTENING', expected ^PASS$");
  }
}
