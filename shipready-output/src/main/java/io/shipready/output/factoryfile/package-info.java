/**
 * Factory files: the vendor-format exports of a station's records, appended row by row as units
 * pass.
 *
 * <h2>Kinds</h2>
 *
 * Each kind of factory file is a {@link io.shipready.output.spi.FactoryFileKind} registered in
 * {@code META-INF/services} and found through {@link
 * io.shipready.output.factoryfile.FactoryFileKinds}: the station picks a kind by the {@code
 * factory_row} step's {@code file:}, and the back office reads a file with the reader of the kind
 * whose name it has. Vendors' kinds live in their own packages ({@code io.shipready.output.afero},
 * {@code io.shipready.output.particle}); this package holds what every kind builds on and the line
 * profiles' own layout files ({@link io.shipready.output.factoryfile.LayoutFileKind}).
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
