package io.shipready.output.spi;

import io.shipready.output.label.LabelPrinter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One way of reaching a printer, chosen by the scheme the station configuration's {@code printer:}
 * starts with ({@code tcp://}, {@code lp:}, {@code folder:}). Registered in {@code
 * META-INF/services/io.shipready.output.spi.PrinterFactory} and found through {@link
 * io.shipready.output.label.Printers}.
 */
public interface PrinterFactory {
  /** What a {@code printer:} value starts with to mean this kind, e.g. {@code tcp://}. */
  String scheme();

  /** The form of a value for messages, e.g. {@code tcp://host[:port]}. */
  String form();

  /** How a fix names this kind, e.g. {@code tcp://<host>[:9100] for a networked printer}. */
  String hint();

  /**
   * What is wrong with the part after the scheme, or empty when it is usable. Checked when the
   * configuration is read, so a typo stops the station before its first label.
   *
   * @param value the whole {@code printer:} value, to name it in the message
   * @param rest the part after the scheme
   */
  Optional<String> problem(String value, String rest);

  /**
   * Opens the printer; {@link #problem} found nothing wrong with {@code rest}.
   *
   * @param base where a relative path starts (the configuration file's folder)
   */
  LabelPrinter open(String rest, Path base);
}
