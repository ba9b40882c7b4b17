package io.shipready.device.tools;

import io.shipready.core.device.Image;
import io.shipready.core.device.ImageType;
import java.util.Map;

/** Small firmware images and region maps for the programmer tests. */
public final class TestImages {
  private TestImages() {}

  public static final RegionAddresses REGIONS =
      new RegionAddresses(Map.of("bootloader", 0x1000L, "app", 0x27000L, "esp-app", 0x10000L));

  public static Image app() {
    return new Image("app", "2.1.0", ImageType.FIRMWARE, null, null, new byte[] {1, 2, 3}, null);
  }

  public static Image named(String region) {
    return new Image(region, "1.0", ImageType.FIRMWARE, null, null, new byte[] {4, 5, 6}, null);
  }
}
