package io.shipready.output.config;

import static io.shipready.output.config.StationIdentity.requireText;
import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One station's configuration, checked: no placeholder left, every required value present. Usually
 * read with {@link StationConfigReader}; built directly in code and tests.
 *
 * @param identity the fields every record carries
 * @param computerName the PC's name, any Unicode text; factory file names encode it
 * @param programmerName the name of the vendor's programmer package for this product
 * @param zone the station's time zone: it decides which day, and so which file, a row belongs to
 * @param outputFolder where factory files are written during the day
 * @param archiveFolder where copies of uploaded files are kept at the factory
 * @param extra free fields the line profile may put in records, in the order they were written
 * @param printer where labels go: {@code tcp://host[:port]}, {@code lp:<queue>} or {@code
 *     folder:<path>}; empty for a {@code labels} folder in the output folder
 */
public record StationConfig(
    StationIdentity identity,
    String computerName,
    String programmerName,
    ZoneId zone,
    Path outputFolder,
    Path archiveFolder,
    Map<String, String> extra,
    String printer) {
  public StationConfig {
    requireNonNull(identity, "identity");
    requireText(computerName, "computerName");
    requireText(programmerName, "programmerName");
    requireNonNull(zone, "zone");
    requireNonNull(outputFolder, "outputFolder");
    requireNonNull(archiveFolder, "archiveFolder");
    requireNonNull(extra, "extra");
    extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    printer = printer == null ? "" : printer.strip();
  }

  /** A station whose labels go to a {@code labels} folder in its output folder. */
  public StationConfig(
      StationIdentity identity,
      String computerName,
      String programmerName,
      ZoneId zone,
      Path outputFolder,
      Path archiveFolder,
      Map<String, String> extra) {
    this(identity, computerName, programmerName, zone, outputFolder, archiveFolder, extra, "");
  }

  public String stationId() {
    return identity.stationId();
  }
}
