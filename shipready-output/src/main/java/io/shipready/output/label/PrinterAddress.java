package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

import io.shipready.output.config.StationConfigKeys;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A station's printer as its configuration writes it: {@code tcp://host[:port]} (raw ZPL on port
 * 9100 unless told), {@code lp:<queue>} (the system's print queue, sent raw) or {@code
 * folder:<path>} (one ZPL file per label, never overwritten). Empty means a {@code labels} folder
 * in the station's output folder, so a station without a printer still keeps every label.
 */
public final class PrinterAddress {
  private static final String TCP = "tcp://";
  private static final String LP = "lp:";
  private static final String FOLDER = "folder:";

  private PrinterAddress() {}

  /** What is wrong with the address, or null when it is usable. */
  public static String problem(String address) {
    requireNonNull(address, "address");
    String value = address.strip();
    if (value.isEmpty()) {
      return null;
    }
    if (StationConfigKeys.isPlaceholder(value)) {
      return "printer is still " + StationConfigKeys.PLACEHOLDER;
    }
    if (value.startsWith(TCP)) {
      String hostPort = value.substring(TCP.length());
      int colon = hostPort.lastIndexOf(':');
      String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      if (host.isBlank()) {
        return "printer '" + value + "' names no host";
      }
      if (colon >= 0) {
        try {
          int port = Integer.parseInt(hostPort.substring(colon + 1));
          if (port < 1 || port > 65_535) {
            return "printer port " + port + " is not between 1 and 65535";
          }
        } catch (NumberFormatException e) {
          return "printer port '" + hostPort.substring(colon + 1) + "' is not a number";
        }
      }
      return null;
    }
    if (value.startsWith(LP)) {
      return value.substring(LP.length()).isBlank() ? "printer 'lp:' names no queue" : null;
    }
    if (value.startsWith(FOLDER)) {
      return value.substring(FOLDER.length()).isBlank() ? "printer 'folder:' names no path" : null;
    }
    return "printer '" + value + "' is not tcp://host[:port], lp:queue or folder:path";
  }

  /**
   * Opens the printer the address names.
   *
   * @param base where a relative folder path starts (the configuration file's folder)
   * @param outputFolder where the default {@code labels} folder goes
   */
  public static LabelPrinter open(String address, Path base, Path outputFolder) {
    String value = requireNonNull(address, "address").strip();
    String problem = problem(value);
    if (problem != null) {
      throw new PrinterException(value, problem);
    }
    if (value.isEmpty()) {
      return folder(outputFolder.resolve("labels"));
    }
    if (value.startsWith(TCP)) {
      String hostPort = value.substring(TCP.length());
      int colon = hostPort.lastIndexOf(':');
      TcpPrinter.Builder builder =
          TcpPrinter.builder(colon < 0 ? hostPort : hostPort.substring(0, colon));
      if (colon >= 0) {
        builder.port(Integer.parseInt(hostPort.substring(colon + 1)));
      }
      return builder.build();
    }
    if (value.startsWith(LP)) {
      return new LpPrinter(value.substring(LP.length()).strip());
    }
    return folder(base.resolve(value.substring(FOLDER.length()).strip()));
  }

  private static LabelPrinter folder(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (java.io.IOException e) {
      throw new PrinterException(
          "label folder " + folder,
          "cannot create the label folder " + folder + ": " + e.getMessage(),
          e);
    }
    return new FolderPrinter(folder);
  }
}
