package io.shipready.device.tools.afero;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.Identifier;
import io.shipready.core.spi.Console;
import io.shipready.core.spi.Identity;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Asks an Afero ASR module who it is over its UART: {@code ids} answers one line of {@code
 * key=value} pairs ({@link AferoIds}). The module reports no versions there; the station records
 * the versions it flashed.
 */
final class AferoConsoleIdentity implements Identity {
  static final String COMMAND = "ids";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final Console console;

  AferoConsoleIdentity(Console console) {
    this.console = requireNonNull(console, "console");
  }

  @Override
  public List<Identifier> identifiers() throws InterruptedException {
    return AferoIds.parse(console.exchange(COMMAND, TIMEOUT), console.toString());
  }

  @Override
  public Map<String, String> versions() {
    return Map.of();
  }
}
