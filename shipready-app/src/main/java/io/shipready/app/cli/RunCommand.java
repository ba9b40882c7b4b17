package io.shipready.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code shipready run}: placeholder until the simulator is wired. */
@Command(name = "run", description = "Run a recipe on units.")
public final class RunCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 1;
  }
}
