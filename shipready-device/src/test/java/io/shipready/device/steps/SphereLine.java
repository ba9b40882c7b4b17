package io.shipready.device.steps;

import io.shipready.device.sim.Fault;
import io.shipready.device.sim.KeystoreImages;
import io.shipready.device.sim.SimulatedDevice;
import io.shipready.device.sim.SimulatedFleet;
import io.shipready.device.sim.SimulationSettings;
import io.shipready.device.sim.azuresphere.AzureSphereFamily;
import io.shipready.device.sim.azuresphere.AzureSphereOs;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;

/**
 * What an Azure Sphere line keeps beside its recipes, written into a test line's folder: images
 * signed with the line's key, the newer keystore signed with the factory key, the OS recovery
 * images and the list of OS versions. Units trust both keys when fresh; a stale unit trusts only
 * the factory key, as units made before the line's key was issued do.
 */
final class SphereLine {
  static final String FACTORY_KEY = "factory-2023";
  static final String LINE_KEY = "line-2024";

  static final String APP = "images/tracker-app.imagepackage";
  static final String APP_COMPONENT = "tracker-app";
  static final String APP_IMAGE_ID = "tracker-app-1.4.2";
  static final String TEST_APP = "images/functional-test.imagepackage";
  static final String TEST_APP_COMPONENT = "functional-test";
  static final String TEST_APP_IMAGE_ID = "functional-test-2.0";
  static final String KEYSTORE = "images/keystore-2024.bin";
  static final String OS_VERSIONS = "os-versions.json";
  static final String ALLOWED_OS = "24.10";

  final KeyPair factoryKey = TestLine.newKeyPair();
  final KeyPair lineKey = TestLine.newKeyPair();
  final TestLine line;
  private final SimulatedFleet fleet;

  SphereLine(TestLine line) {
    this.line = line;
    this.fleet =
        new SimulatedFleet(
            SimulationSettings.builder()
                .timeScale(0)
                .trustKey(FACTORY_KEY, factoryKey.getPublic())
                .trustKey(LINE_KEY, lineKey.getPublic())
                .build());
    line.writeSigned(APP, packageOf(APP_IMAGE_ID), LINE_KEY, lineKey.getPrivate());
    line.writeSigned(TEST_APP, packageOf(TEST_APP_IMAGE_ID), LINE_KEY, lineKey.getPrivate());
    line.writeSigned(
        KEYSTORE,
        KeystoreImages.content(Map.of(LINE_KEY, lineKey.getPublic())),
        FACTORY_KEY,
        factoryKey.getPrivate());
    List<String> os = AzureSphereOs.FACTORY_OS_IMAGE_IDS;
    for (int i = 0; i < os.size(); i++) {
      line.write("recovery/os-" + i + ".bin", TestLine.firmware(2048, i));
    }
    // An older version too, so the check has to tell versions apart rather than find just one.
    line.write(
        OS_VERSIONS,
        "{\"24.07\": [\"9e0c1d2a-old-os\"], \""
            + ALLOWED_OS
            + "\": [\""
            + String.join("\", \"", os)
            + "\"]}");
  }

  SimulatedDevice freshUnit(int number) {
    return fleet.unit(number, TestLine.SLOT, AzureSphereFamily.NAME);
  }

  /** A unit whose trusted keystore predates the line's key. */
  SimulatedDevice staleUnit(int number) {
    SimulatedDevice unit = freshUnit(number);
    unit.inject(new Fault.StaleKeystore());
    return unit;
  }

  /**
   * The recipe text with the simulator's facts filled in: {@code {recovery_images}}, {@code
   * {factory_os}} and {@code {rf_test_server}}.
   */
  static String recipe(String yaml) {
    List<String> os = AzureSphereOs.FACTORY_OS_IMAGE_IDS;
    StringBuilder files = new StringBuilder();
    for (int i = 0; i < os.size(); i++) {
      files.append(i == 0 ? "" : ", ").append("recovery/os-").append(i).append(".bin");
    }
    return yaml.replace("{recovery_images}", "[" + files + "]")
        .replace("{factory_os}", "[" + String.join(", ", os) + "]")
        .replace("{rf_test_server}", AzureSphereOs.RF_TEST_SERVER_IMAGE_ID);
  }

  /** An image package's bytes; only its signature matters to the unit. */
  static byte[] packageOf(String imageId) {
    return ("image package " + imageId + "\n").repeat(64).getBytes(StandardCharsets.UTF_8);
  }
}
