package io.shipready.backoffice.provisioning.client;

import static java.util.Objects.requireNonNull;

/**
 * One unit to provision, as read from the CSV, with what its row asks for; a null asks for the
 * run's default (the command line's).
 *
 * @param line its line in the file (1 is the header)
 * @param deviceId the Particle device id, lower case
 * @param serial its serial number, or null
 * @param iccid its SIM's ICCID, or null
 * @param product the product to import it into, or null
 * @param group the group it joins, or null
 * @param name the name to give it, or null
 * @param claim whether to claim it, or null
 * @param activateSim whether to activate its SIM, or null
 */
public record UnitRow(
    int line,
    String deviceId,
    String serial,
    String iccid,
    String product,
    String group,
    String name,
    Boolean claim,
    Boolean activateSim) {
  public UnitRow {
    requireNonNull(deviceId, "deviceId");
  }

  /** A row that leaves everything but who the unit is to the run's defaults. */
  public UnitRow(int line, String deviceId, String serial, String iccid) {
    this(line, deviceId, serial, iccid, null, null, null, null, null);
  }
}
