package io.shipready.app.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: columns as wide as their widest cell, numbers (columns named with a leading
 * {@code >}) to the right.
 */
final class TextColumns {
  private final List<String> headings = new ArrayList<>();
  private final List<Boolean> right = new ArrayList<>();
  private final List<List<String>> rows = new ArrayList<>();

  TextColumns(String... headings) {
    for (String heading : headings) {
      boolean number = heading.startsWith(">");
      this.headings.add(number ? heading.substring(1) : heading);
      right.add(number);
    }
  }

  TextColumns row(Object... cells) {
    if (cells.length != headings.size()) {
      throw new IllegalArgumentException(
          cells.length + " cells for " + headings.size() + " columns " + headings);
    }
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(String.valueOf(cell));
    }
    rows.add(row);
    return this;
  }

  void print(PrintWriter out, String indent) {
    int[] widths = new int[headings.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = headings.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    line(out, indent, headings, widths);
    for (List<String> row : rows) {
      line(out, indent, row, widths);
    }
  }

  private void line(PrintWriter out, String indent, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder(indent);
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      String pad = " ".repeat(widths[c] - cell.length());
      line.append(c == 0 ? "" : "  ").append(right.get(c) ? pad + cell : cell + pad);
    }
    out.println(line.toString().stripTrailing());
  }
}
