package io.shipready.device.sim.particle;

import io.shipready.core.device.FlashFailedException;
import io.shipready.core.device.Image;
import io.shipready.core.spi.Programmer;
import io.shipready.device.sim.FlashRegions;

/**
 * The flash of a simulated Particle unit: the nRF52 regions over SWD, and the NCP (ESP32), which no
 * SWD probe reaches, over USB in listening mode as the vendor requires. Listening mode is Device
 * OS's, so an NCP update needs Device OS flashed first; a unit running its application is put into
 * listening mode for it (as {@code particle usb start-listening} does) and resets afterwards, into
 * its application when its setup-done flag is set.
 */
final class UsbNcpProgrammer implements Programmer {
  static final String NCP = "ncp";

  /** What the unit does around an NCP update. */
  interface Modes {
    void startListening();

    void resetAfterUpdate();
  }

  private final FlashRegions flash;
  private final Modes modes;

  UsbNcpProgrammer(FlashRegions flash, Modes modes) {
    this.flash = flash;
    this.modes = modes;
  }

  @Override
  public void write(Image image) throws InterruptedException {
    if (!NCP.equals(image.name())) {
      flash.write(image);
      return;
    }
    if (!flash.holdsImage("system")) {
      throw new FlashFailedException(
          "the NCP is updated over USB in listening mode, which needs Device OS: flash the system"
              + " region first");
    }
    modes.startListening();
    try {
      flash.write(image);
    } finally {
      modes.resetAfterUpdate();
    }
  }

  @Override
  public String readBackSha256(String region) throws InterruptedException {
    return flash.readBackSha256(region);
  }

  @Override
  public String version(String region) throws InterruptedException {
    return flash.version(region);
  }
}
