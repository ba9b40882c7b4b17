/**
 * Factory files: the vendor-format exports of a station's records, appended row by row as units
 * pass.
 *
 * <h2>Afero factory files</h2>
 *
 * {@link io.shipready.output.factoryfile.AferoFactoryFiles} writes one file per type, station and
 * day, named {@code <type>_<ComputerName>_<ProgrammerName>_<YYYYMMDD><TimeZone>.afero} ({@link
 * io.shipready.output.factoryfile.AferoFileName}): the day and its UTC offset ({@code +0800}) are
 * those of the station configuration's time zone. Afero lists each file's fields but not their
 * order; shipready writes the order below in a header row, comma-separated (RFC 4180, CR LF, UTF-8
 * without byte order mark, {@link io.shipready.output.factoryfile.Csv}):
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
 *
 * <h2>File names</h2>
 *
 * Names from the station configuration (computer, programmer, station) may be any Unicode text.
 * {@link io.shipready.output.factoryfile.FileNameEncoding} keeps {@code A-Z a-z 0-9 . -} and writes
 * every other character as its percent-encoded UTF-8 bytes ({@code _} as {@code %5F}, a space as
 * {@code %20}, {@code ü} as {@code %C3%BC}): two names never share a file name, the name decodes
 * back, and the parts of a file name split at its underscores.
 *
 * <h2>Line profiles' own files</h2>
 *
 * {@link io.shipready.output.factoryfile.FactoryFileWriter} writes the columns a {@link
 * io.shipready.output.factoryfile.FactoryFileLayout} chooses, as CSV or JSON lines, to {@code
 * <prefix>_<station id>_<YYYYMMDD>.<csv|jsonl>}; {@link io.shipready.output.factoryfile.UnitFields}
 * names the fields of a run that columns can take.
 *
 * <h2>Whole rows only</h2>
 *
 * Every file is a {@link io.shipready.output.factoryfile.RowFile}: each row is one write to a file
 * opened for appending, forced to the disk before the append returns, and a row cut short by a
 * crash is moved to {@code <file>.partial-<time>} when the file is next opened. An append returns a
 * {@link io.shipready.output.factoryfile.RowReference} (file and row number) for the unit's record.
 */
package io.shipready.output.factoryfile;
