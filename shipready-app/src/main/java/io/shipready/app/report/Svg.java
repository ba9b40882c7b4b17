package io.shipready.app.report;

import java.util.Locale;

/** The report's charts as inline SVG: nothing to load, drawn the same in every browser. */
final class Svg {
  private static final int HIST_WIDTH = 360;
  private static final int HIST_HEIGHT = 200;
  private static final int PARETO_WIDTH = 1160;
  private static final int PARETO_ROW = 26;
  private static final int PARETO_LABEL = 420;
  private static final int LIMIT_LABEL_ROOM = 56;

  private Svg() {}

  /**
   * Bars of the histogram (red where a whole bin is outside the limits) and a line at each limit.
   */
  static String histogram(Histogram histogram, String label) {
    double left = 40;
    double right = HIST_WIDTH - 12;
    double top = 26;
    double bottom = HIST_HEIGHT - 34;
    int most = Math.max(1, histogram.most());
    double barWidth = (right - left) / histogram.bins().length;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"histogram\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
            HIST_WIDTH,
            HIST_HEIGHT,
            Html.escape(label)));
    svg.append("<title>").append(Html.escape(label)).append("</title>");
    // A few grid lines with their counts, so the bars can be read.
    for (int i = 0; i <= 2; i++) {
      double y = bottom - (bottom - top) * i / 2.0;
      svg.append(line("grid", left, y, right, y));
      svg.append(
          text("count", left - 4, y + 4, "end", Integer.toString(Math.round(most * i / 2f))));
    }
    int[] bins = histogram.bins();
    for (int i = 0; i < bins.length; i++) {
      if (bins[i] == 0) {
        continue;
      }
      double h = (bottom - top) * bins[i] / most;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s to"
                  + " %s: %d</title></rect>",
              histogram.binOutside(i) ? "bar-out" : "bar-in",
              left + i * barWidth + 0.5,
              bottom - h,
              Math.max(1, barWidth - 1),
              h,
              Figures.value(histogram.from() + i * histogram.width()),
              Figures.value(histogram.from() + (i + 1) * histogram.width()),
              bins[i]));
    }
    svg.append(line("axis", left, bottom, right, bottom));
    svg.append(text("tick", left, bottom + 14, "start", Figures.value(histogram.from())));
    svg.append(text("tick", right, bottom + 14, "end", Figures.value(histogram.to())));
    limit(svg, histogram, histogram.limits().low(), "low", left, right, top, bottom);
    limit(svg, histogram, histogram.limits().high(), "high", left, right, top, bottom);
    svg.append("</svg>");
    return svg.toString();
  }

  private static void limit(
      StringBuilder svg,
      Histogram histogram,
      Double value,
      String which,
      double left,
      double right,
      double top,
      double bottom) {
    if (value == null) {
      return;
    }
    double x =
        left + (right - left) * (value - histogram.from()) / (histogram.to() - histogram.from());
    svg.append(line("limit", x, top - 6, x, bottom));
    // The label sits outside the good side of its line, unless the chart's edge is too near.
    boolean leftOfLine =
        which.equals("low") ? x - LIMIT_LABEL_ROOM >= 0 : x + LIMIT_LABEL_ROOM > HIST_WIDTH;
    String anchor = leftOfLine ? "end" : "start";
    double nudge = leftOfLine ? -3 : 3;
    svg.append(
        text(
            "limit-label",
            x + nudge,
            top - 10,
            anchor,
            (which.equals("low") ? "min " : "max ") + Figures.value(value)));
  }

  /** Horizontal bars, most failures first, with the running share of all failures. */
  static String pareto(java.util.List<String> labels, java.util.List<Integer> counts) {
    int total = counts.stream().mapToInt(Integer::intValue).sum();
    int most = counts.stream().mapToInt(Integer::intValue).max().orElse(1);
    int height = PARETO_ROW * labels.size() + 8;
    double barRoom = PARETO_WIDTH - PARETO_LABEL - 150;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"pareto\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"failures by"
                + " step\">",
            PARETO_WIDTH,
            height));
    int cumulative = 0;
    for (int i = 0; i < labels.size(); i++) {
      int count = counts.get(i);
      cumulative += count;
      double y = 4 + i * PARETO_ROW;
      double width = Math.max(2, barRoom * count / most);
      svg.append(text("label", PARETO_LABEL - 8, y + 17, "end", labels.get(i)));
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"bar-fail\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\"/>",
              PARETO_LABEL,
              y + 3,
              width,
              PARETO_ROW - 7));
      svg.append(
          text(
              "value",
              PARETO_LABEL + width + 6,
              y + 17,
              "start",
              count + "  (" + Math.round(100.0 * cumulative / total) + " % cum.)"));
    }
    svg.append("</svg>");
    return svg.toString();
  }

  private static String line(String css, double x1, double y1, double x2, double y2) {
    return String.format(
        Locale.ROOT,
        "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
        css,
        x1,
        y1,
        x2,
        y2);
  }

  private static String text(String css, double x, double y, String anchor, String content) {
    return String.format(
        Locale.ROOT,
        "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>",
        css,
        x,
        y,
        anchor,
        Html.escape(content));
  }
}
