package io.shipready.app.standins;

import io.shipready.app.lines.LineProfiles;
import io.shipready.core.ShipreadyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Units of bundled lines on the stand-in tools: each line's {@code stand-in.yaml} says how a unit
 * is made and reached; this makes the units (keeping those the state folder already has, so a unit
 * goes from station to station), starts their consoles and gives their slot map entries.
 */
public final class StandInLine implements AutoCloseable {
  /** One slot of a stand-in unit: its name, its driver and the driver's settings. */
  public record Slot(String name, String driver, Map<String, Object> settings) {}

  private final StandInTools tools;
  private final List<Slot> slots = new ArrayList<>();
  private final List<StandInTools.Console> consoles = new ArrayList<>();

  private StandInLine(StandInTools tools) {
    this.tools = tools;
  }

  /**
   * @param counts how many units of each line (by folder name under {@code linesRoot})
   */
  public static StandInLine start(StandInTools tools, Path linesRoot, Map<String, Integer> counts)
      throws Exception {
    StandInLine line = new StandInLine(tools);
    try {
      for (Map.Entry<String, Integer> entry : counts.entrySet()) {
        line.add(
            StandInUnitTemplate.read(LineProfiles.root(linesRoot).resolve(entry.getKey())),
            entry.getValue());
      }
    } catch (Exception | Error failed) {
      line.close();
      throw failed;
    }
    return line;
  }

  private void add(StandInUnitTemplate template, int count) throws Exception {
    if (count < 1) {
      throw new ShipreadyException(
          "--stand-ins " + template.line() + ":" + count + ": give 1 or more");
    }
    for (int n = 1; n <= count; n++) {
      String id = template.id(n);
      tools.createUnit(template.family(), id);
      String console = null;
      if (template.console() != null) {
        StandInTools.Console started = tools.startConsole(id, template.console());
        consoles.add(started);
        console = started.address();
      }
      Map<String, Object> settings = new LinkedHashMap<>(template.slot(n, console));
      String driver = String.valueOf(settings.remove("driver"));
      slots.add(new Slot(template.line() + "-" + n, driver, settings));
    }
  }

  public List<Slot> slots() {
    return List.copyOf(slots);
  }

  public StandInTools tools() {
    return tools;
  }

  /** Stops the consoles; the units stay in the state folder for the next start. */
  @Override
  public void close() {
    consoles.forEach(StandInTools.Console::close);
  }
}
