package io.shipready.output.particle;

import static java.util.Objects.requireNonNull;

import io.shipready.output.config.StationConfig;
import io.shipready.output.factoryfile.Column;
import io.shipready.output.factoryfile.FactoryFileException;
import io.shipready.output.factoryfile.FactoryFileLayout;
import io.shipready.output.factoryfile.FactoryFileWriter;
import io.shipready.output.factoryfile.FileFormat;
import io.shipready.output.factoryfile.RowReference;
import io.shipready.output.spi.FactoryRows;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The station's provisioning queue: one CSV row per unit the back office is to provision in the
 * cloud (import into the product, activate the SIM, add to the group, name it, claim it), in {@code
 * provisioning-queue_<station id>_<YYYYMMDD>.csv} in the output folder. The header is {@code
 * device_id,serial,iccid,product,group,name,claim,activate_sim}; the back office's provisioning
 * client reads the file by these names.
 *
 * <p>The group comes as a pattern: {@code {date}} is the day in the station's time zone as
 * YYYYMMDD, {@code {station}} the station id, and any other {@code {field}} a unit field such as
 * {@code {serial}}; so the default {@code {date}_{station}} gives one group per station and day.
 */
final class ProvisioningQueue implements FactoryRows {
  static final FactoryFileLayout LAYOUT =
      new FactoryFileLayout(
          "provisioning-queue",
          FileFormat.CSV,
          List.of(
              Column.required("device_id", "device_id"),
              Column.required("serial", "serial"),
              Column.required("iccid", "iccid"),
              Column.required("product", "product"),
              Column.optional("group", "group"),
              Column.required("name", "name"),
              Column.required("claim", "claim"),
              Column.required("activate_sim", "activate_sim")));

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  private final StationConfig station;
  private final Clock clock;
  private final FactoryFileWriter writer;

  ProvisioningQueue(StationConfig station, Clock clock) {
    this.station = requireNonNull(station, "station");
    this.clock = requireNonNull(clock, "clock");
    this.writer = FactoryFileWriter.open(station, LAYOUT, clock);
  }

  /** Appends the unit's row, its group pattern filled in. */
  @Override
  public RowReference append(String file, Map<String, String> unit) {
    return append(unit);
  }

  RowReference append(Map<String, String> unit) {
    return writer.append(withGroup(unit));
  }

  @Override
  public void check(String file, Map<String, String> unit) {
    writer.check(withGroup(unit));
  }

  @Override
  public Path fileFor(String file) {
    return writer.currentFile();
  }

  private Map<String, String> withGroup(Map<String, String> unit) {
    Map<String, String> fields = new LinkedHashMap<>(unit);
    fields.put("group", group(unit.getOrDefault("group", "{date}_{station}"), unit));
    return fields;
  }

  String group(String pattern, Map<String, String> unit) {
    if (pattern.isEmpty()) {
      // No group in the queue: provisioning gives one later (provision --group), such as the
      // YYYYMMDD_NNNN of the shipment the unit is packed into, which is not known at programming.
      return "";
    }
    Matcher matcher = PLACEHOLDER.matcher(pattern);
    StringBuilder group = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value =
          switch (name) {
            case "date" ->
                DateTimeFormatter.BASIC_ISO_DATE.format(
                    LocalDate.now(clock.withZone(station.zone())));
            case "station" -> station.stationId();
            default -> unit.get(name);
          };
      if (value == null || value.isBlank()) {
        throw new FactoryFileException(
            "provisioning group pattern '"
                + pattern
                + "' names {"
                + name
                + "}, which the unit has no value for; use {date}, {station} or a field the unit"
                + " has, such as {serial}");
      }
      matcher.appendReplacement(group, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(group);
    // Particle's group names are lower-case letters, digits, '-' and '_': a station id such as
    // PROG-07 or a serial becomes prog-07, and anything else becomes '_'.
    String name =
        group.toString().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
    if (name.isBlank()) {
      throw new FactoryFileException(
          "provisioning group pattern '" + pattern + "' gives an empty group name; name a group");
    }
    return name;
  }

  @Override
  public void close() {
    writer.close();
  }
}
