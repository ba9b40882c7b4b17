package io.shipready.output.spi;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a factory file of one kind for the back office, checking every row by the rules the station
 * applied when it wrote it, so the two sides cannot disagree on the format.
 */
public interface FactoryFileReader {
  /** What a file's rows tell the back office. */
  enum Rows {
    /** Units a station made, each to be registered once. */
    UNITS,
    /** Measurements of units that another file registers, each to be checked against it. */
    MEASUREMENTS
  }

  /**
   * Whether a file of this name is this reader's.
   *
   * @return false for a name of another kind
   * @throws IllegalArgumentException when the name is none this reader's family of kinds takes,
   *     saying what a name must look like; the back office passes this on when no reader takes the
   *     file
   */
  boolean reads(String fileName);

  /** What the back office records as the file's type, e.g. {@code 01}. */
  String type();

  Rows rows();

  /**
   * Reads every row of {@code in}, handing each to {@code handler}: {@link FactoryRowHandler#unit}
   * for {@link Rows#UNITS}, {@link FactoryRowHandler#measurement} for {@link Rows#MEASUREMENTS}.
   *
   * @return the number of rows (a header not counted)
   * @throws io.shipready.output.factoryfile.FactoryFileLineException at the first line that is not
   *     as it must be, naming the line and the field
   */
  long read(InputStream in, FactoryRowHandler handler) throws IOException;
}
