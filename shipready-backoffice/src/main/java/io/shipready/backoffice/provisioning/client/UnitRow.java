package io.shipready.backoffice.provisioning.client;

import static java.util.Objects.requireNonNull;

/**
 * One unit to provision, as read from the CSV.
 *
 * @param line its line in the file (1 is the header)
 * @param deviceId the Particle device id, lower case
 * @param serial its serial number, or null
 * @param iccid its SIM's ICCID, or null
 */
public record UnitRow(int line, String deviceId, String serial, String iccid) {
  public UnitRow {
    requireNonNull(deviceId, "deviceId");
  }
}
