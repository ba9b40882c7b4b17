package io.shipready.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.shipready.core.ShipreadyException;
import io.shipready.store.Store;
import io.shipready.store.TraceText;
import io.shipready.store.UnitTrace;
import io.shipready.store.UnknownIdentifierException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shipready trace ID}: everything that happened to the unit that carries ID. */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = {
      "The whole history of the unit that carries ID: any of its identifiers (serial, device id,"
          + " ICCID, IMEI, MAC, association id) or a component's barcode.",
      "Exit code 1 when no unit, or more than one, carries ID."
    })
public final class TraceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin StoreOption store;

  @Parameters(paramLabel = "ID", description = "An identifier printed on the unit or a component.")
  String identifier;

  @Option(names = "--json", description = "Print the history as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    try (Store records = Store.open(store.url())) {
      UnitTrace trace;
      try {
        trace = records.trace(identifier.trim());
      } catch (UnknownIdentifierException unknown) {
        throw new ShipreadyException(notFound(unknown.identifier(), records.describe()));
      }
      var out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.mapper().writeValueAsString(trace));
      } else {
        out.print(TraceText.render(trace));
      }
      out.flush();
      return 0;
    }
  }

  /**
   * Most often the unit is in another station's records (or the demo's), so the message names the
   * database looked in before it blames the scan.
   */
  static String notFound(String identifier, String database) {
    return "no unit in the records "
        + database
        + " carries the identifier '"
        + identifier
        + "' (no serial, device id, ICCID, IMEI, MAC, association id or component barcode has that"
        + " value). If the unit was run with other records (the demo's are in its output folder,"
        + " e.g. --db "
        + DemoCommand.DEFAULT_OUT
        + "/demo.db; a station's are where its --db or $SHIPREADY_DB pointed), name them with --db."
        + " Otherwise check the scan: a misread character, a missing leading zero or the wrong"
        + " label.";
  }

  /** The JSON shape shared by trace and export: snake_case keys, ISO-8601 times. */
  static final class Json {
    private Json() {}

    static ObjectMapper mapper() {
      return new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }
  }
}
