package io.shipready.device.tools.azsphere;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.OperationRefusedException;
import io.shipready.core.spi.Fuses;
import java.nio.charset.StandardCharsets;

/**
 * The MT3620's e-fuses through the factory's RF tool. The Wi-Fi region code lives at 0x36 and 0x37
 * as two ASCII letters; "00" (or nothing) is the world set a product would ship by mistake, so a
 * region-code write that is not two letters is refused here, before anything is burnt.
 */
final class AzsphereFuses implements Fuses {
  static final int REGION_CODE = 0x36;

  private final RfTool tool;
  private final String target;

  AzsphereFuses(RfTool tool, String target) {
    this.tool = requireNonNull(tool, "tool");
    this.target = requireNonNull(target, "target");
  }

  @Override
  public byte[] read(int offset, int length) throws InterruptedException {
    return tool.read(target, offset, length);
  }

  @Override
  public void write(int offset, byte[] bytes) throws InterruptedException {
    requireRegionCode(offset, bytes);
    tool.write(target, offset, bytes);
  }

  /**
   * Refuses a write that touches the region code without writing both of its bytes as two ASCII
   * letters.
   */
  static void requireRegionCode(int offset, byte[] bytes) {
    int end = offset + bytes.length;
    if (end <= REGION_CODE || offset > REGION_CODE + 1) {
      return;
    }
    if (offset > REGION_CODE || end < REGION_CODE + 2) {
      throw new OperationRefusedException(
          "the Wi-Fi region code at e-fuses 0x36 and 0x37 is written whole, two bytes at 0x36;"
              + " this write covers only part of it");
    }
    int at = REGION_CODE - offset;
    String code = new String(bytes, at, 2, StandardCharsets.ISO_8859_1);
    if (!code.matches("[A-Z]{2}")) {
      throw new OperationRefusedException(
          "region code '"
              + code.replaceAll("\\p{Cntrl}", "?")
              + "' is not two capital ASCII letters (\"00\" would leave the unit on the world"
              + " set); set the product's region code, e.g. DE");
    }
  }
}
