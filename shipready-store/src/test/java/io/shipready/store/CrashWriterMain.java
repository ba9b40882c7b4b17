package io.shipready.store;

import io.shipready.core.model.Identifier;
import io.shipready.core.model.StepOutcome;
import java.time.Duration;
import java.util.Map;

/**
 * A station that records runs until it is killed: {@code CrashWriterMain <store-url> <station>
 * <tag>}. After each run is durable it prints {@code DURABLE <run id> <serial>}; the crash test
 * kills it with SIGKILL and checks that every run it printed is in the store, whole.
 */
public final class CrashWriterMain {
  private CrashWriterMain() {}

  public static void main(String[] args) throws Exception {
    Store store = Store.open(args[0]);
    RecordWriter writer = store.openWriter(new StationInfo(args[1], "crash-pc", "bob", Map.of()));
    for (int n = 0; ; n++) {
      String serial = "CRASH-" + args[2] + "-" + n;
      RunScript run =
          new RunScript(writer, Integer.toString(n % 4), n)
              .identified(new Identifier(Identifier.SERIAL, serial));
      for (int s = 0; s < 10; s++) {
        run.step("step-" + s, "measure", 1, StepOutcome.PASS, "", RunScript.volts(3.3, true));
      }
      run.pass();
      if (!writer.awaitDurable(run.runId(), Duration.ofSeconds(30))) {
        throw new IllegalStateException("not durable in time: " + run.runId());
      }
      System.out.println("DURABLE " + run.runId() + " " + serial);
      System.out.flush();
      // Leave the next run open for a moment, as a station mid-run would be.
      new RunScript(writer, "9", n).identified(new Identifier(Identifier.SERIAL, serial + "-open"));
    }
  }
}
