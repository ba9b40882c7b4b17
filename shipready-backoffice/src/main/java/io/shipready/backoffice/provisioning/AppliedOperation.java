package io.shipready.backoffice.provisioning;

/**
 * One row of the operations table: an operation applied once, and how often it was asked for again.
 *
 * @param product the product
 * @param kind what was done ({@link Operations#IMPORT}, ...)
 * @param target the device id, ICCID or group name
 * @param detail the group joined or the name given, else empty
 * @param repeats identical requests answered as already done
 */
public record AppliedOperation(
    String product, String kind, String target, String detail, int repeats) {}
