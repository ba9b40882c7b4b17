package io.shipready.output.config;

import static io.shipready.output.config.StationIdentity.requireText;
import static java.util.Objects.requireNonNull;

import io.shipready.output.cfx.CfxSettings;
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
 * @param engineerPinHash the engineer PIN's hash ({@link EngineerPin}), or empty when the config
 *     sets none
 * @param cfx where the station publishes IPC-CFX messages; null when it publishes none
 */
public record StationConfig(
    StationIdentity identity,
    String computerName,
    String programmerName,
    ZoneId zone,
    Path outputFolder,
    Path archiveFolder,
    Map<String, String> extra,
    String printer,
    String engineerPinHash,
    CfxSettings cfx) {
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
    engineerPinHash = engineerPinHash == null ? "" : engineerPinHash;
  }

  /**
   * A station whose labels go to a {@code labels} folder in its output folder, without an engineer
   * PIN.
   */
  public StationConfig(
      StationIdentity identity,
      String computerName,
      String programmerName,
      ZoneId zone,
      Path outputFolder,
      Path archiveFolder,
      Map<String, String> extra) {
    this(identity, computerName, programmerName, zone, outputFolder, archiveFolder, extra, "", "");
  }

  /** A station that publishes no CFX messages. */
  public StationConfig(
      StationIdentity identity,
      String computerName,
      String programmerName,
      ZoneId zone,
      Path outputFolder,
      Path archiveFolder,
      Map<String, String> extra,
      String printer,
      String engineerPinHash) {
    this(
        identity,
        computerName,
        programmerName,
        zone,
        outputFolder,
        archiveFolder,
        extra,
        printer,
        engineerPinHash,
        null);
  }

  /** Leaves the PIN's hash out, so a configuration printed or logged never carries it. */
  @Override
  public String toString() {
    return "StationConfig[identity="
        + identity
        + ", computerName="
        + computerName
        + ", programmerName="
        + programmerName
        + ", zone="
        + zone
        + ", outputFolder="
        + outputFolder
        + ", archiveFolder="
        + archiveFolder
        + ", extra="
        + extra
        + ", printer="
        + printer
        + ", engineerPin="
        + (engineerPinHash.isEmpty() ? "none" : "set")
        + ", cfx="
        + cfx
        + "]";
  }

  /** The same station in another time zone (a {@code --zone} given on the command line). */
  public StationConfig withZone(ZoneId zone) {
    return new StationConfig(
        identity,
        computerName,
        programmerName,
        zone,
        outputFolder,
        archiveFolder,
        extra,
        printer,
        engineerPinHash,
        cfx);
  }

  public String stationId() {
    return identity.stationId();
  }
}
