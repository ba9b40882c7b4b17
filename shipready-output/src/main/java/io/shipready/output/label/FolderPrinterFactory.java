package io.shipready.output.label;

import io.shipready.output.spi.PrinterFactory;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code folder:path}: a {@link FolderPrinter}, one ZPL file per label; a relative path starts at
 * the configuration file's folder.
 */
public final class FolderPrinterFactory implements PrinterFactory {
  @Override
  public String scheme() {
    return "folder:";
  }

  @Override
  public String form() {
    return "folder:path";
  }

  @Override
  public String hint() {
    return "folder:<path> for a folder";
  }

  @Override
  public Optional<String> problem(String value, String path) {
    return path.isBlank() ? Optional.of("printer 'folder:' names no path") : Optional.empty();
  }

  @Override
  public LabelPrinter open(String path, Path base) {
    return FolderPrinter.created(base.resolve(path.strip()));
  }
}
