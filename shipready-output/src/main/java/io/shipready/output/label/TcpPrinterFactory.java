package io.shipready.output.label;

import io.shipready.output.spi.PrinterFactory;
import java.nio.file.Path;
import java.util.Optional;

/** {@code tcp://host[:port]}: a {@link TcpPrinter}, raw ZPL on port 9100 unless told. */
public final class TcpPrinterFactory implements PrinterFactory {
  @Override
  public String scheme() {
    return "tcp://";
  }

  @Override
  public String form() {
    return "tcp://host[:port]";
  }

  @Override
  public String hint() {
    return "tcp://<host>[:" + TcpPrinter.RAW_PORT + "] for a networked printer";
  }

  @Override
  public Optional<String> problem(String value, String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
    if (host.isBlank()) {
      return Optional.of("printer '" + value + "' names no host");
    }
    if (colon >= 0) {
      try {
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        if (port < 1 || port > 65_535) {
          return Optional.of("printer port " + port + " is not between 1 and 65535");
        }
      } catch (NumberFormatException e) {
        return Optional.of("printer port '" + hostPort.substring(colon + 1) + "' is not a number");
      }
    }
    return Optional.empty();
  }

  @Override
  public LabelPrinter open(String hostPort, Path base) {
    int colon = hostPort.lastIndexOf(':');
    TcpPrinter.Builder builder =
        TcpPrinter.builder(colon < 0 ? hostPort : hostPort.substring(0, colon));
    if (colon >= 0) {
      builder.port(Integer.parseInt(hostPort.substring(colon + 1)));
    }
    return builder.build();
  }
}
