package io.shipready.output.label;

import io.shipready.output.spi.PrinterFactory;
import java.nio.file.Path;
import java.util.Optional;

/** {@code lp:queue}: an {@link LpPrinter}, the system's print queue fed raw. */
public final class LpPrinterFactory implements PrinterFactory {
  @Override
  public String scheme() {
    return "lp:";
  }

  @Override
  public String form() {
    return "lp:queue";
  }

  @Override
  public String hint() {
    return "lp:<queue> for a print queue";
  }

  @Override
  public Optional<String> problem(String value, String queue) {
    return queue.isBlank() ? Optional.of("printer 'lp:' names no queue") : Optional.empty();
  }

  @Override
  public LabelPrinter open(String queue, Path base) {
    return new LpPrinter(queue.strip());
  }
}
