package io.shipready.device.sim;

import static java.util.Objects.requireNonNull;

import java.security.PublicKey;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How simulated units behave: how fast they take images, how fast simulated time runs, which
 * signing keys a fresh unit trusts, and the seed every identity and measurement derives from.
 *
 * <p>Every setting, with its key in a recipe's {@code simulation:} block and its default:
 *
 * <ul>
 *   <li>{@code link_bytes_per_second} ({@value #DEFAULT_LINK_BYTES_PER_SECOND}): how fast the
 *       programming link moves an image; flashing, sideloading and recovery take {@code size / link
 *       speed}.
 *   <li>{@code time_scale} ({@value #DEFAULT_TIME_SCALE}): real seconds per simulated second. 0.01
 *       makes every delay a hundred times shorter; 0 removes delays (the simulated time is still
 *       counted, see {@link SimulatedDevice#busyTime()}).
 *   <li>{@code command_latency_ms} (2): what every device command costs before it does anything.
 *   <li>{@code seed} ({@value #DEFAULT_SEED}): identities and measurements are a function of the
 *       seed, the unit number and the family, so a dry run can be repeated exactly.
 *   <li>{@code afero_wifi_module} ({@value #DEFAULT_AFERO_WIFI_MODULE}): whether afero-asr units
 *       are Wi-Fi modules (with a {@code wifi} flash region and a Wi-Fi radio in factory test mode)
 *       or BLE-only modules.
 *   <li>{@code arrive_programmed} (false): whether units arrive as an earlier station left them,
 *       every flash region holding firmware (version {@code as-delivered}); for the stations after
 *       programming (product label, RSSI), whose units already run their firmware.
 * </ul>
 *
 * <p>Two settings exist in code only, because they are keys and image ids rather than numbers: the
 * keys an azure-sphere unit's trusted keystore holds when fresh (oldest first: {@link
 * Fault.StaleKeystore} leaves out all but the oldest), and the OS component image ids a fresh
 * azure-sphere unit carries (default {@link AzureSphereOs#FRESH_OS_IMAGE_IDS}).
 */
public final class SimulationSettings {
  public static final long DEFAULT_LINK_BYTES_PER_SECOND = 1_000_000;
  public static final double DEFAULT_TIME_SCALE = 1.0;
  public static final Duration DEFAULT_COMMAND_LATENCY = Duration.ofMillis(2);
  public static final long DEFAULT_SEED = 0;
  public static final boolean DEFAULT_AFERO_WIFI_MODULE = true;

  public static final String KEY_LINK_BYTES_PER_SECOND = "link_bytes_per_second";
  public static final String KEY_TIME_SCALE = "time_scale";
  public static final String KEY_COMMAND_LATENCY_MS = "command_latency_ms";
  public static final String KEY_SEED = "seed";
  public static final String KEY_AFERO_WIFI_MODULE = "afero_wifi_module";
  public static final String KEY_ARRIVE_PROGRAMMED = "arrive_programmed";

  /** The keys a recipe's {@code simulation:} block may hold. */
  public static final List<String> KEYS =
      List.of(
          KEY_LINK_BYTES_PER_SECOND,
          KEY_TIME_SCALE,
          KEY_COMMAND_LATENCY_MS,
          KEY_SEED,
          KEY_AFERO_WIFI_MODULE,
          KEY_ARRIVE_PROGRAMMED);

  private final long linkBytesPerSecond;
  private final double timeScale;
  private final Duration commandLatency;
  private final Map<String, PublicKey> trustedKeys;
  private final List<String> freshOsImageIds;
  private final long seed;
  private final boolean aferoWifiModule;
  private final boolean arriveProgrammed;

  private SimulationSettings(Builder builder) {
    this.linkBytesPerSecond = builder.linkBytesPerSecond;
    this.timeScale = builder.timeScale;
    this.commandLatency = builder.commandLatency;
    this.trustedKeys = Collections.unmodifiableMap(new LinkedHashMap<>(builder.trustedKeys));
    this.freshOsImageIds = List.copyOf(builder.freshOsImageIds);
    this.seed = builder.seed;
    this.aferoWifiModule = builder.aferoWifiModule;
    this.arriveProgrammed = builder.arriveProgrammed;
  }

  /** Settings with every default: real time, 1 MB/s, 2 ms per command, seed 0, no keys. */
  public static SimulationSettings defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Settings from a recipe's {@code simulation:} block; keys left out keep their defaults.
   *
   * @throws IllegalArgumentException naming the key when a key is unknown or its value is not
   *     usable
   */
  public static SimulationSettings fromMap(Map<String, ?> block) {
    return builder().apply(block).build();
  }

  /** A builder holding these settings, to change a few of them. */
  public Builder toBuilder() {
    Builder builder =
        builder()
            .linkBytesPerSecond(linkBytesPerSecond)
            .timeScale(timeScale)
            .commandLatency(commandLatency)
            .freshOsImageIds(freshOsImageIds)
            .seed(seed)
            .aferoWifiModule(aferoWifiModule)
            .arriveProgrammed(arriveProgrammed);
    trustedKeys.forEach(builder::trustKey);
    return builder;
  }

  public long linkBytesPerSecond() {
    return linkBytesPerSecond;
  }

  public double timeScale() {
    return timeScale;
  }

  public Duration commandLatency() {
    return commandLatency;
  }

  /** The keys a fresh azure-sphere unit trusts, oldest first. */
  public Map<String, PublicKey> trustedKeys() {
    return trustedKeys;
  }

  public List<String> freshOsImageIds() {
    return freshOsImageIds;
  }

  public long seed() {
    return seed;
  }

  public boolean aferoWifiModule() {
    return aferoWifiModule;
  }

  public boolean arriveProgrammed() {
    return arriveProgrammed;
  }

  /** The simulated time moving {@code bytes} over the programming link takes. */
  public Duration transferTime(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative: " + bytes);
    }
    // Split to keep bytes * 1e9 from overflowing for images of many gigabytes.
    long seconds = bytes / linkBytesPerSecond;
    long rest = bytes % linkBytesPerSecond;
    return Duration.ofSeconds(seconds, rest * 1_000_000_000L / linkBytesPerSecond);
  }

  @Override
  public String toString() {
    return "SimulationSettings[link_bytes_per_second="
        + linkBytesPerSecond
        + ", time_scale="
        + timeScale
        + ", command_latency_ms="
        + commandLatency.toMillis()
        + ", seed="
        + seed
        + ", afero_wifi_module="
        + aferoWifiModule
        + ", arrive_programmed="
        + arriveProgrammed
        + ", trusted keys="
        + trustedKeys.keySet()
        + "]";
  }

  /** Builds {@link SimulationSettings}; every setting starts at its default. */
  public static final class Builder {
    private long linkBytesPerSecond = DEFAULT_LINK_BYTES_PER_SECOND;
    private double timeScale = DEFAULT_TIME_SCALE;
    private Duration commandLatency = DEFAULT_COMMAND_LATENCY;
    private final Map<String, PublicKey> trustedKeys = new LinkedHashMap<>();
    private List<String> freshOsImageIds = AzureSphereOs.FRESH_OS_IMAGE_IDS;
    private long seed = DEFAULT_SEED;
    private boolean aferoWifiModule = DEFAULT_AFERO_WIFI_MODULE;
    private boolean arriveProgrammed;

    private Builder() {}

    public Builder linkBytesPerSecond(long bytesPerSecond) {
      if (bytesPerSecond <= 0) {
        throw new IllegalArgumentException(
            KEY_LINK_BYTES_PER_SECOND + " must be positive, was " + bytesPerSecond);
      }
      this.linkBytesPerSecond = bytesPerSecond;
      return this;
    }

    public Builder timeScale(double scale) {
      if (!(scale >= 0) || Double.isInfinite(scale)) {
        throw new IllegalArgumentException(
            KEY_TIME_SCALE + " must be 0 or more (1.0 = real time, 0 = no delays), was " + scale);
      }
      this.timeScale = scale;
      return this;
    }

    public Builder commandLatency(Duration latency) {
      requireNonNull(latency, "latency");
      if (latency.isNegative()) {
        throw new IllegalArgumentException(
            KEY_COMMAND_LATENCY_MS + " must not be negative, was " + latency.toMillis());
      }
      this.commandLatency = latency;
      return this;
    }

    /** Adds a key a fresh azure-sphere unit trusts; call in age order, oldest first. */
    public Builder trustKey(String keyId, PublicKey key) {
      requireNonNull(keyId, "keyId");
      requireNonNull(key, "key");
      trustedKeys.put(keyId, key);
      return this;
    }

    public Builder trustedKeys(Map<String, PublicKey> keys) {
      requireNonNull(keys, "keys");
      trustedKeys.clear();
      keys.forEach(this::trustKey);
      return this;
    }

    public Builder freshOsImageIds(List<String> imageIds) {
      this.freshOsImageIds = List.copyOf(requireNonNull(imageIds, "imageIds"));
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder aferoWifiModule(boolean wifiModule) {
      this.aferoWifiModule = wifiModule;
      return this;
    }

    public Builder arriveProgrammed(boolean programmed) {
      this.arriveProgrammed = programmed;
      return this;
    }

    /**
     * Applies a recipe's {@code simulation:} block over what this builder holds.
     *
     * @throws IllegalArgumentException naming the key when a key is unknown or its value is not
     *     usable
     */
    public Builder apply(Map<String, ?> block) {
      requireNonNull(block, "block");
      for (Map.Entry<String, ?> entry : block.entrySet()) {
        String key = entry.getKey();
        Object value = entry.getValue();
        switch (key) {
          case KEY_LINK_BYTES_PER_SECOND -> linkBytesPerSecond(wholeNumber(key, value));
          case KEY_TIME_SCALE -> timeScale(number(key, value));
          case KEY_COMMAND_LATENCY_MS -> commandLatency(milliseconds(key, value));
          case KEY_SEED -> seed(wholeNumber(key, value));
          case KEY_AFERO_WIFI_MODULE -> aferoWifiModule(flag(key, value));
          case KEY_ARRIVE_PROGRAMMED -> arriveProgrammed(flag(key, value));
          default ->
              throw new IllegalArgumentException(
                  "unknown simulation setting '" + key + "'; use one of " + KEYS);
        }
      }
      return this;
    }

    public SimulationSettings build() {
      return new SimulationSettings(this);
    }

    private static double number(String key, Object value) {
      if (value instanceof Number number) {
        return number.doubleValue();
      }
      throw new IllegalArgumentException(
          "simulation setting '" + key + "' must be a number, was '" + value + "'");
    }

    private static long wholeNumber(String key, Object value) {
      double number = number(key, value);
      if (number != Math.rint(number) || Math.abs(number) > Long.MAX_VALUE) {
        throw new IllegalArgumentException(
            "simulation setting '" + key + "' must be a whole number, was " + value);
      }
      return (long) number;
    }

    private static Duration milliseconds(String key, Object value) {
      double millis = number(key, value);
      if (!(millis >= 0) || Double.isInfinite(millis)) {
        throw new IllegalArgumentException(
            "simulation setting '" + key + "' must be 0 or more milliseconds, was " + value);
      }
      return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    private static boolean flag(String key, Object value) {
      if (value instanceof Boolean bool) {
        return bool;
      }
      throw new IllegalArgumentException(
          "simulation setting '" + key + "' must be true or false, was '" + value + "'");
    }
  }
}
