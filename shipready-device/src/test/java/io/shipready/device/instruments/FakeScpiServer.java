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
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A hand-written fake of a bench power supply's SCPI socket: answers {@code *IDN?}, {@code *OPC?},
 * {@code MEAS:VOLT?} (3.3 V while the output is on, 0 when off), {@code MEAS:CURR?} (45.2 mA) and
 * {@code MEAS:TEMP?}, takes {@code OUTP ON|OFF}, and says nothing to a query it does not know, as
 * an instrument that queues an error does. Takes a new connection after one closes.
 */
public final class FakeScpiServer implements AutoCloseable {
  /** Every line received, in order, over every connection. */
  public final List<String> received = new CopyOnWriteArrayList<>();

  public volatile boolean outputOn = true;
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

  private String answer(String command) {
    switch (command) {
      case "*IDN?":
        return "Fake Instruments,PSU-1,SN42,1.0";
      case "*OPC?":
        return "1";
      case "MEAS:VOLT?":
        return outputOn ? "+3.30000E+00" : "+0.00000E+00";
      case "MEAS:CURR?":
        return "+4.52000E-02";
      case "MEAS:TEMP?":
        return "+2.51000E+01";
      case "OUTP ON":
        outputOn = true;
        return null;
      case "OUTP OFF":
        outputOn = false;
        return null;
      default:
        return null;
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    dropConnection();
  }
}
