package io.shipready.device.instruments;

import io.shipready.device.gdb.Endpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in bench power supply's SCPI socket, on a loopback port chosen by the system. It keeps
 * the supply's state: {@code VOLT}, {@code CURR} (0 to 6 V, 0 to 3 A; beyond, the setting stays and
 * -222 is queued), {@code OUTP ON|OFF}, {@code OUTP?}, {@code MEAS:VOLT?} (the set voltage while
 * the output is on, 0 when off), {@code MEAS:CURR?} (the unit's draw, 45.2 mA, within the limit),
 * {@code MEAS:TEMP?}, {@code READ?} (a meter's {@code +45.2 mA}), {@code *IDN?}, {@code *OPC?},
 * {@code *RST}, {@code SYST:ERR?}. A command it does not know gets no reply and queues -113, as an
 * instrument does; {@link #silent} makes it answer nothing. Takes a new connection after one
 * closes.
 */
public final class FakeScpiServer implements AutoCloseable {
  /** Every line received, in order, over every connection. */
  public final List<String> received = new CopyOnWriteArrayList<>();

  public static final double MAX_VOLTS = 6;
  public static final double MAX_AMPS = 3;

  /** The supply's state: output, set voltage and current limit; the unit's draw. */
  public volatile boolean outputOn = true;

  public volatile double volts = 3.3;
  public volatile double amps = 1;
  public volatile double loadAmps = 0.0452;

  /** Answers nothing at all, as a hung instrument. */
  public volatile boolean silent;

  /** The error queue SYST:ERR? reads, oldest first. */
  public final List<String> errors = new CopyOnWriteArrayList<>();

  private final ServerSocket server;
  private volatile Socket client;

  public FakeScpiServer() throws IOException {
    this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread thread = new Thread(this::serve, "fake-scpi");
    thread.setDaemon(true);
    thread.start();
  }

  public Endpoint endpoint() {
    return new Endpoint("127.0.0.1", server.getLocalPort());
  }

  /** Drops the connection now open, as an instrument switched off and on again does. */
  public void dropConnection() throws IOException {
    Socket open = client;
    if (open != null) {
      open.close();
    }
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        client = socket;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = socket.getOutputStream();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          String command = line.strip();
          received.add(command);
          String reply = answer(command);
          if (reply != null) {
            out.write((reply + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
          }
        }
      } catch (IOException closed) {
        // the next connection, or the end
      }
    }
  }

  private synchronized String answer(String command) {
    if (silent) {
      return null;
    }
    String upper = command.toUpperCase(Locale.ROOT);
    switch (upper) {
      case "*IDN?":
        return "Fake Instruments,PSU-1,SN42,1.0";
      case "*OPC?":
        return "1";
      case "*RST":
        outputOn = false;
        volts = 0;
        amps = MAX_AMPS;
        return null;
      case "SYST:ERR?":
      case "SYSTEM:ERROR?":
        return errors.isEmpty() ? "+0,\"No error\"" : errors.remove(0);
      case "OUTP ON":
      case "OUTP 1":
        outputOn = true;
        return null;
      case "OUTP OFF":
      case "OUTP 0":
        outputOn = false;
        return null;
      case "OUTP?":
        return outputOn ? "1" : "0";
      case "VOLT?":
        return nr3(volts);
      case "CURR?":
        return nr3(amps);
      case "MEAS:VOLT?":
        return nr3(outputOn ? volts : 0);
      case "MEAS:CURR?":
        return nr3(outputOn ? Math.min(loadAmps, amps) : 0);
      case "MEAS:TEMP?":
        return "+2.51000E+01";
      case "READ?":
        // a meter that sends its unit with the value
        return "+45.2 mA";
      default:
        break;
    }
    if (upper.startsWith("VOLT ")) {
      volts = setting(command, volts, MAX_VOLTS);
      return null;
    }
    if (upper.startsWith("CURR ")) {
      amps = setting(command, amps, MAX_AMPS);
      return null;
    }
    errors.add("-113,\"Undefined header\"");
    return null;
  }

  /** A setting within 0..max, else the old value stays and the error is queued, as supplies do. */
  private double setting(String command, double old, double max) {
    double value;
    try {
      value = Double.parseDouble(command.substring(command.indexOf(' ') + 1).strip());
    } catch (NumberFormatException notNumber) {
      errors.add("-104,\"Data type error\"");
      return old;
    }
    if (value < 0 || value > max) {
      errors.add("-222,\"Data out of range\"");
      return old;
    }
    return value;
  }

  private static String nr3(double value) {
    return String.format(Locale.ROOT, "%+.5E", value);
  }

  @Override
  public void close() throws IOException {
    server.close();
    dropConnection();
  }
}
