package io.shipready.output.afero;

import io.shipready.output.factoryfile.InvalidRowException;
import java.util.List;

/**
 * One module programmed: a row of an Afero {@code 01} file. Checked when built: the version ids,
 * firmware types, company code and identifiers are required; the Wi-Fi chip's version id and
 * firmware type are empty on modules without Wi-Fi but come as a pair; the device id is 16 hex
 * digits, the association id 24, the BLE MAC 12 (bare or in colon- or hyphen-separated pairs). Hex
 * is written in upper case.
 *
 * @throws InvalidRowException naming the first field that is missing or malformed
 */
public record ProgrammingRow(
    String profileVersionId,
    String profileFwType,
    String bootloaderVersionId,
    String bootloaderFwType,
    String appVersionId,
    String appFwType,
    String wifiVersionId,
    String wifiFwType,
    String deviceId,
    String associationId,
    String companyCode,
    String bleMac) {
  public static final String EXAMPLE_DEVICE_ID = "0123456789ABCDEF";
  public static final String EXAMPLE_ASSOCIATION_ID = "0123456789ABCDEF01234567";

  public ProgrammingRow {
    profileVersionId = RowFields.required(profileVersionId, "profile_version_id");
    profileFwType = RowFields.required(profileFwType, "profile_fw_type");
    bootloaderVersionId = RowFields.required(bootloaderVersionId, "bootloader_version_id");
    bootloaderFwType = RowFields.required(bootloaderFwType, "bootloader_fw_type");
    appVersionId = RowFields.required(appVersionId, "app_version_id");
    appFwType = RowFields.required(appFwType, "app_fw_type");
    wifiVersionId = RowFields.optional(wifiVersionId);
    wifiFwType = RowFields.optional(wifiFwType);
    if (wifiVersionId.isBlank() != wifiFwType.isBlank()) {
      String missing = wifiVersionId.isBlank() ? "wifi_version_id" : "wifi_fw_type";
      throw new InvalidRowException(
          missing,
          missing
              + " is missing while the other Wi-Fi field has a value; give both (a module with"
              + " Wi-Fi) or neither (a module without)");
    }
    deviceId = RowFields.hex(deviceId, "device_id", 16, EXAMPLE_DEVICE_ID);
    associationId = RowFields.hex(associationId, "association_id", 24, EXAMPLE_ASSOCIATION_ID);
    companyCode = RowFields.required(companyCode, "company_code");
    bleMac = RowFields.mac(bleMac, "ble_mac");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The unit's fields in the order of {@link AferoFileType#PROGRAMMING}'s columns. */
  List<String> values() {
    return List.of(
        profileVersionId,
        profileFwType,
        bootloaderVersionId,
        bootloaderFwType,
        appVersionId,
        appFwType,
        wifiVersionId,
        wifiFwType,
        deviceId,
        associationId,
        companyCode,
        bleMac);
  }

  /** Builds a row field by field, so twelve strings cannot be passed in the wrong order. */
  public static final class Builder {
    private String profileVersionId;
    private String profileFwType;
    private String bootloaderVersionId;
    private String bootloaderFwType;
    private String appVersionId;
    private String appFwType;
    private String wifiVersionId;
    private String wifiFwType;
    private String deviceId;
    private String associationId;
    private String companyCode;
    private String bleMac;

    private Builder() {}

    public Builder profile(String versionId, String fwType) {
      this.profileVersionId = versionId;
      this.profileFwType = fwType;
      return this;
    }

    public Builder bootloader(String versionId, String fwType) {
      this.bootloaderVersionId = versionId;
      this.bootloaderFwType = fwType;
      return this;
    }

    public Builder app(String versionId, String fwType) {
      this.appVersionId = versionId;
      this.appFwType = fwType;
      return this;
    }

    /** The Wi-Fi chip's image; leave unset on modules without Wi-Fi. */
    public Builder wifi(String versionId, String fwType) {
      this.wifiVersionId = versionId;
      this.wifiFwType = fwType;
      return this;
    }

    public Builder deviceId(String deviceId) {
      this.deviceId = deviceId;
      return this;
    }

    public Builder associationId(String associationId) {
      this.associationId = associationId;
      return this;
    }

    public Builder companyCode(String companyCode) {
      this.companyCode = companyCode;
      return this;
    }

    public Builder bleMac(String bleMac) {
      this.bleMac = bleMac;
      return this;
    }

    /**
     * @throws InvalidRowException naming the first field that is missing or malformed
     */
    public ProgrammingRow build() {
      return new ProgrammingRow(
          profileVersionId,
          profileFwType,
          bootloaderVersionId,
          bootloaderFwType,
          appVersionId,
          appFwType,
          wifiVersionId,
          wifiFwType,
          deviceId,
          associationId,
          companyCode,
          bleMac);
    }
  }
}
