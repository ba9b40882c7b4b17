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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the units to provision: a CSV with a header naming at least {@code device_id}, and {@code
 * serial} or {@code iccid} when the run needs them. Every row is checked before anything is sent,
 * and a bad one is refused with its line and column, so a run never stops half-way over a typo.
 * Units withdrawn from the queue ({@code <file>.withdrawn}, written when a unit is scrapped) are
 * left out.
 */
public final class UnitCsv {
  private static final Pattern DEVICE_ID = Pattern.compile("[0-9a-fA-F]{24}");
  private static final Pattern ICCID = Pattern.compile("89\\d{16,18}[Ff]?");
  private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private UnitCsv() {}

  /** Reads and checks every row; throws naming the first bad line and column. */
  public static List<UnitRow> read(Path file, boolean needSerial, boolean needIccid) {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    mapper.enable(CsvParser.Feature.TRIM_SPACES);
    List<UnitRow> rows = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(reader)) {
      if (!it.hasNext()) {
        throw new ProvisionInputException(
            file + ": empty; the first line names the columns (device_id,serial,iccid)");
      }
      String[] header = it.next();
      Map<String, Integer> columns = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        columns.put(header[i].trim().toLowerCase(Locale.ROOT), i);
      }
      requireColumn(file, columns, "device_id", true);
      requireColumn(file, columns, "serial", needSerial);
      requireColumn(file, columns, "iccid", needIccid);
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
        String id = cell(values, columns.get("device_id"));
        check(
            file,
            line,
            "device_id",
            id,
            DEVICE_ID,
            "a Particle device id: 24 hexadecimal characters");
        id = id.toLowerCase(Locale.ROOT);
        Integer earlier = seen.putIfAbsent(id, line);
        if (earlier != null) {
          throw new ProvisionInputException(
              file
                  + " line "
                  + line
                  + ", column device_id: "
                  + id
                  + " is already on line "
                  + earlier
                  + "; remove one of the two");
        }
        String serial = columns.containsKey("serial") ? cell(values, columns.get("serial")) : null;
        if (needSerial) {
          check(
              file,
              line,
              "serial",
              serial,
              SERIAL,
              "a serial number (letters, digits, '.', '-', '_')");
        }
        String iccid = columns.containsKey("iccid") ? cell(values, columns.get("iccid")) : null;
        if (needIccid) {
          check(file, line, "iccid", iccid, ICCID, "an ICCID: 89 then 16 to 18 digits");
        }
        rows.add(new UnitRow(line, id, blankToNull(serial), blankToNull(iccid)));
      }
    } catch (NoSuchFileException missing) {
      throw new ProvisionInputException(file + ": no such file");
    } catch (IOException failed) {
      throw new ProvisionInputException(file + ": cannot be read: " + failed.getMessage(), failed);
    }
    if (rows.isEmpty()) {
      throw new ProvisionInputException(file + ": no units after the header line");
    }
    return withoutWithdrawn(file, rows);
  }

  /**
   * Leaves out the units withdrawn from the queue (scrapped after they were queued): their rows are
   * listed in {@code <file>.withdrawn}, beside the queue.
   */
  private static List<UnitRow> withoutWithdrawn(Path file, List<UnitRow> rows) {
    Path list = file.resolveSibling(file.getFileName() + ".withdrawn");
    if (!Files.isRegularFile(list)) {
      return rows;
    }
    String withdrawn;
    try {
      withdrawn = Files.readString(list, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    } catch (IOException failed) {
      throw new ProvisionInputException(list + ": cannot be read: " + failed.getMessage(), failed);
    }
    List<UnitRow> kept = rows.stream().filter(r -> !withdrawn.contains(r.deviceId())).toList();
    if (kept.isEmpty()) {
      throw new ProvisionInputException(
          file + ": every unit in it is withdrawn (" + list.getFileName() + "); nothing to do");
    }
    return kept;
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

  private static void check(
      Path file, int line, String column, String value, Pattern pattern, String what) {
    if (value == null || value.isEmpty()) {
      throw new ProvisionInputException(
          file + " line " + line + ", column " + column + ": empty; give " + what);
    }
    if (!pattern.matcher(value).matches()) {
      throw new ProvisionInputException(
          file + " line " + line + ", column " + column + ": '" + value + "' is not " + what);
    }
  }

  private static String cell(String[] values, int index) {
    return index < values.length ? values[index].trim() : "";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
