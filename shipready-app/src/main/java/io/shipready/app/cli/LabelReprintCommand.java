package io.shipready.app.cli;

import io.shipready.core.ShipreadyException;
import io.shipready.output.config.StationConfig;
import io.shipready.output.config.StationConfigReader;
import io.shipready.output.label.LabelLayout;
import io.shipready.output.label.LabelPrinter;
import io.shipready.output.label.LabelTemplate;
import io.shipready.output.label.Labels;
import io.shipready.output.label.PrinterAddress;
import io.shipready.output.label.QrElement;
import io.shipready.output.label.ZplWriter;
import io.shipready.store.LabelReprint;
import io.shipready.store.Store;
import io.shipready.store.UnitTrace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shipready label reprint}: a torn or lost label printed again for a unit in the records, on
 * the station's printer, from what the records hold of the unit; the reprint is recorded with who
 * asked and why.
 */
@Command(
    name = "reprint",
    mixinStandardHelpOptions = true,
    description =
        "Print a unit's label again, from the records, on the station's printer; the reprint is"
            + " recorded with the operator and the reason.")
public final class LabelReprintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin StoreOption store;

  @Option(
      names = "--unit",
      required = true,
      paramLabel = "ID",
      description = "The unit, by any of its identifiers.")
  String unit;

  @Option(names = "--template", required = true, paramLabel = "T", description = "Template.")
  Path template;

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "The station's configuration: its printer and identity.")
  Path config;

  @Option(
      names = "--reason",
      required = true,
      description = "Why it is printed again, e.g. \"torn at packing\".")
  String reason;

  @Option(names = "--copies", defaultValue = "0", description = "Copies (default: the template's).")
  int copies;

  @Option(names = "--operator", description = "Who asked for it (default: the login name).")
  String operator;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "A value the records do not hold, e.g. --set fcc_id=2AFRO-ASR1.")
  Map<String, String> values = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    if (reason.isBlank()) {
      throw new ShipreadyException("--reason is empty; say why the label is printed again");
    }
    StationConfig station = StationConfigReader.read(config);
    LabelTemplate read = LabelTemplate.read(template);
    try (Store records = Store.open(store.url())) {
      UnitTrace trace = records.trace(unit.trim());
      Map<String, String> fields = new LinkedHashMap<>();
      for (UnitTrace.Identity identity : trace.identities()) {
        fields.putIfAbsent(identity.kind(), identity.value());
      }
      for (UnitTrace.Run run : trace.runs()) {
        run.attributes().forEach(a -> fields.put(a.name(), a.value()));
      }
      fields.putIfAbsent("part_number", station.identity().partNo());
      fields.putIfAbsent("pn", station.identity().partNo());
      fields.putAll(values);
      LabelLayout layout = Labels.layout(read, fields, read.printer().dpi(), copies);
      String zpl = ZplWriter.write(layout);
      LabelPrinter printer =
          PrinterAddress.open(
              station.printer(), config.toAbsolutePath().getParent(), station.outputFolder());
      printer.print(zpl, trace.name() + "-reprint");
      records.recordLabelReprint(
          trace.unitId(),
          new LabelReprint(
              template.getFileName().toString(),
              printer.name(),
              layout.copies(),
              layout.qr().map(QrElement::payload).orElse(""),
              HexFormat.of()
                  .formatHex(
                      MessageDigest.getInstance("SHA-256")
                          .digest(zpl.getBytes(StandardCharsets.UTF_8))),
              operator != null ? operator : System.getProperty("user.name", ""),
              reason.strip(),
              Instant.now()));
      var out = spec.commandLine().getOut();
      out.println(
          "Printed "
              + template.getFileName()
              + " again for unit "
              + trace.name()
              + " on "
              + printer.name()
              + " (reprint "
              + records.labelReprints(trace.unitId())
              + " of this unit, recorded).");
      out.flush();
      return 0;
    }
  }
}
