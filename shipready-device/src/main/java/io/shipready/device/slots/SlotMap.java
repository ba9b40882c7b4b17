package io.shipready.device.slots;

import static java.util.Objects.requireNonNull;

import io.shipready.core.EditDistance;
import io.shipready.core.ShipreadyException;
import io.shipready.core.engine.CapabilityCheck;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Console;
import io.shipready.core.spi.DeviceDriver;
import io.shipready.core.spi.SlotBinding;
import io.shipready.core.spi.SlotSettings;
import io.shipready.core.yaml.YamlInput;
import io.shipready.device.emulated.SlotEndpoints.ConsoleEndpoint;
import io.shipready.device.spi.ConsoleFirmware;
import io.shipready.device.tools.ToolLocator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * The slot map: which driver reaches the unit in each slot of a station, and through what. Written
 * by hand for real fixtures, or by {@code shipready emulate} for emulated units. Reading it binds
 * every slot to its driver and checks every key, reaching no hardware, so a mistake is reported
 * before the first unit, naming the file, the slot, the key and the fix.
 *
 * <p>Every key and its default:
 *
 * <pre>{@code
 * tools:                        # optional: vendor tool -> executable, for tools not on the PATH
 *   azsphere: /opt/azurespheresdk/Tools_v2/azsphere   # a relative path is taken from this file's
 *                                                     # folder; SHIPREADY_TOOL_<TOOL> works too
 * environment:                  # optional: variables every vendor tool is run with, as written
 *   SHIPREADY_STANDIN_STATE: /var/lib/standins   # (an SDK's settings; the stand-in tools' state
 *                                                # folder); their values are never logged
 * # Any other top-level key is a station-wide default: a slot whose driver reads the key and does
 * # not set it itself takes it from here (a key no slot reads is refused as misspelt).
 * reset: system_reset           # e.g. the gdb-remote slots' reset command, once for all of them
 * slots:
 *   - {slot: "1", driver: gdb-remote, gdb: 127.0.0.1:3333, console: tcp:127.0.0.1:4001}
 *   - {slot: "2", driver: azsphere, device: 192.168.35.2}
 *   - {slot: "3", driver: particle, port: /dev/ttyACM0}
 *   - {slot: "4", driver: jlink, family: afero-asr, probe: "683012345", device: NRF52840_XXAA,
 *      regions: {app: 0x27000}, console: serial:/dev/ttyACM3@115200,
 *      fixture: {driver: scpi, address: 127.0.0.1:5025}}
 *   - {slot: "5", driver: simulated, family: particle}
 * }</pre>
 *
 * <p>Keys every slot takes:
 *
 * <ul>
 *   <li>{@code slot} (its position: 1, 2, ...): the slot's name, used on the station page and in
 *       every record.
 *   <li>{@code driver} (required): what reaches the unit, one of the drivers below (any driver
 *       registered as a {@link DeviceDriver}).
 *   <li>{@code console} (none): the unit's serial console, {@code tcp:HOST:PORT} or {@code
 *       serial:DEVICE@BAUD} (115200 baud when {@code @BAUD} is left out). Gives the unit the
 *       Console capability whatever its driver; {@code line_ending} ({@code "\r\n"}, or {@code
 *       "\r"}, {@code "\n"}) ends each command sent. When the slot's {@code family} has a
 *       registered {@link ConsoleFirmware}, the unit also gets what its firmware tells over the
 *       console (e.g. Identity) where the driver lacks it.
 *   <li>{@code fixture} (none): an instrument at the slot, {@code {driver: NAME, ...}} with that
 *       driver's keys. The capabilities it gives that the slot's driver lacks are added to the unit
 *       (the slot's driver keeps its own; Sensors on both are asked each for its own quantities).
 *   <li>{@code supply} (none): the fixture's power supply when {@code fixture} is another
 *       instrument (an RSSI receiver), written the same way: {@code {driver: scpi, address: ...}}.
 * </ul>
 *
 * <p>The drivers and their keys (capabilities in brackets):
 *
 * <ul>
 *   <li>{@code gdb-remote}, a debug probe's GDB server (OpenOCD, J-Link GDB server, pyOCD, QEMU)
 *       [Programmer, Power, Markings (the serial the station gives each unit), IdentityWriter with
 *       an identity page, Console and Identity with a console]: {@code gdb} (required, {@code
 *       host:port}), {@code target} ({@code nrf51}: region {@code app} at 0x0, 0x3FC00 bytes,
 *       identity page at 0x3FC00, 0x400 bytes), {@code regions} ({@code {app: {address: 0x0, size:
 *       0x3FC00}}}, instead of the target's), {@code identity} ({@code {address: .., size: ..}}),
 *       {@code reset} ({@code system_reset}: the monitor command that restarts the firmware; {@code
 *       "reset halt"} for OpenOCD and pyOCD, {@code reset} for J-Link, {@code ""} loads SP and PC
 *       from the vector table), {@code boot_banner} ({@code "BOOT"}: regex the firmware prints when
 *       it starts, {@code ""} not to wait), {@code boot_timeout} (10s), {@code line_ending} ({@code
 *       "\r\n"}), {@code timeout} (10s, for the GDB server's replies).
 *   <li>{@code azsphere}, the Azure Sphere CLI [Identity, ConnectionInfo, ImageStore, Recovery,
 *       ManufacturingStates, Wifi, Power, Ethernet; Fuses with an RF tool]: {@code device}
 *       (required: connection path or IP address), {@code cli} ({@code azsphere}, or {@code az} for
 *       the {@code az sphere} extension), {@code output} ({@code json}; {@code table}, or {@code
 *       classic} for releases without {@code --output}), {@code timeout_s} (60), {@code
 *       recover_timeout_s} (900), {@code rf_tool} (none: {@code {path: ..., timeout_s: 60}}, the
 *       factory's RF settings tool, which reads and burns the e-fuses).
 *   <li>{@code particle}, the Particle CLI over USB [Identity, Programmer, Settings, Power]: {@code
 *       port} (required), {@code timeout_s} (240).
 *   <li>{@code jlink}, SEGGER J-Link Commander [Programmer, Sensors ({@code target_voltage}, the
 *       probe's VTref), Identity on nRF51/nRF52 (FICR device id and MAC)]: {@code family}, {@code
 *       probe} (the J-Link's serial number), {@code device} (e.g. NRF52840_XXAA) (all required),
 *       {@code interface} (SWD, or JTAG), {@code speed_khz} (4000), {@code regions} ({@code {name:
 *       address}}), {@code timeout_s} (120).
 *   <li>{@code nrfjprog} [Programmer, Identity on nRF51/nRF52]: {@code family}, {@code probe}
 *       (required), {@code nrf_family} (NRF52), {@code regions}, {@code timeout_s} (120).
 *   <li>{@code nrfutil} [Programmer, Identity on nRF51/nRF52]: {@code family}, {@code probe}
 *       (required), {@code nrf_family} (NRF52), {@code regions}, {@code timeout_s} (120).
 *   <li>{@code openocd} [Programmer]: {@code family}, {@code probe} (the adapter's serial), {@code
 *       config} (list of OpenOCD config files) (all required), {@code regions}, {@code timeout_s}
 *       (120).
 *   <li>{@code esptool} [Programmer, Identity]: {@code family}, {@code port} (required), {@code
 *       chip} (auto), {@code baud} (460800), {@code regions}, {@code timeout_s} (120).
 *   <li>{@code simulated}, the simulator [its family's capabilities]: {@code family} (required:
 *       afero-asr, azure-sphere, particle), {@code simulation} (a recipe's {@code simulation:}
 *       block: seed, time_scale...).
 *   <li>{@code afero-rssi}, the RSSI receiver of an Afero validation fixture, usually as a {@code
 *       fixture} [Radio]: {@code address} (required, {@code host:port}; 5025 when the port is left
 *       out), {@code timeout} (5s).
 *   <li>{@code scpi}, a power supply or meter speaking SCPI over TCP, usually as a {@code fixture}
 *       or {@code supply} [Power, FixturePower, Sensors]: {@code address} (required, {@code
 *       host:port}; 5025 when the port is left out; or {@code TCPIP0::host::5025::SOCKET}, {@code
 *       TCPIP0::host::INSTR}), {@code timeout} (5s), {@code off_time} (1s: how long a reboot keeps
 *       the output off), {@code queries} (more Sensors quantities: {@code {temperature_c:
 *       "MEAS:TEMP?"}} or {@code {load_ma: {query: "READ?", units: mA}}}; a quantity named {@code
 *       rssi:ble}, {@code rssi:wifi} or {@code rssi:cellular} makes it an RF tester too [Radio],
 *       e.g. {@code {"rssi:cellular": "FETC:RSSI?"}}).
 * </ul>
 *
 * <p>The vendor tools are found at the path {@code tools:} gives, else on the PATH; a tool that is
 * missing is named, with the PATH searched, when a step first needs it.
 */
public final class SlotMap {
  private final String source;
  private final Path baseDirectory;
  private final Map<String, String> tools;
  private final Map<String, String> environment;
  private final Map<String, Object> defaults;
  private final List<MappedSlot> slots;

  private SlotMap(
      String source,
      Path baseDirectory,
      Map<String, String> tools,
      Map<String, String> environment,
      Map<String, Object> defaults,
      List<MappedSlot> slots) {
    this.source = source;
    this.baseDirectory = baseDirectory;
    this.tools = tools;
    this.environment = environment;
    this.defaults = defaults;
    this.slots = List.copyOf(slots);
  }

  /**
   * Reads a slot map file, binding its slots to the drivers registered on the class path.
   *
   * @throws ShipreadyException naming the file, the slot and the key that is wrong, and the fix
   */
  public static SlotMap read(Path file) {
    return read(file, DeviceDrivers.load());
  }

  /** Reads a slot map file, binding its slots to the given drivers. */
  public static SlotMap read(Path file, DeviceDrivers drivers) {
    requireNonNull(file, "file");
    String where = "slot map " + file;
    Object root = YamlInput.load(file, "slot map", "slots.yaml");
    if (!(root instanceof Map<?, ?> top)) {
      throw new ShipreadyException(
          where
              + ": expected a mapping with a 'slots' list, e.g. slots: [{slot: \"1\", driver: ...}]");
    }
    Path folder = file.toAbsolutePath().getParent();
    Builder builder = builder().source(where).baseDirectory(folder == null ? Path.of("") : folder);
    Object toolBlock = top.get("tools");
    if (toolBlock != null) {
      if (!(toolBlock instanceof Map<?, ?> toolMap)) {
        throw new ShipreadyException(
            where
                + ": 'tools' must map tool names to executables, e.g. {azsphere: /opt/.../azsphere}");
      }
      toolMap.forEach((tool, path) -> builder.tool(String.valueOf(tool), stringOrNull(path)));
    }
    Object environmentBlock = top.get("environment");
    if (environmentBlock != null) {
      if (!(environmentBlock instanceof Map<?, ?> variables)) {
        throw new ShipreadyException(
            where
                + ": 'environment' must map variable names to values, e.g."
                + " {SHIPREADY_STANDIN_STATE: units}");
      }
      variables.forEach(
          (name, value) -> builder.environment(String.valueOf(name), stringOrNull(value)));
    }
    top.forEach(
        (key, value) -> {
          String name = String.valueOf(key);
          if (!name.equals("tools") && !name.equals("slots") && !name.equals("environment")) {
            builder.defaultValue(name, value);
          }
        });
    if (!(top.get("slots") instanceof List<?> entries) || entries.isEmpty()) {
      throw new ShipreadyException(
          where
              + ": 'slots' must be a list with one entry per slot, e.g. - {slot: \"1\", driver:"
              + " gdb-remote, gdb: 127.0.0.1:3333}");
    }
    int index = 0;
    for (Object entry : entries) {
      index++;
      if (!(entry instanceof Map<?, ?> fields)) {
        throw new ShipreadyException(
            where + ": slots entry " + index + " is not a mapping of keys (slot, driver, ...)");
      }
      Map<String, Object> settings = new LinkedHashMap<>();
      fields.forEach((key, value) -> settings.put(String.valueOf(key), value));
      Object slot = settings.remove("slot");
      if (slot instanceof Map || slot instanceof List) {
        throw new ShipreadyException(
            where + ": slots entry " + index + ": 'slot' must be a name, e.g. slot: \"1\"");
      }
      String name = slot == null ? Integer.toString(index) : slot.toString();
      Object driver = settings.remove("driver");
      builder.slot(name, driver == null ? null : driver.toString(), settings);
    }
    return builder.build(drivers);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Where the map comes from, as messages name it (e.g. {@code slot map slots.yaml}). */
  public String source() {
    return source;
  }

  public List<MappedSlot> slots() {
    return slots;
  }

  /** The slots' names, in the map's order. */
  public List<String> slotNames() {
    return slots.stream().map(MappedSlot::slot).toList();
  }

  /**
   * The slot of that name.
   *
   * @throws ShipreadyException naming the slots the map has
   */
  public MappedSlot slot(String name) {
    requireNonNull(name, "name");
    return slots.stream()
        .filter(s -> s.slot().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new ShipreadyException(
                    source + " has no slot '" + name + "'; its slots are " + slotNames()));
  }

  /** The driver of a slot. */
  public String driver(String slot) {
    return slot(slot).driver();
  }

  /** What every unit in a slot will be able to do, known without reaching it. */
  public Set<Class<? extends Capability>> capabilities(String slot) {
    return slot(slot).capabilities();
  }

  /** Every slot's capabilities, for {@link CapabilityCheck#check}. */
  public List<CapabilityCheck.Slot> capabilitySlots() {
    return slots.stream()
        .map(s -> new CapabilityCheck.Slot(s.slot(), s.driver(), s.capabilities()))
        .toList();
  }

  /** The {@code tools:} block as written: tool name to executable. */
  public Map<String, String> tools() {
    return tools;
  }

  /** The {@code environment:} block as written: variable to value. */
  public Map<String, String> environment() {
    return environment;
  }

  /** The station-wide defaults as written (every top-level key but tools and slots). */
  public Map<String, Object> defaults() {
    return defaults;
  }

  /**
   * Writes the map in the format {@link #read} takes, replacing the file in one step.
   *
   * @param header comment lines at the top of the file (what wrote it, how long it is valid)
   */
  public void write(Path file, String header) {
    requireNonNull(file, "file");
    StringBuilder yaml = new StringBuilder();
    if (header != null && !header.isEmpty()) {
      for (String line : header.split("\n")) {
        yaml.append("# ").append(line).append('\n');
      }
    }
    Map<String, Object> document = new LinkedHashMap<>();
    if (!tools.isEmpty()) {
      document.put("tools", tools);
    }
    if (!environment.isEmpty()) {
      document.put("environment", environment);
    }
    document.putAll(defaults);
    List<Map<String, Object>> entries = new ArrayList<>();
    for (MappedSlot slot : slots) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("slot", slot.slot());
      entry.put("driver", slot.driver());
      entry.putAll(slot.settings());
      entries.add(entry);
    }
    document.put("slots", entries);
    yaml.append(
        new Dump(
                DumpSettings.builder()
                    .setDefaultFlowStyle(FlowStyle.BLOCK)
                    .setIndent(2)
                    .setIndicatorIndent(2)
                    .setIndentWithIndicator(true)
                    .build())
            .dumpToString(document));
    try {
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temporary, yaml, StandardCharsets.UTF_8);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException failed) {
      throw new ShipreadyException("cannot write slot map " + file + ": " + failed.getMessage());
    }
  }

  private static String stringOrNull(Object value) {
    return value == null ? null : value.toString();
  }

  /**
   * Builds a slot map in code, checked and bound exactly as one read from a file ({@code shipready
   * emulate} builds its map so, then writes it).
   */
  public static final class Builder {
    private String source = "slot map";
    private Path baseDirectory = Path.of("");
    private final Map<String, String> tools = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, Object> defaults = new LinkedHashMap<>();
    private final List<Entry> entries = new ArrayList<>();

    private record Entry(String slot, String driver, Map<String, Object> settings) {}

    private Builder() {}

    /** How messages name the map, e.g. {@code slot map /etc/station/slots.yaml}. */
    public Builder source(String source) {
      this.source = requireNonNull(source, "source");
      return this;
    }

    /** The folder relative paths in the map are taken from. */
    public Builder baseDirectory(Path baseDirectory) {
      this.baseDirectory = requireNonNull(baseDirectory, "baseDirectory");
      return this;
    }

    /** Where a vendor tool's executable is (the {@code tools:} block). */
    public Builder tool(String tool, String executable) {
      tools.put(requireNonNull(tool, "tool"), executable);
      return this;
    }

    /**
     * A variable every vendor tool is run with (the {@code environment:} block). A value that is a
     * relative path of an existing file or folder is not resolved: the tool sees it as written.
     */
    public Builder environment(String name, String value) {
      if (value == null) {
        throw new ShipreadyException(
            source + ": environment." + name + " has no value; give it one or remove it");
      }
      environment.put(requireNonNull(name, "name"), value);
      return this;
    }

    /** A station-wide default: a top-level key. */
    public Builder defaultValue(String key, Object value) {
      defaults.put(requireNonNull(key, "key"), value);
      return this;
    }

    /**
     * A slot, in order.
     *
     * @param driver the driver's name; null is refused at {@link #build}, naming the known ones
     * @param settings its other keys
     */
    public Builder slot(String slot, String driver, Map<String, ?> settings) {
      Map<String, Object> copy = new LinkedHashMap<>();
      settings.forEach(copy::put);
      entries.add(new Entry(requireNonNull(slot, "slot"), driver, copy));
      return this;
    }

    /** Checks and binds every slot with the drivers registered on the class path. */
    public SlotMap build() {
      return build(DeviceDrivers.load());
    }

    /**
     * Checks and binds every slot with the given drivers.
     *
     * @throws ShipreadyException naming the map, the slot and the key that is wrong, and the fix
     */
    public SlotMap build(DeviceDrivers drivers) {
      requireNonNull(drivers, "drivers");
      if (entries.isEmpty()) {
        throw new ShipreadyException(source + ": it names no slot; add one entry per slot");
      }
      Map<String, Path> toolPaths = toolPaths();
      Set<String> names = new LinkedHashSet<>();
      Set<String> defaultsRead = new TreeSet<>();
      List<MappedSlot> bound = new ArrayList<>();
      for (Entry entry : entries) {
        String at = source + ", slot " + entry.slot();
        if (!names.add(entry.slot())) {
          throw new ShipreadyException(
              at + ": the slot name is used twice; give every slot its own");
        }
        DeviceDriver driver = driver(drivers, entry.driver(), at, "driver");
        SlotSettings settings =
            SlotSettings.builder(entry.slot(), driver.name())
                .source(source)
                .values(entry.settings())
                .defaults(defaults)
                .tools(toolPaths)
                .environment(environment)
                .baseDirectory(baseDirectory)
                .build();
        SlotBinding binding = bindSlot(drivers, driver, settings, toolPaths);
        defaultsRead.addAll(settings.readKeys());
        bound.add(new MappedSlot(entry.slot(), driver.name(), entry.settings(), binding));
      }
      rejectUnreadDefaults(defaultsRead);
      return new SlotMap(
          source,
          baseDirectory,
          Collections.unmodifiableMap(new LinkedHashMap<>(tools)),
          Collections.unmodifiableMap(new LinkedHashMap<>(environment)),
          Collections.unmodifiableMap(new LinkedHashMap<>(defaults)),
          bound);
    }

    /** The slot's driver, plus the console and fixture the slot map adds to what it gives. */
    private SlotBinding bindSlot(
        DeviceDrivers drivers,
        DeviceDriver driver,
        SlotSettings settings,
        Map<String, Path> toolPaths) {
      SlotBinding binding = driver.bind(settings);
      ConsoleEndpoint console = null;
      String lineEnding = null;
      ConsoleFirmware firmware = null;
      // A driver that reads 'console' itself drives the console (gdb-remote asks the firmware
      // who it is through it); otherwise the slot map opens it for the unit.
      if (settings.has("console") && !settings.wasRead("console")) {
        if (binding.capabilities().contains(Console.class)) {
          throw settings.error(
              "console",
              "is not used: the "
                  + driver.name()
                  + " driver gives its units a console of their own; remove the key");
        }
        console = ConsoleEndpoint.read(settings);
        lineEnding = ConsoleEndpoint.lineEnding(settings);
        // What the firmware tells over the console (its ids), for drivers that cannot ask it.
        firmware =
            ConsoleFirmwares.find(settings.wasRead("family") ? settings.string("family") : null)
                .orElse(null);
      }
      SlotBinding fixture = null;
      if (settings.has("fixture")) {
        fixture = instrument(drivers, settings, "fixture", toolPaths);
      }
      if (settings.has("supply")) {
        // The fixture's supply beside another instrument (an RSSI receiver): one more at the slot.
        SlotBinding supply = instrument(drivers, settings, "supply", toolPaths);
        fixture =
            fixture == null
                ? supply
                : new ComposedSlot(settings.slot(), fixture, null, null, null, supply);
      }
      settings.accept("console", "fixture", "supply");
      settings.rejectUnknownKeys();
      if (console == null && fixture == null) {
        return binding;
      }
      return new ComposedSlot(settings.slot(), binding, console, lineEnding, firmware, fixture);
    }

    private SlotBinding instrument(
        DeviceDrivers drivers, SlotSettings settings, String key, Map<String, Path> toolPaths) {
      Map<String, Object> block = new LinkedHashMap<>(settings.map(key));
      Object name = block.remove("driver");
      String at = settings.source() + ", slot " + settings.slot();
      DeviceDriver driver =
          driver(drivers, name == null ? null : name.toString(), at, key + ".driver");
      SlotSettings fixtureSettings =
          SlotSettings.builder(settings.slot(), driver.name())
              .source(settings.source())
              .keyPrefix(key + ".")
              .values(block)
              .tools(toolPaths)
              .environment(environment)
              .baseDirectory(baseDirectory)
              .build();
      SlotBinding fixture = driver.bind(fixtureSettings);
      fixtureSettings.rejectUnknownKeys();
      return fixture;
    }

    private static DeviceDriver driver(DeviceDrivers drivers, String name, String at, String key) {
      if (name == null || name.isBlank()) {
        throw new ShipreadyException(
            at
                + ": '"
                + key
                + (key.equals("driver")
                    ? "' is missing; name how the slot reaches its unit, one of "
                    : "' is missing; name the instrument's driver, one of ")
                + drivers.names());
      }
      return drivers
          .find(name)
          .orElseThrow(
              () ->
                  new ShipreadyException(
                      at
                          + ": '"
                          + key
                          + "' is '"
                          + name
                          + "', which no driver is"
                          + drivers
                              .nearest(name)
                              .map(n -> " (did you mean '" + n + "'?)")
                              .orElse("")
                          + "; use one of "
                          + drivers.names()));
    }

    private Map<String, Path> toolPaths() {
      Map<String, Path> paths = new LinkedHashMap<>();
      List<String> known = ToolLocator.knownTools();
      tools.forEach(
          (tool, executable) -> {
            String at = source + ": tools." + tool;
            if (!known.contains(tool)) {
              String near =
                  EditDistance.nearest(tool, known)
                      .map(k -> " (did you mean '" + k + "'?)")
                      .orElse("");
              throw new ShipreadyException(
                  at + " names no tool a driver runs" + near + "; known tools: " + known);
            }
            if (executable == null || executable.isBlank()) {
              throw new ShipreadyException(at + " is empty; give the tool's executable");
            }
            try {
              paths.put(tool, baseDirectory.resolve(executable.strip()));
            } catch (InvalidPathException bad) {
              throw new ShipreadyException(
                  at + ": '" + executable + "' is not a path: " + bad.getReason());
            }
          });
      return paths;
    }

    private void rejectUnreadDefaults(Set<String> read) {
      List<String> unread = defaults.keySet().stream().filter(k -> !read.contains(k)).toList();
      if (unread.isEmpty()) {
        return;
      }
      StringBuilder message =
          new StringBuilder(source)
              .append(": top-level key")
              .append(unread.size() == 1 ? " " : "s ")
              .append(unread)
              .append(" no slot's driver reads");
      for (String key : unread) {
        EditDistance.nearest(key, read)
            .ifPresent(k -> message.append(" ('" + key + "': did you mean '" + k + "'?)"));
      }
      message
          .append("; a top-level key is a default for the slots' settings (these slots read ")
          .append(read)
          .append("), besides tools and slots");
      throw new ShipreadyException(message.toString());
    }
  }
}
