package io.shipready.device.sim;

import io.shipready.core.device.Image;
import io.shipready.core.device.ImageType;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Images and signing keys for the simulator's tests. */
final class TestImages {
  private TestImages() {}

  static KeyPair newKeyPair() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Java 17 has Ed25519", e);
    }
  }

  static byte[] bytes(int size, int fill) {
    byte[] content = new byte[size];
    Arrays.fill(content, (byte) fill);
    return content;
  }

  static Image firmware(String region, String version, int size) {
    return new Image(region, version, ImageType.FIRMWARE, null, null, bytes(size, 7), null);
  }

  static Image application(String componentId, String imageId) {
    return new Image(
        "app",
        "1.0",
        ImageType.APPLICATION,
        componentId,
        imageId,
        ("application " + componentId + " " + imageId).getBytes(StandardCharsets.UTF_8),
        null);
  }

  static Image boardConfig() {
    return new Image(
        "board-config",
        "1",
        ImageType.BOARD_CONFIG,
        "ethernet-board-config",
        "bc-0001",
        "enable ENC28J60".getBytes(StandardCharsets.UTF_8),
        null);
  }

  static Image osComponent(String imageId, int size) {
    return new Image(
        "os", "", ImageType.OS_COMPONENT, "os-" + imageId, imageId, bytes(size, 1), null);
  }
}
