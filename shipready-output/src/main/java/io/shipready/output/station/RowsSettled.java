package io.shipready.output.station;

import java.util.List;

/**
 * What became of the queued rows a station settled: written to the day's file, held (the file
 * already has the unit's row of an earlier run), or dropped (the run has no stored PASS).
 *
 * @param held one line per held row, saying whose and why
 */
public record RowsSettled(int written, int held, int dropped, List<String> heldRows) {
  public RowsSettled {
    heldRows = List.copyOf(heldRows);
  }

  public static final RowsSettled NONE = new RowsSettled(0, 0, 0, List.of());

  RowsSettled plus(RowsSettled other) {
    List<String> rows = new java.util.ArrayList<>(heldRows);
    rows.addAll(other.heldRows);
    return new RowsSettled(
        written + other.written, held + other.held, dropped + other.dropped, rows);
  }

  public boolean isEmpty() {
    return written + held + dropped == 0;
  }
}
