package io.shipready.device.tools.jlink;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How J-Link Commander reaches a slot's chip.
 *
 * @param device the target's J-Link device name, e.g. NRF52840_XXAA
 * @param probeSerial the J-Link's serial number, to pick the slot's probe among several
 * @param targetInterface SWD or JTAG
 * @param speedKhz the interface speed
 * @param timeout how long one command file may take
 */
public record JLinkSettings(
    String device, String probeSerial, String targetInterface, int speedKhz, Duration timeout) {
  public JLinkSettings {
    requireNonNull(device, "device");
    requireNonNull(probeSerial, "probeSerial");
    requireNonNull(targetInterface, "targetInterface");
    requireNonNull(timeout, "timeout");
    if (!targetInterface.equals("SWD") && !targetInterface.equals("JTAG")) {
      throw new IllegalArgumentException(
          "J-Link interface must be SWD or JTAG, was '" + targetInterface + "'");
    }
    if (speedKhz < 1) {
      throw new IllegalArgumentException("J-Link speed must be positive kHz, was " + speedKhz);
    }
  }
}
