package io.shipready.backoffice.provisioning.client;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the units to provision: a CSV with a header naming at least {@code device_id}, such as the
 * provisioning queue a Particle programming station writes ({@code
 * device_id,serial,iccid,product,group,name,claim,activate_sim}). Each row's product, group, name,
 * claim and activate_sim win over the run's defaults. Every row is checked before anything is sent,
 * and a bad one is refused with its line, column and the fix, so a run never stops half-way over a
 * typo. Units withdrawn from the queue ({@code <file>.withdrawn}, written when a unit is scrapped)
 * are left out.
 */
public final class UnitCsv {
  /** Every column a row may have; any other is refused, as it would be silently ignored. */
  public static final Set<String> COLUMNS =
      Set.of("device_id", "serial", "iccid", "product", "group", "name", "claim", "activate_sim");

  private static final Pattern DEVICE_ID = Pattern.compile("[0-9a-fA-F]{24}");
  private static final Pattern ICCID = Pattern.compile("89\\d{16,18}[Ff]?");
  private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  // A product id (12345) or slug (my-product-v1), as the API's paths take them.
  private static final Pattern PRODUCT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  // Particle's rule for group names, which the API enforces.
  private static final Pattern GROUP = Pattern.compile("[a-z0-9_-]{1,64}");

  private UnitCsv() {}

  /**
   * Reads and checks every row; throws naming the first bad line and column. The run's product
   * comes from elsewhere: a row may leave it empty.
   */
  public static List<UnitRow> read(Path file, boolean needSerial, boolean needIccid) {
    QueueCheck check = check(file, new QueueDefaults(null, needSerial, false, needIccid), false);
    if (!check.refused().isEmpty()) {
      throw new ProvisionInputException(check.refused().get(0).describe());
    }
    return check.units();
  }

  /**
   * Reads every row and sorts them into the units a run with these defaults can honour and the rows
   * it cannot. A file that cannot be read at all (missing, not CSV, an unknown column, no units
   * left) throws.
   */
  public static QueueCheck check(Path file, QueueDefaults defaults) {
    return check(file, defaults, true);
  }

  private static QueueCheck check(Path file, QueueDefaults defaults, boolean productNeeded) {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    mapper.enable(CsvParser.Feature.TRIM_SPACES);
    List<UnitRow> rows = new ArrayList<>();
    List<RowRefusal> refused = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(reader)) {
      if (!it.hasNext()) {
        throw new ProvisionInputException(
            file + ": empty; the first line names the columns (device_id,serial,iccid)");
      }
      Map<String, Integer> columns = header(file, it.next());
      requireColumn(file, columns, "device_id", true);
      requireColumn(
          file, columns, "serial", defaults.nameFromSerial() && !columns.containsKey("name"));
      requireColumn(
          file, columns, "iccid", defaults.activateSims() && !columns.containsKey("activate_sim"));
      while (it.hasNext()) {
        // After hasNext() the parser stands at the start of the row.
        int line = it.getCurrentLocation().getLineNr();
        String[] values;
        try {
          values = it.next();
        } catch (RuntimeJsonMappingException bad) {
          throw new ProvisionInputException(
              file
                  + " line "
                  + it.getCurrentLocation().getLineNr()
                  + ": not valid CSV ("
                  + bad.getMessage()
                  + ")");
        }
        if (values.length == 0 || (values.length == 1 && values[0].isBlank())) {
          continue;
        }
        Map<String, String> cells = new LinkedHashMap<>();
        columns.forEach((name, index) -> cells.put(name, cell(values, index)));
        try {
          UnitRow row = row(line, cells, defaults, productNeeded);
          Integer earlier = seen.putIfAbsent(row.deviceId(), line);
          if (earlier != null) {
            throw new Refused(
                "device_id",
                row.deviceId() + " is already on line " + earlier + "; remove one of the two");
          }
          rows.add(row);
        } catch (Refused refusal) {
          refused.add(
              new RowRefusal(
                  file, line, refusal.column, cells.get("device_id"), refusal.getMessage()));
        }
      }
    } catch (NoSuchFileException missing) {
      throw new ProvisionInputException(file + ": no such file");
    } catch (IOException failed) {
      throw new ProvisionInputException(file + ": cannot be read: " + failed.getMessage(), failed);
    }
    if (rows.isEmpty() && refused.isEmpty()) {
      throw new ProvisionInputException(file + ": no units after the header line");
    }
    Path list = file.resolveSibling(file.getFileName() + ".withdrawn");
    String withdrawn = withdrawn(list);
    List<UnitRow> kept = rows.stream().filter(r -> !withdrawn.contains(r.deviceId())).toList();
    List<RowRefusal> stillRefused =
        refused.stream()
            .filter(
                r ->
                    r.deviceId().isEmpty()
                        || !withdrawn.contains(r.deviceId().toLowerCase(Locale.ROOT)))
            .toList();
    if (kept.isEmpty() && stillRefused.isEmpty()) {
      throw new ProvisionInputException(
          file + ": every unit in it is withdrawn (" + list.getFileName() + "); nothing to do");
    }
    return new QueueCheck(kept, stillRefused, rows.size() - kept.size());
  }

  private static Map<String, Integer> header(Path file, String[] header) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    for (int i = 0; i < header.length; i++) {
      String name = header[i].trim().toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(name)) {
        throw new ProvisionInputException(
            file
                + " line 1, column "
                + (i + 1)
                + ": unknown column '"
                + header[i].trim()
                + "'; the columns provision reads are "
                + "device_id, serial, iccid, product, group, name, claim, activate_sim."
                + " Rename it or remove it");
      }
      if (columns.putIfAbsent(name, i) != null) {
        throw new ProvisionInputException(
            file
                + " line 1, column "
                + (i + 1)
                + ": '"
                + name
                + "' is already column "
                + (columns.get(name) + 1)
                + "; remove one of the two");
      }
    }
    return columns;
  }

  /** The row's unit, or a refusal naming the first column at fault. */
  private static UnitRow row(
      int line, Map<String, String> cells, QueueDefaults defaults, boolean productNeeded) {
    String id = cells.get("device_id");
    check("device_id", id, DEVICE_ID, "a Particle device id: 24 hexadecimal characters");
    id = id.toLowerCase(Locale.ROOT);
    Boolean claim = flag(cells, "claim");
    Boolean activateSim = flag(cells, "activate_sim");
    String product = blankToNull(cells.get("product"));
    if (product != null) {
      check("product", product, PRODUCT, "a product id or slug, such as 12345 or my-product-v1");
    } else if (productNeeded && defaults.product() == null) {
      boolean claims = claim != null ? claim : defaults.claim();
      throw new Refused(
          "product",
          "empty, and no --product was given"
              + (claims ? ", but the row claims the device, which needs its product" : "")
              + "; fill in the product id, or give --product P for the rows that leave it empty");
    }
    String group = blankToNull(cells.get("group"));
    if (group != null) {
      check(
          "group",
          group,
          GROUP,
          "a group name: lower-case letters, digits, '-' and '_' (at most 64), as Particle"
              + " requires");
    }
    String name = blankToNull(cells.get("name"));
    if (name != null) {
      check("name", name, SERIAL, "a device name (letters, digits, '.', '-', '_'; at most 64)");
    }
    String serial = blankToNull(cells.get("serial"));
    if (name == null && defaults.nameFromSerial()) {
      check(
          "serial",
          serial,
          SERIAL,
          "a serial number (letters, digits, '.', '-', '_'), or fill in column name");
    }
    String iccid = blankToNull(cells.get("iccid"));
    if (activateSim != null ? activateSim : defaults.activateSims()) {
      check(
          "iccid",
          iccid,
          ICCID,
          "an ICCID: 89 then 16 to 18 digits (or set activate_sim to false for a SIM activated"
              + " already)");
    }
    return new UnitRow(line, id, serial, iccid, product, group, name, claim, activateSim);
  }

  /** true, false, or null for an empty cell (the run's default). */
  private static Boolean flag(Map<String, String> cells, String column) {
    String value = cells.get(column);
    if (value == null || value.isEmpty()) {
      return null;
    }
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      default:
        // The value is not echoed: a claim code or a secret pasted into the wrong column must not
        // end up in a terminal's scroll-back or a log.
        throw new Refused(
            column,
            "not true or false (the value is not shown, in case it is a secret); write true,"
                + " false, or leave it empty for the run's default");
    }
  }

  /**
   * The units withdrawn from the queue (scrapped after they were queued), lower case: their rows
   * are listed in {@code <file>.withdrawn}, beside the queue; empty when there is none.
   */
  private static String withdrawn(Path list) {
    if (!Files.isRegularFile(list)) {
      return "";
    }
    try {
      return Files.readString(list, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    } catch (IOException failed) {
      throw new ProvisionInputException(list + ": cannot be read: " + failed.getMessage(), failed);
    }
  }

  private static void requireColumn(
      Path file, Map<String, Integer> columns, String name, boolean needed) {
    if (needed && !columns.containsKey(name)) {
      throw new ProvisionInputException(
          file
              + " line 1: no column '"
              + name
              + "'; the header has "
              + columns.keySet()
              + ". Add it, or leave out the option that needs it");
    }
  }

  private static void check(String column, String value, Pattern pattern, String what) {
    if (value == null || value.isEmpty()) {
      throw new Refused(column, "empty; give " + what);
    }
    if (!pattern.matcher(value).matches()) {
      throw new Refused(column, shown(value) + " is not " + what);
    }
  }

  /**
   * The value as a message may show it: up to its first space, as a serial sticker's data matrix
   * holds the serial, a space and the mobile secret, which must not be shown.
   */
  private static String shown(String value) {
    int space = value.indexOf(' ');
    return space < 0
        ? "'" + value + "'"
        : "'" + value.substring(0, space) + " …' (the rest not shown)";
  }

  private static String cell(String[] values, int index) {
    return index < values.length ? values[index].trim() : "";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** A row refused at a column; caught for the row, never leaves this class. */
  private static final class Refused extends RuntimeException {
    private final String column;

    Refused(String column, String problem) {
      super(problem, null, false, false);
      this.column = column;
    }
  }
}
