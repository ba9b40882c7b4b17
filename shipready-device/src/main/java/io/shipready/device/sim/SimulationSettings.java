package io.shipready.device.sim;

import static java.util.Objects.requireNonNull;

import io.shipready.device.sim.azuresphere.AzureSphereOs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 *       every flash region holding firmware (version {@code as-delivered}), an azure-sphere chip in
 *       DeviceComplete; for the stations after programming (product label, RSSI, ship audit), whose
 *       units already run their firmware.
 *   <li>{@code trusted_keystore} (none): a file, relative to the recipe, in the format of a
 *       keystore image ({@link KeystoreImages}): the keys a fresh azure-sphere unit trusts, oldest
 *       first ({@link Fault.StaleKeystore} leaves out all but the oldest). A line profile ships the
 *       public keys its images are signed with, so its units take them.
 *   <li>{@code fresh_os_image_ids} ({@link AzureSphereOs#FRESH_OS_IMAGE_IDS}): the OS component
 *       image ids a fresh azure-sphere unit carries; a station that gets its units from a recovery
 *       station names the recovered OS here.
 * </ul>
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
  public static final String KEY_TRUSTED_KEYSTORE = "trusted_keystore";
  public static final String KEY_FRESH_OS_IMAGE_IDS = "fresh_os_image_ids";

  /** The keys a recipe's {@code simulation:} block may hold. */
  public static final List<String> KEYS =
      List.of(
          KEY_LINK_BYTES_PER_SECOND,
          KEY_TIME_SCALE,
          KEY_COMMAND_LATENCY_MS,
          KEY_SEED,
          KEY_AFERO_WIFI_MODULE,
          KEY_ARRIVE_PROGRAMMED,
          KEY_TRUSTED_KEYSTORE,
          KEY_FRESH_OS_IMAGE_IDS);

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

  /**
   * Settings from a recipe's {@code simulation:} block, files in it ({@code trusted_keystore})
   * taken relative to {@code baseDir}, the recipe's folder.
   *
   * @throws IllegalArgumentException naming the key when a key is unknown or its value is not
   *     usable
   */
  public static SimulationSettings fromMap(Map<String, ?> block, Path baseDir) {
    return builder().apply(block, baseDir).build();
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
      return apply(block, null);
    }

    /**
     * Applies a recipe's {@code simulation:} block over what this builder holds, files taken
     * relative to {@code baseDir} (null: the block may name no file).
     *
     * @throws IllegalArgumentException naming the key when a key is unknown or its value is not
     *     usable
     */
    public Builder apply(Map<String, ?> block, Path baseDir) {
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
          case KEY_TRUSTED_KEYSTORE -> trustedKeys(keystore(key, value, baseDir));
          case KEY_FRESH_OS_IMAGE_IDS -> freshOsImageIds(strings(key, value));
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

    private static Map<String, PublicKey> keystore(String key, Object value, Path baseDir) {
      if (!(value instanceof String name) || name.isBlank()) {
        throw new IllegalArgumentException(
            "simulation setting '" + key + "' must name a keystore file, was '" + value + "'");
      }
      if (baseDir == null) {
        throw new IllegalArgumentException(
            "simulation setting '" + key + "' names a file, but no recipe folder is known");
      }
      Path file = baseDir.resolve(name);
      byte[] content;
      try {
        content = Files.readAllBytes(file);
      } catch (IOException unreadable) {
        throw new IllegalArgumentException(
            "simulation setting '" + key + "': cannot read " + file + ": " + unreadable,
            unreadable);
      }
      try {
        Map<String, PublicKey> keys = KeystoreImages.parse(name, content);
        if (keys.isEmpty()) {
          throw new IllegalArgumentException(
              "simulation setting '" + key + "': " + file + " holds no key");
        }
        return keys;
      } catch (RuntimeException malformed) {
        throw new IllegalArgumentException(
            "simulation setting '" + key + "': " + malformed.getMessage(), malformed);
      }
    }

    private static List<String> strings(String key, Object value) {
      if (value instanceof List<?> list
          && !list.isEmpty()
          && list.stream().allMatch(item -> item instanceof String text && !text.isBlank())) {
        return list.stream().map(String.class::cast).toList();
      }
      throw new IllegalArgumentException(
          "simulation setting '" + key + "' must be a list of image ids, was '" + value + "'");
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
