package io.shipready.device.sim;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.spi.Console;
import java.time.Duration;
import java.util.function.Function;

/**
 * A unit's line console. The replies come from the family's command table; a unit with nothing
 * running to answer stays silent until the reply timeout, as a real serial line does.
 */
public final class CommandConsole implements Console {
  private final SimUnit unit;
  private final Function<String, ConsoleReply> commands;

  public CommandConsole(SimUnit unit, Function<String, ConsoleReply> commands) {
    this.unit = unit;
    this.commands = commands;
  }

  @Override
  public String exchange(String command, Duration timeout) throws InterruptedException {
    requireNonNull(command, "command");
    requireNonNull(timeout, "timeout");
    unit.beginExchange(timeout, "console");
    ConsoleReply reply = commands.apply(command.strip());
    if (reply.silent()) {
      unit.pace.spend(timeout);
      throw new DeviceUnreachableException(
          "no reply from "
              + unit.where()
              + " to '"
              + command.strip()
              + "' within "
              + timeout.toMillis()
              + " ms: "
              + reply.silentBecause());
    }
    return reply.text();
  }
}
