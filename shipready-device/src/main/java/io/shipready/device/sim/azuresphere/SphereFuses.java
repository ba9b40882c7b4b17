package io.shipready.device.sim.azuresphere;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.ManufacturingState;
import io.shipready.core.device.OperationRefusedException;
import io.shipready.core.spi.Fuses;
import java.util.Arrays;
import java.util.Locale;

/**
 * The 1 KiB e-fuse bank: bits can be set, never cleared, and only while the unit is Blank (RF test
 * mode). A write is all or nothing: if one byte is refused, none is burnt.
 */
final class SphereFuses implements Fuses {
  private final AzureSphereUnit sphere;

  SphereFuses(AzureSphereUnit sphere) {
    this.sphere = sphere;
  }

  @Override
  public byte[] read(int offset, int length) {
    requireRange(offset, length);
    sphere.unit.beginUninterruptibly("fuses");
    synchronized (sphere) {
      return Arrays.copyOfRange(sphere.fuses, offset, offset + length);
    }
  }

  @Override
  public void write(int offset, byte[] bytes) {
    requireNonNull(bytes, "bytes");
    requireRange(offset, bytes.length);
    sphere.unit.beginUninterruptibly("fuses");
    synchronized (sphere) {
      ManufacturingState state = sphere.state;
      if (!state.allowsRfTestMode()) {
        throw new OperationRefusedException(
            "e-fuse write at "
                + hex(offset)
                + " refused: the unit at "
                + sphere.unit.where()
                + " is "
                + state.displayName()
                + ", and e-fuses can only be written in RF test mode, while the unit is Blank");
      }
      for (int i = 0; i < bytes.length; i++) {
        byte has = sphere.fuses[offset + i];
        if ((has & ~bytes[i]) != 0) {
          throw new OperationRefusedException(
              "e-fuse write at "
                  + hex(offset + i)
                  + " on "
                  + sphere.unit.where()
                  + " would clear bits already burnt (holds "
                  + hex(has & 0xFF)
                  + ", write "
                  + hex(bytes[i] & 0xFF)
                  + "); e-fuse bits can only be set, so this unit keeps its old value: check the "
                  + "expected e-fuse image, or scrap the unit");
        }
      }
      for (int i = 0; i < bytes.length; i++) {
        sphere.fuses[offset + i] |= bytes[i];
      }
    }
  }

  private void requireRange(int offset, int length) {
    if (offset < 0
        || length < 0
        || offset > AzureSphereOs.FUSE_BYTES
        || length > AzureSphereOs.FUSE_BYTES - offset) {
      throw new IllegalArgumentException(
          "e-fuse range "
              + hex(offset)
              + " + "
              + length
              + " bytes is outside the "
              + AzureSphereOs.FUSE_BYTES
              + "-byte e-fuse bank of slot "
              + sphere.unit.slot()
              + "; offsets go from 0x000 to 0x3FF");
    }
  }

  private static String hex(int value) {
    return String.format(Locale.ROOT, "0x%02X", value);
  }
}
