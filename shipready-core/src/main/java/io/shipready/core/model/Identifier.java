package io.shipready.core.model;

import static java.util.Objects.requireNonNull;

/**
 * One of the names a unit is known by: its serial, device id, ICCID, IMEI, MAC, association id or a
 * component barcode. The kind is open ended (a line may add its own), so it is a string.
 */
public record Identifier(String kind, String value) {
  public static final String SERIAL = "serial";
  public static final String DEVICE_ID = "device_id";
  public static final String ICCID = "iccid";
  public static final String IMEI = "imei";
  public static final String BLE_MAC = "ble_mac";
  public static final String WIFI_MAC = "wifi_mac";
  public static final String ASSOCIATION_ID = "association_id";
  public static final String MOBILE_SECRET = "mobile_secret";
  public static final String COMPANY_CODE = "company_code";
  public static final String COMPONENT = "component";

  public Identifier {
    requireNonNull(kind, "kind");
    requireNonNull(value, "value");
    if (kind.isBlank()) {
      throw new IllegalArgumentException("identifier kind must not be blank");
    }
  }

  /**
   * Whether the value names one unit only. A company code is the same on every unit of a product,
   * so it is kept as a value of the unit's record, never used to find the unit.
   */
  public boolean namesOneUnit() {
    return !kind.equals(COMPANY_CODE);
  }

  @Override
  public String toString() {
    return kind + "=" + value;
  }
}
