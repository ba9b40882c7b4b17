package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

/** A label that was not printed. The message names the printer and what to check. */
public class PrinterException extends LabelException {
  private final String printer;

  public PrinterException(String printer, String message) {
    super(message);
    this.printer = requireNonNull(printer, "printer");
  }

  public PrinterException(String printer, String message, Throwable cause) {
    super(message, cause);
    this.printer = requireNonNull(printer, "printer");
  }

  /** The printer's name as {@link LabelPrinter#name()} gives it. */
  public String printer() {
    return printer;
  }
}
