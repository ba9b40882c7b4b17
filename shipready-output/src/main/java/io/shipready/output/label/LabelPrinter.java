package io.shipready.output.label;

/**
 * Where labels go: a networked printer, a print queue or a folder. A label is never silently lost:
 * {@link #print} returns only once the label has been handed over, and throws otherwise.
 */
public interface LabelPrinter {
  /** How messages name this printer, e.g. "printer 10.0.4.21:9100". */
  String name();

  /**
   * Sends one label.
   *
   * @param zpl a whole ZPL format, {@code ^XA ... ^XZ}
   * @param jobName names the job in queues, logs and file names, e.g. the unit's serial
   * @throws PrinterException naming the printer when the label could not be handed over
   */
  void print(String zpl, String jobName);
}
