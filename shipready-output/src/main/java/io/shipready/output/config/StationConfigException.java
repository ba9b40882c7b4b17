package io.shipready.output.config;

import io.shipready.core.ShipreadyException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A station configuration that cannot be used, with every problem found in it, not just the first.
 */
public class StationConfigException extends ShipreadyException {
  private final String file;
  private final List<ConfigProblem> problems;

  public StationConfigException(String file, List<ConfigProblem> problems) {
    super(summary(file, problems));
    this.file = file;
    this.problems = List.copyOf(problems);
  }

  public String file() {
    return file;
  }

  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String summary(String file, List<ConfigProblem> problems) {
    String count = problems.size() + (problems.size() == 1 ? " thing" : " things");
    return "Station configuration "
        + file
        + " cannot be used until "
        + count
        + " in it are fixed:\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"))
        + "\nEdit the file and start the station again.";
  }
}
