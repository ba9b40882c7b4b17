package io.shipready.core.spi;

import static java.util.Objects.requireNonNull;

import io.shipready.core.EditDistance;
import io.shipready.core.ShipreadyException;
import io.shipready.core.recipe.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One slot's settings as a slot map gives them to the slot's driver: YAML values (text, numbers,
 * lists, mappings) read through typed getters whose errors name the file, the slot, the key and the
 * fix. A key the slot does not set falls back to the station-wide default of the same name (a key
 * at the top of the slot map). Every key read is remembered, so a misspelt key can be refused
 * instead of silently ignored ({@link #rejectUnknownKeys()}).
 */
public final class SlotSettings {
  private final String source;
  private final String slot;
  private final String driver;
  private final String prefix;
  private final Map<String, Object> values;
  private final Map<String, Object> defaults;
  private final Map<String, Path> tools;
  private final Map<String, String> environment;
  private final Path baseDirectory;
  private final Set<String> read = new TreeSet<>();
  private final List<SlotSettings> sections = new ArrayList<>();

  private SlotSettings(Builder builder, String prefix, Map<String, ?> values) {
    requireNonNull(prefix, "prefix");
    this.source = builder.source;
    this.slot = builder.slot;
    this.driver = builder.driver;
    this.prefix = prefix;
    this.values = copy(values);
    this.defaults = prefix.isEmpty() ? copy(builder.defaults) : Map.of();
    this.tools = Map.copyOf(builder.tools);
    this.environment = Map.copyOf(builder.environment);
    this.baseDirectory = builder.baseDirectory;
  }

  public static Builder builder(String slot, String driver) {
    return new Builder(slot, driver);
  }

  /** The slot's name. */
  public String slot() {
    return slot;
  }

  /** The driver these settings are for. */
  public String driver() {
    return driver;
  }

  /** Where the settings come from, for messages (e.g. {@code slot map /etc/station/slots.yaml}). */
  public String source() {
    return source;
  }

  /**
   * The station's vendor tools by name (the slot map's {@code tools:} block): executables that are
   * not on the PATH. Empty when the map names none.
   */
  public Map<String, Path> tools() {
    return tools;
  }

  /**
   * Variables every vendor tool of the station is run with (the slot map's {@code environment:}
   * block), e.g. an SDK's settings or the state folder of stand-in tools.
   */
  public Map<String, String> environment() {
    return environment;
  }

  /** The folder relative paths in the settings are resolved against (the slot map's). */
  public Path baseDirectory() {
    return baseDirectory;
  }

  /** Whether the slot (or the station-wide defaults) sets the key. Does not count as reading it. */
  public boolean has(String key) {
    return raw(key) != null;
  }

  /** Whether a getter has read the key. */
  public boolean wasRead(String key) {
    return read.contains(key);
  }

  /**
   * Counts keys as known that another reader handles (the slot map's own {@code console} and {@code
   * fixture}), so they are neither refused nor missing from the keys a message lists.
   */
  public void accept(String... keys) {
    read.addAll(List.of(keys));
  }

  /** The keys read so far, in this block (not in its sections). */
  public Set<String> readKeys() {
    return Set.copyOf(read);
  }

  /** The keys this block sets itself (not the station-wide defaults), in the order written. */
  public Set<String> keys() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(values.keySet()));
  }

  /**
   * A text value that must be there.
   *
   * @throws ShipreadyException when it is missing or not a single value
   */
  public String string(String key) {
    String value = optionalString(key, null);
    if (value == null || value.isBlank()) {
      throw error(key, "is missing; add it to the slot (the " + driver + " driver needs it)");
    }
    return value;
  }

  public String optionalString(String key, String fallback) {
    Object value = take(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    throw error(key, "must be a single value, was " + value);
  }

  public int number(String key, int fallback) {
    Object value = take(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    throw error(key, "must be a whole number, was " + value);
  }

  /** A whole number of seconds, at least 1 (the {@code timeout_s} of the vendor tools). */
  public Duration seconds(String key, Duration fallback) {
    int seconds = number(key, (int) fallback.toSeconds());
    if (seconds < 1) {
      throw error(key, "must be at least 1 second, was " + seconds);
    }
    return Duration.ofSeconds(seconds);
  }

  /** A duration such as {@code 10s}, {@code 500ms} or {@code 2m}; a bare number is seconds. */
  public Duration duration(String key, Duration fallback) {
    Object value = take(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Durations.parse(value.toString().strip());
    } catch (IllegalArgumentException bad) {
      throw error(key, "'" + value + "' is not a duration; write it like 10s or 500ms");
    }
  }

  /**
   * One or more text values: a list, or a single value.
   *
   * @throws ShipreadyException when missing or empty
   */
  public List<String> strings(String key) {
    Object value = take(key);
    if (value instanceof List<?> list && !list.isEmpty()) {
      return list.stream().map(String::valueOf).toList();
    }
    if ((value instanceof String || value instanceof Number) && !value.toString().isBlank()) {
      return List.of(value.toString());
    }
    throw error(key, "must list at least one entry, was " + value);
  }

  /**
   * A mapping of names to addresses, e.g. {@code regions: {bootloader: 0x1000, app: 0x27000}};
   * addresses as numbers, 0x-prefixed hex or decimal text. Empty when the key is not set.
   */
  public Map<String, Long> addresses(String key) {
    Object value = take(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw error(key, "must map names to addresses, e.g. {app: 0x27000}; was " + value);
    }
    Map<String, Long> addresses = new LinkedHashMap<>();
    map.forEach(
        (name, address) -> addresses.put(String.valueOf(name), address(key + "." + name, address)));
    return addresses;
  }

  /**
   * An address or size that must be there: a number, 0x-prefixed hex or decimal text.
   *
   * @throws ShipreadyException when missing or not a number
   */
  public long address(String key) {
    Object value = take(key);
    if (value == null) {
      throw error(key, "is missing; give it as hex (0x1000) or decimal");
    }
    return address(key, value);
  }

  /**
   * A mapping within the slot's settings (e.g. {@code fixture: {driver: scpi, ...}}), read with the
   * same getters. Its keys are named {@code key.inner} in messages and are checked for unknown ones
   * with this block. Empty when the key is not set; station-wide defaults do not reach into it.
   */
  public SlotSettings section(String key) {
    Object value = take(key);
    if (value != null && !(value instanceof Map<?, ?>)) {
      throw error(key, "must be a mapping of keys to values, was " + value);
    }
    Map<String, Object> inner = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> inner.put(String.valueOf(k), v));
    }
    Builder same = new Builder(slot, driver);
    same.source = source;
    same.tools = tools;
    same.environment = environment;
    same.baseDirectory = baseDirectory;
    SlotSettings section = new SlotSettings(same, prefix + key + ".", inner);
    sections.add(section);
    return section;
  }

  /**
   * A mapping read as it is, for a block another reader checks (its keys are not checked here).
   * Empty when the key is not set.
   */
  public Map<String, Object> map(String key) {
    Object value = take(key);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw error(key, "must be a mapping of keys to values, was " + value);
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
  }

  /** An error about one key: names the file, the slot, its driver and the key. */
  public ShipreadyException error(String key, String problem) {
    String origin =
        prefix.isEmpty() && !values.containsKey(key) && defaults.containsKey(key)
            ? " (the station-wide default at the top of the slot map)"
            : "";
    return new ShipreadyException(where() + ": '" + prefix + key + "'" + origin + " " + problem);
  }

  /** An error about the slot as a whole. */
  public ShipreadyException error(String problem) {
    return new ShipreadyException(where() + ": " + problem);
  }

  /** The keys this block and its sections set that no getter read, as {@code key.inner}. */
  public List<String> unknownKeys() {
    List<String> unknown = new ArrayList<>();
    for (String key : new TreeSet<>(values.keySet())) {
      if (!read.contains(key)) {
        unknown.add(prefix + key);
      }
    }
    sections.forEach(section -> unknown.addAll(section.unknownKeys()));
    return unknown;
  }

  /**
   * Refuses keys no getter read: a misspelt key would otherwise be lost, and the unit driven
   * without the setting its author meant.
   *
   * @throws ShipreadyException naming the unknown keys, the nearest known ones and the keys read
   */
  public void rejectUnknownKeys() {
    List<String> unknown = unknownKeys();
    if (unknown.isEmpty()) {
      return;
    }
    List<String> known = knownKeys();
    StringBuilder message =
        new StringBuilder("unknown key" + (unknown.size() == 1 ? " " : "s ") + unknown);
    for (String key : unknown) {
      EditDistance.nearest(key, known)
          .ifPresent(near -> message.append(" ('" + key + "': did you mean '" + near + "'?)"));
    }
    message.append("; the ").append(driver).append(" driver reads ").append(known);
    throw error(message.toString());
  }

  private List<String> knownKeys() {
    List<String> known = new ArrayList<>();
    read.forEach(key -> known.add(prefix + key));
    sections.forEach(section -> known.addAll(section.knownKeys()));
    return known;
  }

  private String where() {
    String at = "slot " + slot + " (" + driver + ")";
    return source.isEmpty() ? at : source + ", " + at;
  }

  private Object raw(String key) {
    Object value = values.get(key);
    return value != null ? value : defaults.get(key);
  }

  private Object take(String key) {
    requireNonNull(key, "key");
    read.add(key);
    return raw(key);
  }

  private long address(String key, Object value) {
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      if (n.longValue() < 0) {
        throw error(key, "must not be negative, was " + value);
      }
      return n.longValue();
    }
    String text = String.valueOf(value).strip().toLowerCase(Locale.ROOT).replace("_", "");
    try {
      long parsed =
          text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
      if (parsed >= 0) {
        return parsed;
      }
    } catch (NumberFormatException bad) {
      // falls through to the message
    }
    throw error(key, "'" + value + "' is not an address; write it as hex (0x1000) or decimal");
  }

  private static Map<String, Object> copy(Map<String, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach(
        (key, value) -> {
          if (value != null) {
            copy.put(key, value);
          }
        });
    return Collections.unmodifiableMap(copy);
  }

  /** Builds the settings of one slot. */
  public static final class Builder {
    private final String slot;
    private final String driver;
    private String source = "";
    private Map<String, ?> values = Map.of();
    private Map<String, ?> defaults = Map.of();
    private Map<String, Path> tools = Map.of();
    private Map<String, String> environment = Map.of();
    private Path baseDirectory = Path.of("");
    private String keyPrefix = "";

    private Builder(String slot, String driver) {
      this.slot = requireNonNull(slot, "slot");
      this.driver = requireNonNull(driver, "driver");
    }

    /** Where the settings come from, for messages, e.g. {@code slot map slots.yaml}. */
    public Builder source(String source) {
      this.source = requireNonNull(source, "source");
      return this;
    }

    /** The slot's own keys. */
    public Builder values(Map<String, ?> values) {
      this.values = requireNonNull(values, "values");
      return this;
    }

    /** Station-wide defaults: used for a key the slot does not set. */
    public Builder defaults(Map<String, ?> defaults) {
      this.defaults = requireNonNull(defaults, "defaults");
      return this;
    }

    public Builder tools(Map<String, Path> tools) {
      this.tools = requireNonNull(tools, "tools");
      return this;
    }

    public Builder environment(Map<String, String> environment) {
      this.environment = requireNonNull(environment, "environment");
      return this;
    }

    public Builder baseDirectory(Path baseDirectory) {
      this.baseDirectory = requireNonNull(baseDirectory, "baseDirectory");
      return this;
    }

    /**
     * How messages name these keys when they sit inside another block, e.g. {@code fixture.} for
     * the instrument at a slot. Station-wide defaults do not apply to such a block.
     */
    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = requireNonNull(keyPrefix, "keyPrefix");
      return this;
    }

    public SlotSettings build() {
      return new SlotSettings(this, keyPrefix, values);
    }
  }
}
