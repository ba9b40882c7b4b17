package io.shipready.app.cli;

import io.shipready.core.ShipreadyException;
import io.shipready.core.model.Identifier;
import io.shipready.output.label.LabelTemplate;
import io.shipready.output.label.Labels;
import io.shipready.output.label.RenderedLabel;
import io.shipready.store.Store;
import io.shipready.store.UnitTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Labels: render a template for a unit, to ZPL and a PNG preview of the same layout. */
@Command(
    name = "label",
    description = "Render labels, print them again, print a printer's test page.",
    mixinStandardHelpOptions = true,
    subcommands = {
      LabelCommand.Render.class,
      LabelReprintCommand.class,
      LabelTestPageCommand.class
    })
public final class LabelCommand {

  /** {@code shipready label render}. */
  @Command(
      name = "render",
      mixinStandardHelpOptions = true,
      description =
          "Render a label template for a unit in the records (--unit) or for given values (--set),"
              + " to ZPL and a PNG preview.")
  public static final class Render implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin VerboseOption verbose;

    @Mixin StoreOption store;

    @Option(names = "--template", required = true, paramLabel = "T", description = "Template.")
    Path template;

    @ArgGroup(multiplicity = "1")
    Source source;

    /** Where the label's values come from. */
    static final class Source {
      @Option(
          names = "--unit",
          paramLabel = "ID",
          description = "A unit in the records, by any of its identifiers.")
      String unit;

      @Option(
          names = "--set",
          paramLabel = "KEY=VALUE",
          description = "A value for the template, e.g. --set device_id=0123456789ABCDEF.")
      Map<String, String> values;
    }

    @Option(
        names = "--dpi",
        paramLabel = "N",
        description = "203, 300 or 600 (default: the template's own printer_dpi).")
    Integer dpi;

    @Option(names = "--zpl", paramLabel = "FILE", description = "Where to write the ZPL.")
    Path zpl;

    @Option(names = "--png", paramLabel = "FILE", description = "Where to write the preview.")
    Path png;

    @Override
    public Integer call() throws Exception {
      Map<String, String> fields = source.values != null ? source.values : unitFields();
      LabelTemplate read = LabelTemplate.read(template);
      // The template was laid out for its printer: render for that one unless told otherwise.
      RenderedLabel label = Labels.render(read, fields, dpi != null ? dpi : read.printer().dpi());
      if (zpl == null && png == null) {
        spec.commandLine().getOut().print(label.zpl());
        spec.commandLine().getOut().flush();
      }
      if (zpl != null) {
        Files.writeString(zpl, label.zpl());
      }
      if (png != null) {
        Files.write(png, label.png());
      }
      return 0;
    }

    /** The unit's identifiers as template fields: serial, device_id, association_id... */
    private Map<String, String> unitFields() {
      try (Store records = Store.open(store.url())) {
        UnitTrace trace = records.trace(source.unit.trim());
        Map<String, String> fields = new LinkedHashMap<>();
        for (UnitTrace.Identity identity : trace.identities()) {
          fields.putIfAbsent(identity.kind(), identity.value());
        }
        if (fields.isEmpty()) {
          throw new ShipreadyException("unit " + source.unit + " has no identifiers recorded");
        }
        fields.putIfAbsent(Identifier.SERIAL, trace.name());
        return fields;
      }
    }
  }
}
