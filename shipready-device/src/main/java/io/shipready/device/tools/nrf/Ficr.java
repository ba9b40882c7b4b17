package io.shipready.device.tools.nrf;

import io.shipready.core.device.DeviceException;
import io.shipready.core.model.Identifier;
import java.util.List;
import java.util.Locale;

/**
 * The identity Nordic burns into every nRF51 and nRF52 chip, in its factory information
 * configuration registers (FICR, at 0x10000000): the 64-bit DEVICEID (two words at 0x060, the upper
 * half in the second) and the 48-bit DEVICEADDR (two words at 0x0A4, after DEVICEADDRTYPE at
 * 0x0A0). A random static address, as DEVICEADDRTYPE bit 0 says it is, has its two top bits set
 * when used over the air, as the SoftDevice and Zephyr do; that is the MAC recorded.
 */
public final class Ficr {
  /** DEVICEID[0], DEVICEID[1]. */
  public static final long DEVICE_ID = 0x10000060L;

  /** DEVICEADDRTYPE, DEVICEADDR[0], DEVICEADDR[1]. */
  public static final long DEVICE_ADDRESS = 0x100000A0L;

  public static final int DEVICE_ID_WORDS = 2;
  public static final int DEVICE_ADDRESS_WORDS = 3;

  private static final long ERASED = 0xFFFFFFFFL;

  private Ficr() {}

  /** Whether the J-Link or nrfjprog family name is a chip with this FICR layout. */
  public static boolean knows(String chip) {
    String name = chip.toUpperCase(Locale.ROOT);
    return name.startsWith("NRF51") || name.startsWith("NRF52");
  }

  /**
   * The chip's {@code device_id} (16 hex digits, DEVICEID[1] then DEVICEID[0]) and {@code ble_mac}.
   *
   * @param where the probe and tool, for the message
   * @throws DeviceException when the registers read erased: not a chip with this FICR
   */
  public static List<Identifier> identifiers(long[] deviceId, long[] address, String where) {
    if ((deviceId[0] == ERASED && deviceId[1] == ERASED)
        || (address[1] == ERASED && address[2] == ERASED)) {
      throw new DeviceException(
          where
              + " read the FICR at 0x10000000 as erased (FFFFFFFF): the chip is not an nRF51 or"
              + " nRF52, whose device id and address are there; check the slot's chip family",
          false);
    }
    String id = String.format("%08X%08X", deviceId[1], deviceId[0]);
    long mac = (address[2] & 0xFFFFL) << 32 | address[1];
    if ((address[0] & 1) == 1) {
      mac |= 0xC000_0000_0000L;
    }
    StringBuilder text = new StringBuilder();
    for (int shift = 40; shift >= 0; shift -= 8) {
      text.append(text.length() == 0 ? "" : ":")
          .append(String.format("%02X", (mac >> shift) & 0xFF));
    }
    return List.of(
        new Identifier(Identifier.DEVICE_ID, id),
        new Identifier(Identifier.BLE_MAC, text.toString()));
  }
}
