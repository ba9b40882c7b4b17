package io.shipready.core.steps;

import io.shipready.core.device.ImageType;
import io.shipready.core.device.ManufacturingState;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.ImageStore;
import io.shipready.core.spi.ManufacturingStates;
import io.shipready.core.spi.Recovery;
import io.shipready.core.spi.Wifi;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ready-to-ship checks, in the vendor's order: manufacturing state, no capabilities, an allowed
 * OS version, exactly the expected application images, no Wi-Fi networks. A device in Blank has no
 * capabilities to judge; a device in DeviceComplete no longer answers the last three.
 */
public final class ReadyToShip {
  /** The component id of the vendor's RF test server, which must never ship. */
  public static final String RF_TEST_SERVER_COMPONENT = "508eddf2-b8c3-4a99-93d9-a045d9a060eb";

  /** What each check can say. */
  public enum Verdict {
    PASS,
    FAIL,
    SKIPPED
  }

  /** One check's verdict and why. */
  public record Check(String name, Verdict verdict, String detail) {
    @Override
    public String toString() {
      return name + ": " + verdict + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
  }

  /**
   * What the unit must look like.
   *
   * @param osVersions every known OS version and the OS component image ids that make it up
   * @param allowedOs the versions allowed to ship
   * @param expectedImages the application image ids that must be installed, no more, no fewer
   * @param forbiddenComponents OS components that must be gone (the RF test server), by component
   *     id or image id
   */
  public record Expectations(
      ManufacturingState expectedState,
      Map<String, List<String>> osVersions,
      List<String> allowedOs,
      List<String> expectedImages,
      List<String> forbiddenComponents) {}

  private ReadyToShip() {}

  /**
   * Reads an OS version list, {@code {"24.10": ["<image id>", ...], ...}}: each version and the OS
   * component image ids that make it up (the vendor's {@code mt3620an.json} has this shape).
   */
  public static Map<String, List<String>> osVersions(java.nio.file.Path file) {
    return ReadyToShipStep.osVersions(file);
  }

  public static List<Check> run(Device device, Expectations expected) throws InterruptedException {
    List<Check> checks = new ArrayList<>();
    ManufacturingState state = device.require(ManufacturingStates.class).current();
    checks.add(
        state == expected.expectedState()
            ? pass("manufacturing state", state.displayName())
            : fail(
                "manufacturing state",
                "is "
                    + state.displayName()
                    + ", expected "
                    + expected.expectedState().displayName()));
    if (state == ManufacturingState.BLANK) {
      checks.add(skip("capabilities", "device is Blank"));
    } else {
      List<String> capabilities = device.require(ManufacturingStates.class).installedCapabilities();
      checks.add(
          capabilities.isEmpty()
              ? pass("capabilities", "none")
              : fail("capabilities", "device holds " + capabilities));
    }
    if (state == ManufacturingState.DEVICE_COMPLETE) {
      for (String name : List.of("os version", "application images", "wifi networks")) {
        checks.add(skip(name, "device is DeviceComplete"));
      }
      return checks;
    }
    checks.add(osVersion(device, expected));
    checks.add(applicationImages(device, expected));
    List<String> networks = device.require(Wifi.class).networks();
    checks.add(
        networks.isEmpty()
            ? pass("wifi networks", "none")
            : fail("wifi networks", "configured: " + networks));
    return checks;
  }

  private static Check osVersion(Device device, Expectations expected) throws InterruptedException {
    // Ids compare without case: the CLI and the vendor's OS list do not agree on it.
    Set<String> installed = new HashSet<>();
    for (String id : device.require(Recovery.class).osComponentImageIds()) {
      installed.add(id.toLowerCase(java.util.Locale.ROOT));
    }
    // A forbidden component is named by its component id (as the vendor names the RF test server)
    // or by the image id of one version of it.
    Set<String> present = new HashSet<>(installed);
    for (String id : device.require(Recovery.class).osComponentIds()) {
      present.add(id.toLowerCase(java.util.Locale.ROOT));
    }
    List<String> forbiddenAll = new ArrayList<>(expected.forbiddenComponents());
    forbiddenAll.add(RF_TEST_SERVER_COMPONENT); // the vendor's check always looks for it
    for (String forbidden : forbiddenAll) {
      if (present.contains(forbidden.toLowerCase(java.util.Locale.ROOT))) {
        return fail("os version", "test component " + forbidden + " is still installed");
      }
    }
    List<String> matching = new ArrayList<>();
    expected
        .osVersions()
        .forEach(
            (version, components) -> {
              if (!components.isEmpty() && installed.containsAll(components)) {
                matching.add(version);
              }
            });
    if (matching.isEmpty()) {
      return fail("os version", "installed OS components match no known version");
    }
    for (String version : matching) {
      if (expected.allowedOs().contains(version)) {
        return pass("os version", version);
      }
    }
    return fail("os version", "is " + matching + ", allowed " + expected.allowedOs());
  }

  private static Check applicationImages(Device device, Expectations expected)
      throws InterruptedException {
    Set<String> installed = new TreeSet<>();
    for (ImageStore.InstalledImage image : device.require(ImageStore.class).installed()) {
      if (image.type() == ImageType.APPLICATION) {
        installed.add(image.imageId());
      }
    }
    Set<String> wanted = new TreeSet<>(expected.expectedImages());
    if (installed.equals(wanted)) {
      return pass("application images", String.join(", ", installed));
    }
    Set<String> missing = new TreeSet<>(wanted);
    missing.removeAll(installed);
    Set<String> extra = new TreeSet<>(installed);
    extra.removeAll(wanted);
    Map<String, Set<String>> differences = new LinkedHashMap<>();
    if (!missing.isEmpty()) {
      differences.put("missing", missing);
    }
    if (!extra.isEmpty()) {
      differences.put("unexpected", extra);
    }
    return fail("application images", differences.toString());
  }

  private static Check pass(String name, String detail) {
    return new Check(name, Verdict.PASS, detail);
  }

  private static Check fail(String name, String detail) {
    return new Check(name, Verdict.FAIL, detail);
  }

  private static Check skip(String name, String detail) {
    return new Check(name, Verdict.SKIPPED, detail);
  }
}
