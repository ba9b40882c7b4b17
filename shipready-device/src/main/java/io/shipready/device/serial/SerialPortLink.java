package io.shipready.device.serial;

import com.fazecast.jSerialComm.SerialPort;
import io.shipready.core.device.DeviceUnreachableException;
import java.io.InputStream;
import java.io.OutputStream;

/** A console on a local serial port (a USB-UART bridge, a probe's virtual COM port), 8N1. */
public final class SerialPortLink implements ConsoleLink {
  private final SerialPort port;

  private SerialPortLink(SerialPort port) {
    this.port = port;
  }

  /**
   * Opens a serial port by its system name ({@code /dev/ttyACM0}, {@code COM5}).
   *
   * @throws DeviceUnreachableException naming the port when it is missing or busy
   */
  public static SerialPortLink open(String device, int baud) {
    SerialPort port;
    try {
      port = SerialPort.getCommPort(device);
    } catch (RuntimeException missing) {
      throw new DeviceUnreachableException(
          "serial port " + device + " does not exist: " + missing.getMessage());
    }
    port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, TcpConsoleLink.POLL_MILLIS, 0);
    if (!port.openPort()) {
      throw new DeviceUnreachableException(
          "cannot open serial port "
              + device
              + " (error "
              + port.getLastErrorCode()
              + "); check that it exists, that no other program holds it, and the user's"
              + " permission to use it (the dialout group on Linux)");
    }
    return new SerialPortLink(port);
  }

  @Override
  public String describe() {
    return port.getSystemPortPath() + " at " + port.getBaudRate() + " baud";
  }

  @Override
  public InputStream input() {
    return port.getInputStream();
  }

  @Override
  public OutputStream output() {
    return port.getOutputStream();
  }

  @Override
  public void close() {
    port.closePort();
  }
}
