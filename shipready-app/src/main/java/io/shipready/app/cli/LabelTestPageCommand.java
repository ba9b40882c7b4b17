package io.shipready.app.cli;

import io.shipready.output.label.LabelPrinter;
import io.shipready.output.label.PrinterAddress;
import io.shipready.output.label.PrinterException;
import io.shipready.output.label.Printers;
import io.shipready.output.label.RenderedLabel;
import io.shipready.output.label.TestPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shipready label test-page}: a test label on a printer, to check the way to it. */
@Command(
    name = "test-page",
    mixinStandardHelpOptions = true,
    description =
        "Print a test label (a QR code of the printer's address, the address, the resolution and"
            + " the time) on a printer, as a station would reach it: tcp://host[:port], lp:queue or"
            + " folder:path.")
public final class LabelTestPageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Option(
      names = "--printer",
      required = true,
      paramLabel = "ADDRESS",
      description = "The printer, written as in a station config's printer: line.")
  String printer;

  @Option(
      names = "--dpi",
      paramLabel = "N",
      description = "203, 300 or 600 (default: the test page's own, 203).")
  Integer dpi;

  @Option(names = "--png", paramLabel = "FILE", description = "Also write a preview of it.")
  Path png;

  @Override
  public Integer call() throws Exception {
    String address = printer.strip();
    String problem = address.isEmpty() ? "--printer is empty" : PrinterAddress.problem(address);
    if (problem != null) {
      throw new ParameterException(
          spec.commandLine(), problem + "; write it as " + Printers.hints());
    }
    int resolution = dpi != null ? dpi : TestPage.template().printer().dpi();
    RenderedLabel page = TestPage.render(address, resolution, Instant.now());
    if (png != null) {
      Files.write(png, page.png());
    }
    Path here = Path.of("").toAbsolutePath();
    LabelPrinter target = PrinterAddress.open(address, here, here);
    try {
      target.print(page.zpl(), "shipready-test-page");
    } catch (PrinterException failed) {
      spec.commandLine().getErr().println(failed.getMessage());
      return 1;
    }
    spec.commandLine()
        .getOut()
        .println("Test page sent to " + target.name() + " (" + resolution + " dpi, 2.0 x 1.0 in)");
    return 0;
  }
}
