package io.shipready.device.serial;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A byte stream to a unit's console: a serial port, or a TCP socket (an emulator's UART, ser2net, a
 * terminal server). Reads block for at most a short poll interval, then return what arrived, so the
 * console can honour its own timeouts and cancellation.
 */
public interface ConsoleLink extends AutoCloseable {
  /** Where the link goes, for messages: {@code tcp 127.0.0.1:4001}, {@code /dev/ttyUSB0}. */
  String describe();

  InputStream input() throws IOException;

  OutputStream output() throws IOException;

  @Override
  void close();
}
