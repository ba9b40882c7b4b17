package io.shipready.device.tools.azsphere;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Time limits for azsphere commands. Recovery defaults to 15 minutes, the limit the vendor's
 * parallel-recovery sample gives each device; sideloading to 5 minutes; anything else to 1 minute.
 */
public record AzsphereSettings(Duration command, Duration sideload, Duration recover) {
  public static final AzsphereSettings DEFAULTS =
      new AzsphereSettings(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15));

  public AzsphereSettings {
    requireNonNull(command, "command");
    requireNonNull(sideload, "sideload");
    requireNonNull(recover, "recover");
  }
}
