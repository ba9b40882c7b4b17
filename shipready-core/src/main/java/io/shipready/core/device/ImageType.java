package io.shipready.core.device;

/** What an image does once loaded, which decides the rules a device applies to it. */
public enum ImageType {
  /** Firmware written to a flash region: bootloader, SoftDevice, Device OS, app, profile, Wi-Fi. */
  FIRMWARE,
  /** An application image in a device's image store (sideloaded). */
  APPLICATION,
  /** A component of the operating system, installed by recovery. */
  OS_COMPONENT,
  /** A trusted-keystore update: adds the signing keys the device accepts. */
  KEYSTORE,
  /** A board configuration (for example one that enables Ethernet after a reboot). */
  BOARD_CONFIG
}
