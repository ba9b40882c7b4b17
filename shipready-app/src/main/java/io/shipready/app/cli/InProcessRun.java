package io.shipready.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.core.ShipreadyException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code shipready run ... --json} inside this process, for the commands built on station runs
 * (demo, bench line): the run's summary as JSON, or its error.
 */
final class InProcessRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  private InProcessRun() {}

  /**
   * @param args the run's arguments, without {@code --json}
   * @throws ShipreadyException with what the run printed on error when it did not run
   */
  static JsonNode summary(List<String> args) throws java.io.IOException {
    StringWriter captured = new StringWriter();
    StringWriter errors = new StringWriter();
    CommandLine run = new CommandLine(new RunCommand());
    run.setOut(new PrintWriter(captured, true));
    run.setErr(new PrintWriter(errors, true));
    List<String> all = new ArrayList<>(args);
    all.add("--json");
    if (run.execute(all.toArray(String[]::new)) != 0) {
      throw new ShipreadyException(errors.toString().strip());
    }
    return JSON.readTree(captured.toString());
  }
}
