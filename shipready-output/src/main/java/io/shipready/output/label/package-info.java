/**
 * Labels: JSON templates ({@link io.shipready.output.label.TemplateKeys} lists every key), a unit's
 * label placed for a printer's resolution ({@link io.shipready.output.label.LabelLayout}), written
 * as ZPL ({@link io.shipready.output.label.ZplWriter}) and drawn as a PNG preview ({@link
 * io.shipready.output.label.PngRenderer}) from the same layout, and the printers that take it
 * ({@link io.shipready.output.label.LabelPrinter}: TCP port 9100, an lp queue, a folder). {@link
 * io.shipready.output.label.Labels} does it all in one call.
 */
package io.shipready.output.label;
