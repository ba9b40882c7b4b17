package io.shipready.device.tools.esptool;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How esptool reaches a slot's Espressif chip.
 *
 * @param chip esp32, esp32s3, esp32c3... or auto
 * @param port the slot's serial port
 * @param baud the baud rate for flashing (115200 is always safe; 460800 is usual)
 * @param timeout how long one esptool command may take
 */
public record EsptoolSettings(String chip, String port, int baud, Duration timeout) {
  public EsptoolSettings {
    requireNonNull(chip, "chip");
    requireNonNull(port, "port");
    requireNonNull(timeout, "timeout");
    if (baud < 9600) {
      throw new IllegalArgumentException("esptool baud rate too low: " + baud);
    }
  }
}
