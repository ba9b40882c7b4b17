package io.shipready.device.instruments;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.DeviceException;
import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.device.gdb.Endpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An instrument spoken to in SCPI over a raw TCP socket (port 5025 by convention): one command per
 * line, a query's reply one line back. Connects when first used, says {@code *IDN?} to be sure an
 * instrument answers, and connects again after the link broke, so an instrument switched off and on
 * again is used again without restarting the station.
 */
public final class ScpiConnection implements AutoCloseable {
  private final Endpoint address;
  private final Duration timeout;
  private Socket socket;
  private BufferedReader reader;
  private OutputStream writer;
  private String identity = "";

  /**
   * @param timeout for connecting and for every reply
   */
  public ScpiConnection(Endpoint address, Duration timeout) {
    this.address = requireNonNull(address, "address");
    this.timeout = requireNonNull(timeout, "timeout");
  }

  public Endpoint address() {
    return address;
  }

  /** What the instrument answered to {@code *IDN?} (maker, model, serial, firmware), once open. */
  public synchronized String identity() {
    return identity;
  }

  /** Sends a command that has no reply, e.g. {@code OUTP ON}. */
  public synchronized void send(String command) {
    open();
    write(command);
  }

  /**
   * Sends a query and returns its reply line, without its line ending.
   *
   * @throws DeviceUnreachableException when the instrument does not answer in time
   */
  public synchronized String query(String query) {
    open();
    return ask(query);
  }

  /**
   * A query whose reply is a number (NR1, NR2 or NR3, e.g. {@code +3.30000E+00}).
   *
   * @throws DeviceException when the reply is not a number
   */
  public synchronized double number(String query) {
    String reply = query(query);
    try {
      return Double.parseDouble(reply.strip());
    } catch (NumberFormatException notNumber) {
      throw new DeviceException(
          "the instrument at "
              + address
              + " answered '"
              + reply
              + "' to "
              + query
              + ", which is not a number; check the query names a measurement it makes",
          false);
    }
  }

  /**
   * Waits until the instrument has done every command sent ({@code *OPC?} answers 1).
   *
   * @throws DeviceException when it answers anything else
   */
  public synchronized void awaitComplete() {
    String reply = query("*OPC?").strip();
    if (!reply.equals("1") && !reply.equals("+1")) {
      throw new DeviceException(
          "the instrument at " + address + " answered '" + reply + "' to *OPC?; expected 1", false);
    }
  }

  @Override
  public synchronized void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
      reader = null;
      writer = null;
    }
  }

  private void open() {
    if (socket != null) {
      return;
    }
    Socket connected = new Socket();
    try {
      connected.setTcpNoDelay(true);
      connected.connect(
          new InetSocketAddress(address.host(), address.port()), (int) timeout.toMillis());
      connected.setSoTimeout((int) Math.max(1, timeout.toMillis()));
      socket = connected;
      reader =
          new BufferedReader(
              new InputStreamReader(connected.getInputStream(), StandardCharsets.US_ASCII));
      writer = connected.getOutputStream();
    } catch (IOException failed) {
      try {
        connected.close();
      } catch (IOException ignored) {
        // never connected
      }
      throw new DeviceUnreachableException(
          "cannot connect to the instrument at "
              + address
              + ": "
              + failed.getMessage()
              + "; check it is on, on the network, and that the slot map's fixture address is its"
              + " SCPI socket (port 5025 by convention)");
    }
    identity = ask("*IDN?").strip();
  }

  private String ask(String query) {
    write(query);
    try {
      String line = reader.readLine();
      if (line == null) {
        close();
        throw new DeviceUnreachableException(
            "the instrument at " + address + " closed the connection after " + query);
      }
      return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    } catch (SocketTimeoutException silent) {
      // A reply that comes late would be taken for the next query's: start again clean.
      close();
      throw new DeviceUnreachableException(
          "the instrument at "
              + address
              + " did not answer "
              + query
              + " within "
              + timeout.toMillis()
              + " ms; check it speaks SCPI on this port and the query is one it knows");
    } catch (IOException broken) {
      close();
      throw new DeviceUnreachableException(
          "lost the instrument at " + address + " during " + query + ": " + broken.getMessage());
    }
  }

  private void write(String command) {
    try {
      writer.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
      writer.flush();
    } catch (IOException broken) {
      close();
      throw new DeviceUnreachableException(
          "lost the instrument at " + address + " sending " + command + ": " + broken.getMessage());
    }
  }
}
