package io.shipready.app.console;

import io.shipready.core.event.Event;
import io.shipready.core.event.SlotState;
import io.shipready.core.model.Outcome;
import io.shipready.core.spi.EventListener;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A compact table with one row per slot, redrawn in place a few times a second on a terminal: what
 * unit each slot holds, the step it is at, for how long, and how the last unit ended. Events only
 * update the rows; drawing happens on a timer of its own, so hundreds of slots cost the same.
 */
public final class SlotTable implements EventListener, AutoCloseable {
  private static final String CLEAR_LINE = "\u001b[2K";
  private static final String RED = "\u001b[31m";
  private static final String GREEN = "\u001b[32m";
  private static final String RESET = "\u001b[0m";

  private final PrintWriter out;
  private final int steps;
  private final Map<String, Row> rows = new ConcurrentHashMap<>();
  private final Map<Outcome, AtomicInteger> ended = new ConcurrentHashMap<>();
  private final Thread painter;
  private volatile boolean closing;
  private int linesDrawn;

  private static final class Row {
    volatile int unit;
    volatile String unitName = "";
    volatile String step = "";
    volatile int stepsDone;
    volatile long startedNanos;
    volatile String last = "";
    volatile SlotState state = SlotState.IDLE;
  }

  public SlotTable(PrintWriter out, int steps) {
    this.out = out;
    this.steps = steps;
    this.painter = new Thread(this::paintLoop, "slot-table");
    painter.setDaemon(true);
    painter.start();
  }

  @Override
  public void on(Event event) {
    if (event instanceof Event.RunStarted e) {
      Row row = row(e.slot());
      row.unit = e.unitNumber();
      row.unitName = "";
      row.step = "";
      row.stepsDone = 0;
      row.startedNanos = System.nanoTime();
    } else if (event instanceof Event.UnitIdentified e && !e.identifiers().isEmpty()) {
      Row row = row(e.slot());
      if (row.unitName.isEmpty()) {
        row.unitName = e.identifiers().get(0).value();
      }
    } else if (event instanceof Event.StepStarted e) {
      row(e.slot()).step = e.stepId() + (e.attempt() > 1 ? " #" + e.attempt() : "");
    } else if (event instanceof Event.StepFinished e) {
      row(e.slot()).stepsDone++;
    } else if (event instanceof Event.RunFinished e) {
      Row row = row(e.slot());
      row.last =
          e.outcome()
              + (e.failedStep().isEmpty() ? "" : " at " + e.failedStep())
              + " (unit "
              + e.unitNumber()
              + ")";
      row.step = "";
      ended.computeIfAbsent(e.outcome(), o -> new AtomicInteger()).incrementAndGet();
    } else if (event instanceof Event.SlotChanged e) {
      row(e.slot()).state = e.state();
    }
  }

  private Row row(String slot) {
    return rows.computeIfAbsent(slot, s -> new Row());
  }

  private void paintLoop() {
    try {
      while (!closing) {
        paint();
        Thread.sleep(250);
      }
    } catch (InterruptedException stop) {
      Thread.currentThread().interrupt();
    }
    paint();
  }

  private synchronized void paint() {
    StringBuilder frame = new StringBuilder();
    if (linesDrawn > 0) {
      frame.append("\u001b[").append(linesDrawn).append('A');
    }
    int lines = 0;
    frame
        .append(CLEAR_LINE)
        .append(
            String.format(
                Locale.ROOT,
                "%-6s %-6s %-26s %-24s %8s  %s%n",
                "slot",
                "unit",
                "id",
                "step",
                "elapsed",
                "last"));
    lines++;
    for (var entry : new TreeMap<>(rows).entrySet()) {
      Row row = entry.getValue();
      boolean busy = row.state == SlotState.BUSY;
      String elapsed =
          busy
              ? String.format(Locale.ROOT, "%.1fs", (System.nanoTime() - row.startedNanos) / 1e9)
              : "";
      String progress =
          busy
              ? row.step + " " + row.stepsDone + "/" + steps
              : row.state == SlotState.WAITING_FOR_STORE
                  ? "waiting for the store"
                  : row.state.name();
      String colour =
          row.state == SlotState.ERROR
                  || row.last.startsWith("FAIL")
                  || row.last.startsWith("ERROR")
              ? RED
              : row.last.startsWith("PASS") ? GREEN : "";
      frame
          .append(CLEAR_LINE)
          .append(
              String.format(
                  Locale.ROOT,
                  "%-6s %-6s %-26s %-24s %8s  %s%s%s%n",
                  entry.getKey(),
                  busy ? Integer.toString(row.unit) : "",
                  busy ? abbreviate(row.unitName, 26) : "",
                  abbreviate(progress, 24),
                  elapsed,
                  colour,
                  row.last,
                  colour.isEmpty() ? "" : RESET));
      lines++;
    }
    frame
        .append(CLEAR_LINE)
        .append(
            String.format(
                Locale.ROOT,
                "PASS %d  FAIL %d  ERROR %d  ABORTED %d%n",
                count(Outcome.PASS),
                count(Outcome.FAIL),
                count(Outcome.ERROR),
                count(Outcome.ABORTED)));
    lines++;
    out.print(frame);
    out.flush();
    linesDrawn = lines;
  }

  private int count(Outcome outcome) {
    AtomicInteger counter = ended.get(outcome);
    return counter == null ? 0 : counter.get();
  }

  private static String abbreviate(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "~";
  }

  /** Draws the final state and stops. */
  @Override
  public void close() throws InterruptedException {
    closing = true;
    painter.interrupt();
    painter.join(5_000);
  }
}
