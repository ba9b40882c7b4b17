package io.shipready.app.cli;

import io.shipready.app.lines.LineProfiles;
import io.shipready.app.packing.Packing;
import io.shipready.app.packing.PackingOrder;
import io.shipready.app.packing.PackingResult;
import io.shipready.core.ShipreadyException;
import io.shipready.store.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shipready pack}: the packing station. Units scanned into cartons, cartons onto pallets,
 * behind the ship gate (see docs/packing.md); exit code 1 when a scan was refused or a label did
 * not print, the rest being packed and recorded all the same.
 */
@Command(
    name = "pack",
    mixinStandardHelpOptions = true,
    description = {
      "Pack units into cartons and cartons onto pallets of a shipment, print each carton's label"
          + " (a QR code listing its units) and write the shipment's manifest (CSV and JSON).",
      "Refuses, saying why and what to do, a unit that has not passed every station of its line"
          + " (its last run at each a PASS), is scrapped or in rework, or is packed already;"
          + " exit code 1 when any was refused (the others are packed)."
    })
public final class PackCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin VerboseOption verbose;

  @Mixin StoreOption store;

  @Option(
      names = "--line",
      required = true,
      paramLabel = "NAME",
      description = "The units' line, e.g. particle-cellular.")
  String line;

  @Option(
      names = "--units",
      paramLabel = "FILE",
      description = "The scans, one per line ('#' starts a comment); - reads them from the input.")
  String unitsFile;

  @Option(
      names = "--unit",
      paramLabel = "ID",
      arity = "1..*",
      description = "A scan: any identifier printed on the unit (serial, device id, IMEI...).")
  List<String> units = new ArrayList<>();

  @Option(
      names = "--carton-size",
      paramLabel = "N",
      defaultValue = "" + PackingOrder.DEFAULT_CARTON_SIZE,
      description = "Units per carton (default ${DEFAULT-VALUE}).")
  int cartonSize;

  @Option(
      names = "--cartons-per-pallet",
      paramLabel = "M",
      defaultValue = "" + PackingOrder.DEFAULT_CARTONS_PER_PALLET,
      description = "Cartons per pallet (default ${DEFAULT-VALUE}).")
  int cartonsPerPallet;

  @Option(
      names = "--shipment",
      paramLabel = "NAME",
      description =
          "The shipment to pack into, continued when it exists (default: a new one named"
              + " YYYYMMDD_NNNN, the day and its quantity).")
  String shipment;

  @Option(
      names = "--printer",
      paramLabel = "ADDRESS",
      description =
          "Where carton labels print: tcp://HOST[:PORT], lp:QUEUE or folder:DIR (default: the"
              + " labels folder in --out).")
  String printer;

  @Option(
      names = "--label",
      paramLabel = "TEMPLATE",
      description = "The carton label template (default: the line's labels/carton-label.json).")
  Path label;

  @Option(
      names = "--by",
      paramLabel = "NAME",
      description = "Who packs, for the record (default: the login name).")
  String by;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "shipments",
      description = "Where the manifest goes (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--lines",
      paramLabel = "DIR",
      description = "The folder of the line profiles (default: lines/).")
  Path lines;

  @Override
  public Integer call() throws IOException {
    List<String> scans = scans();
    if (scans.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "no unit to pack; give the scans with --unit ID or --units FILE (one per line)");
    }
    PackingOrder order;
    try {
      order =
          new PackingOrder(
              line,
              scans,
              cartonSize,
              cartonsPerPallet,
              shipment,
              printer,
              label,
              by == null || by.isBlank() ? System.getProperty("user.name", "") : by.strip(),
              out);
    } catch (ShipreadyException badUsage) {
      // A carton size, pallet size or shipment name that cannot be: bad usage, exit code 2.
      throw new ParameterException(spec.commandLine(), badUsage.getMessage());
    }
    PackingResult result;
    try (Store records = Store.open(store.url())) {
      result =
          new Packing(records, LineProfiles.root(lines), Clock.systemDefaultZone()).pack(order);
    }
    print(spec.commandLine().getOut(), result);
    return result.allPacked() ? 0 : 1;
  }

  private List<String> scans() throws IOException {
    List<String> scans = new ArrayList<>(units);
    if (unitsFile != null) {
      List<String> lines;
      if (unitsFile.equals("-")) {
        lines =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                .lines()
                .toList();
      } else {
        Path file = Path.of(unitsFile);
        if (!Files.isRegularFile(file)) {
          throw new ShipreadyException(
              "--units " + unitsFile + ": no such file; give a file of scans, one per line");
        }
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      }
      for (String line : lines) {
        int comment = line.indexOf('#');
        String scan = (comment >= 0 ? line.substring(0, comment) : line).strip();
        if (!scan.isEmpty()) {
          scans.add(scan);
        }
      }
    }
    return scans;
  }

  static void print(PrintWriter out, PackingResult result) {
    if (result.cartons().isEmpty()) {
      out.println("Nothing packed for line " + result.line() + ".");
    } else {
      long pallets = result.cartons().stream().map(PackingResult.Carton::pallet).distinct().count();
      out.println(
          "Shipment "
              + result.shipment()
              + " (line "
              + result.line()
              + "): packed "
              + result.packedUnits()
              + (result.packedUnits() == 1 ? " unit" : " units")
              + " in "
              + result.cartons().size()
              + (result.cartons().size() == 1 ? " carton" : " cartons")
              + " on "
              + pallets
              + (pallets == 1 ? " pallet" : " pallets")
              + "; the shipment holds "
              + result.shipmentUnits()
              + ".");
      for (PackingResult.Carton carton : result.cartons()) {
        out.println(
            "  carton "
                + carton.name()
                + " on pallet "
                + carton.pallet()
                + ": "
                + carton.units().size()
                + (carton.units().size() == 1 ? " unit" : " units")
                + ", label sent to "
                + carton.printer());
      }
    }
    for (PackingResult.Refusal refusal : result.refused()) {
      out.println("REFUSED " + refusal.scan() + ": " + refusal.reason());
    }
    for (String problem : result.unprinted()) {
      out.println("LABEL NOT PRINTED: " + problem);
    }
    if (result.manifestCsv() != null) {
      out.println("Manifest: " + result.manifestCsv() + ", " + result.manifestJson());
      out.println(
          "Device group: "
              + result.group()
              + " (the shipment's day and quantity, as Particle advises for product groups;"
              + " shipready provision --group gives it to the queue rows that name no group)");
    }
    out.flush();
  }
}
