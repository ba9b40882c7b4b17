package io.shipready.device.sim.azuresphere;

import java.util.List;

/**
 * The fixed facts of a simulated azure-sphere unit: the image ids of the OS it leaves the silicon
 * maker with, its capability names and its e-fuse bank.
 *
 * <p>A unit does not report an OS version: a ready-to-ship check derives the version from the OS
 * component image ids ({@link io.shipready.core.spi.Recovery#osComponentImageIds()}) and a list of
 * which ids make up which version. The ids below are the simulator's own; a line that checks OS
 * versions lists them (or the ids of its recovery images) in its version list.
 */
public final class AzureSphereOs {

  /**
   * The RF test server component. A fresh unit carries it so RF test tools can run while it is
   * Blank; recovery removes it (unless the recovery images include it), and a ready-to-ship check
   * fails while it is present.
   */
  public static final String RF_TEST_SERVER_IMAGE_ID = "3d9a4f1e-0c27-4b8e-9a51-7f2e6c1d0b43";

  /** The OS components of a fresh unit, without the RF test server. */
  public static final List<String> FACTORY_OS_IMAGE_IDS =
      List.of(
          "5b1e0f2a-7c43-4d19-8e6a-2f0b9c3d4e51",
          "c84d2e17-93a0-4f6b-b2d5-6e1a7f8c9d02",
          "0f6e3b9c-2d15-4a87-9c40-b1e2d3f4a5c6");

  /** What a fresh unit carries: the factory OS and the RF test server. */
  public static final List<String> FRESH_OS_IMAGE_IDS =
      List.of(
          FACTORY_OS_IMAGE_IDS.get(0),
          FACTORY_OS_IMAGE_IDS.get(1),
          FACTORY_OS_IMAGE_IDS.get(2),
          RF_TEST_SERVER_IMAGE_ID);

  /** Lets a DeviceComplete unit take (but not delete) images, change Wi-Fi and be recovered. */
  public static final String FIELD_SERVICING = "EnableFieldServicing";

  /** Lets a DeviceComplete unit take and delete images, change Wi-Fi and be recovered. */
  public static final String APP_DEVELOPMENT = "EnableAppDevelopment";

  /** Size of the e-fuse bank: 1 KiB of write-once bits. */
  public static final int FUSE_BYTES = 1024;

  /** Where the two ASCII letters of the Wi-Fi region code live (0x36 and 0x37). */
  public static final int REGION_CODE_OFFSET = 0x36;

  private AzureSphereOs() {}
}
