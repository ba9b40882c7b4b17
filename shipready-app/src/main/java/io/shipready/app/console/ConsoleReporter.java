package io.shipready.app.console;

import io.shipready.core.event.Event;
import io.shipready.core.spi.EventListener;
import java.io.PrintWriter;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Prints the station's events as lines, on a thread of its own so a slow terminal never slows a
 * slot down.
 */
public final class ConsoleReporter implements EventListener, AutoCloseable {
  private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
  private final PrintWriter out;
  private final Thread printer;
  private volatile boolean closing;

  public ConsoleReporter(PrintWriter out) {
    this.out = out;
    this.printer = new Thread(this::print, "console");
    printer.setDaemon(true);
    printer.start();
  }

  @Override
  public void on(Event event) {
    queue.add(event);
  }

  private void print() {
    try {
      while (!closing || !queue.isEmpty()) {
        Event event = queue.poll(50, TimeUnit.MILLISECONDS);
        if (event != null) {
          String line = EventLines.of(event);
          if (line != null) {
            out.println(line);
            if (queue.isEmpty()) {
              out.flush();
            }
          }
        }
      }
    } catch (InterruptedException stop) {
      Thread.currentThread().interrupt();
    }
    out.flush();
  }

  /** Prints what is still queued, then stops. */
  @Override
  public void close() throws InterruptedException {
    closing = true;
    printer.join(10_000);
  }
}
