package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

import io.shipready.output.config.StationConfigKeys;
import io.shipready.output.spi.PrinterFactory;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A station's printer as its configuration writes it: a scheme and what follows it, such as {@code
 * tcp://host[:port]} (raw ZPL on port 9100 unless told), {@code lp:<queue>} (the system's print
 * queue, sent raw) or {@code folder:<path>} (one ZPL file per label, never overwritten); the
 * schemes are those registered as {@link PrinterFactory} ({@link Printers}). Empty means a {@code
 * labels} folder in the station's output folder, so a station without a printer still keeps every
 * label.
 */
public final class PrinterAddress {
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
    Optional<PrinterFactory> factory = Printers.find(value);
    if (factory.isEmpty()) {
      return "printer '" + value + "' is not " + Printers.forms();
    }
    return factory.get().problem(value, rest(factory.get(), value)).orElse(null);
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
      return FolderPrinter.created(outputFolder.resolve("labels"));
    }
    PrinterFactory factory = Printers.find(value).orElseThrow();
    return factory.open(rest(factory, value), base);
  }

  private static String rest(PrinterFactory factory, String value) {
    return value.substring(factory.scheme().length());
  }
}
