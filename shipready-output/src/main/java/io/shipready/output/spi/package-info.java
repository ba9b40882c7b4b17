/**
 * The output module's extension points: factory-file kinds ({@link
 * io.shipready.output.spi.FactoryFileKind}, with their writers and the back office's readers) and
 * printers ({@link io.shipready.output.spi.PrinterFactory}).
 *
 * <p>They live here rather than in {@code io.shipready.core.spi} because they cannot be written
 * with core types alone: a factory-file kind writes for a station configuration ({@link
 * io.shipready.output.config.StationConfig}) and reads rows that name the station that wrote them,
 * and a printer takes ZPL and is a {@link io.shipready.output.label.LabelPrinter}; core knows no
 * file format, configuration file or printer.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: a vendor's package holds its
 * implementation, and {@code META-INF/services/<interface name>} lists it. Each has a public
 * no-argument constructor and keeps no state of its own; what a station opens ({@link
 * io.shipready.output.spi.FactoryRows}, a printer) holds the state.
 */
package io.shipready.output.spi;
