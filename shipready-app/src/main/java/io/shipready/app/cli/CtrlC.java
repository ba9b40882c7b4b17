package io.shipready.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C as a request to stop, for a command that runs until stopped: the first one calls the
 * command's stop and lets it end as it would after any stop (its summary printed, exit code 0); a
 * second one, for a stop that hangs, ends the process at once (exit 130; the shutdown hooks still
 * close the runs in progress as ABORTED). Without it the JVM would begin shutting down at the first
 * Ctrl-C, and the command could neither finish its records in order nor print what it did.
 *
 * <p>Uses {@code sun.misc.Signal} (module jdk.unsupported, in every JDK): the one way Java has to
 * take SIGINT from the JVM's default handler. Where it cannot (a process started with SIGINT
 * ignored, an odd platform), Ctrl-C keeps its default behaviour.
 */
final class CtrlC implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CtrlC.class);
  private static final int INTERRUPTED_EXIT = 130;

  private final Signal signal;
  private final SignalHandler previous;

  private CtrlC(Signal signal, SignalHandler previous) {
    this.signal = signal;
    this.previous = previous;
  }

  /**
   * Until closed, Ctrl-C runs {@code stop} (once) after saying so on {@code out}.
   *
   * @param what what is being stopped, for the message ("the station")
   */
  static CtrlC stops(String what, PrintWriter out, Runnable stop) {
    AtomicInteger presses = new AtomicInteger();
    try {
      Signal interrupt = new Signal("INT");
      SignalHandler previous =
          Signal.handle(
              interrupt,
              caught -> {
                if (presses.incrementAndGet() == 1) {
                  out.println();
                  out.println(
                      "Ctrl-C: stopping "
                          + what
                          + "; the runs in progress end ABORTED in their records (Ctrl-C again to"
                          + " quit at once)");
                  out.flush();
                  stop.run();
                } else {
                  System.exit(INTERRUPTED_EXIT);
                }
              });
      return new CtrlC(interrupt, previous);
    } catch (IllegalArgumentException | UnsupportedOperationException cannot) {
      log.debug("Ctrl-C keeps its default behaviour here: {}", cannot.getMessage());
      return new CtrlC(null, null);
    }
  }

  /** Gives Ctrl-C back to the handler it had before. */
  @Override
  public void close() {
    if (signal != null) {
      Signal.handle(signal, previous);
    }
  }
}
