package io.shipready.app.station;

import io.shipready.output.config.EngineerPin;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks the PIN an engineer types on the station page: against {@code SHIPREADY_ENGINEER_PIN} when
 * the station's environment sets it, else against the hash in the station config. With neither,
 * there is no engineer role: operators stop runs and the station themselves.
 */
public final class EngineerPinCheck {
  /** The environment variable that holds the engineer PIN, when the config does not. */
  public static final String ENVIRONMENT = "SHIPREADY_ENGINEER_PIN";

  private final String plainFromEnvironment;
  private final String hashFromConfig;

  /**
   * @param plainFromEnvironment the PIN from the environment, or null/empty
   * @param hashFromConfig the PIN's hash from the station config, or null/empty
   */
  public EngineerPinCheck(String plainFromEnvironment, String hashFromConfig) {
    this.plainFromEnvironment = plainFromEnvironment == null ? "" : plainFromEnvironment;
    this.hashFromConfig = hashFromConfig == null ? "" : hashFromConfig;
  }

  public boolean configured() {
    return !plainFromEnvironment.isEmpty() || !hashFromConfig.isEmpty();
  }

  /** What a station without a PIN lets its operators do, and how to keep that to engineers. */
  public static String notConfigured() {
    return "no engineer PIN is set for this station, so operators stop runs and the station from"
        + " its page; to keep that to engineers, set "
        + ENVIRONMENT
        + " in its environment, or engineerPinHash in its config (shipready station --hash-pin)";
  }

  public boolean matches(String pin) {
    if (pin == null || pin.isEmpty() || !configured()) {
      return false;
    }
    if (!plainFromEnvironment.isEmpty()) {
      return MessageDigest.isEqual(
          plainFromEnvironment.getBytes(StandardCharsets.UTF_8),
          pin.getBytes(StandardCharsets.UTF_8));
    }
    return EngineerPin.matches(hashFromConfig, pin.toCharArray());
  }
}
