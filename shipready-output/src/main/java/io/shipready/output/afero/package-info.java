/**
 * Afero factory files: the {@code 01} programming, {@code 02} Wi-Fi RSSI and {@code 03} BLE RSSI
 * files, registered as the factory-file kinds {@code afero_programming}, {@code afero_wifi_rssi}
 * and {@code afero_ble_rssi}, each with the reader the back office ingests them with.
 *
 * <p>{@link io.shipready.output.afero.AferoFactoryFiles} writes one file per type, station and day,
 * named {@code <type>_<ComputerName>_<ProgrammerName>_<YYYYMMDD><TimeZone>.afero} ({@link
 * io.shipready.output.afero.AferoFileName}): the day and its UTC offset ({@code +0800}) are those
 * of the station configuration's time zone. Afero lists each file's fields but not their order;
 * shipready writes the order below in a header row, comma-separated (RFC 4180, CR LF, UTF-8 without
 * byte order mark, {@link io.shipready.output.factoryfile.Csv}):
 *
 * <ul>
 *   <li>{@code 01} programming: profile_version_id, profile_fw_type, bootloader_version_id,
 *       bootloader_fw_type, app_version_id, app_fw_type, wifi_version_id, wifi_fw_type, device_id,
 *       association_id, company_code, ble_mac, partNo, manufacturer, factory, station_id,
 *       hw_version.
 *   <li>{@code 02} Wi-Fi RSSI validation and {@code 03} BLE RSSI validation: rssi, device_id,
 *       association_id, partNo, manufacturer, factory, station_id, hw_version. Afero documents only
 *       the first three; the station's identity fields are added so every row says where it came
 *       from.
 * </ul>
 */
package io.shipready.output.afero;
