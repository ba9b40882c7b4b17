package io.shipready.output.config;

import static io.shipready.output.config.StationConfigKeys.ARCHIVE_FOLDER;
import static io.shipready.output.config.StationConfigKeys.COMPUTER_NAME;
import static io.shipready.output.config.StationConfigKeys.ENGINEER_PIN_HASH;
import static io.shipready.output.config.StationConfigKeys.EXTRA;
import static io.shipready.output.config.StationConfigKeys.FACTORY;
import static io.shipready.output.config.StationConfigKeys.HW_VERSION;
import static io.shipready.output.config.StationConfigKeys.MANUFACTURER;
import static io.shipready.output.config.StationConfigKeys.OUTPUT_FOLDER;
import static io.shipready.output.config.StationConfigKeys.PART_NO;
import static io.shipready.output.config.StationConfigKeys.PLACEHOLDER;
import static io.shipready.output.config.StationConfigKeys.PROGRAMMER_NAME;
import static io.shipready.output.config.StationConfigKeys.STATION_ID;
import static io.shipready.output.config.StationConfigKeys.TIME_ZONE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.shipready.output.cfx.CfxSettings;
import io.shipready.output.label.PrinterAddress;
import io.shipready.output.label.Printers;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a station configuration from a YAML or JSON file. Everything wrong with the file is
 * gathered and reported in one {@link StationConfigException}: every field still {@code CHANGE_ME},
 * empty or missing, every unknown key (with the nearest known one), every value that is not what
 * the key needs.
 *
 * <p>The syntax follows the file name ({@code .json} is JSON; {@code .yaml} and {@code .yml} are
 * YAML); any other name is read as JSON when its first character is <code>{</code>, else as YAML. A
 * UTF-8 byte order mark, as some Windows editors write, is ignored.
 */
public final class StationConfigReader {
  private static final Pattern EXTRA_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");

  private final String file;
  private final Path baseFolder;
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final boolean template;

  /**
   * Where a missing key is reported: the start of the mapping that should hold it, so that every
   * problem names a line an editor can jump to.
   */
  private ConfigNode missingIn = new ConfigNode.Scalar(null, 1, 1);

  /** The 'cfx:' key, where a key missing under it is reported. */
  private ConfigNode.Entry cfxAt;

  private StationConfigReader(String file, Path baseFolder, boolean template) {
    this.file = requireNonNull(file, "file");
    this.baseFolder = requireNonNull(baseFolder, "baseFolder");
    this.template = template;
  }

  /**
   * Reads and checks the configuration file; relative folders in it are taken from the file's
   * folder.
   *
   * @throws StationConfigException naming every problem, when the file cannot be used
   */
  public static StationConfig read(Path file) {
    return read(file, false);
  }

  /**
   * Checks a line profile's station config template: every field a station fills in may still be
   * {@value StationConfigKeys#PLACEHOLDER}; everything else (unknown keys, missing keys, values of
   * the wrong shape) is refused as a station would refuse it.
   *
   * @throws StationConfigException naming every problem
   */
  public static void checkTemplate(Path file) {
    read(file, true);
  }

  private static StationConfig read(Path file, boolean template) {
    requireNonNull(file, "file");
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file, UTF_8);
    } catch (NoSuchFileException e) {
      throw single(
          name,
          "the file does not exist",
          "copy station-config.template.yaml from the line profile to "
              + name
              + " and fill in every "
              + PLACEHOLDER);
    } catch (MalformedInputException e) {
      throw single(name, "the file is not UTF-8 text", "save it with UTF-8 encoding");
    } catch (IOException e) {
      throw single(name, "the file cannot be read: " + e, "check that it exists and can be read");
    }
    Path folder = file.toAbsolutePath().getParent();
    return parse(name, text, folder == null ? Path.of("").toAbsolutePath() : folder, template);
  }

  /**
   * Checks configuration text.
   *
   * @param sourceName how messages name the text, usually its file name; also picks the syntax
   * @param baseFolder the folder relative paths in the configuration are taken from
   * @throws StationConfigException naming every problem, when the text cannot be used
   */
  public static StationConfig parse(String sourceName, String text, Path baseFolder) {
    return parse(sourceName, text, baseFolder, false);
  }

  private static StationConfig parse(
      String sourceName, String text, Path baseFolder, boolean template) {
    requireNonNull(text, "text");
    StationConfigReader reader = new StationConfigReader(sourceName, baseFolder, template);
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    ConfigNode root;
    try {
      root =
          isJson(sourceName, body)
              ? JsonConfigSyntax.parse(body)
              : YamlConfigSyntax.parse(sourceName, body);
    } catch (ConfigSyntaxException e) {
      throw new StationConfigException(
          sourceName,
          List.of(
              new ConfigProblem(sourceName, e.line(), e.column(), "", e.getMessage(), e.fix())));
    }
    return reader.check(root);
  }

  private static boolean isJson(String sourceName, String text) {
    String lower = sourceName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      return true;
    }
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return false;
    }
    return text.stripLeading().startsWith("{");
  }

  private StationConfig check(ConfigNode root) {
    Map<String, ConfigNode.Entry> entries = new HashMap<>();
    if (root.line() > 0) {
      missingIn = root;
    }
    if (root instanceof ConfigNode.Mapping mapping) {
      entries = index(mapping, "");
      for (ConfigNode.Entry entry : mapping.entries()) {
        if (!StationConfigKeys.names().contains(entry.key())) {
          unknownKey(entry);
        }
      }
    } else if (!(root instanceof ConfigNode.Scalar scalar && scalar.isNull())) {
      add(
          root.line(),
          root.column(),
          "",
          "the file must be a mapping of keys to values",
          "write one 'key: value' line per field, as in the template");
    }

    String stationId = text(entries, STATION_ID);
    String computerName = text(entries, COMPUTER_NAME);
    String programmerName = text(entries, PROGRAMMER_NAME);
    ZoneId zone = zone(entries);
    Path outputFolder = folder(entries, OUTPUT_FOLDER);
    Path archiveFolder = folder(entries, ARCHIVE_FOLDER);
    String partNo = text(entries, PART_NO);
    String manufacturer = text(entries, MANUFACTURER);
    String factory = text(entries, FACTORY);
    String hwVersion = text(entries, HW_VERSION);
    Map<String, String> extra = extra(entries.get(EXTRA));
    String printer = printer(entries.get(StationConfigKeys.PRINTER));
    String engineerPinHash = engineerPinHash(entries.get(ENGINEER_PIN_HASH));
    CfxSettings cfx = cfx(entries.get(StationConfigKeys.CFX));

    if (outputFolder != null && outputFolder.equals(archiveFolder)) {
      ConfigNode.Entry archive = entries.get(ARCHIVE_FOLDER);
      add(
          archive.value().line(),
          archive.value().column(),
          ARCHIVE_FOLDER,
          "archiveFolder is the same folder as outputFolder (" + outputFolder + ")",
          "name a separate folder, so archive copies are never mistaken for today's files");
    }
    if (!problems.isEmpty()) {
      // Problems in file order; missing keys, which have no line, last.
      problems.sort(
          Comparator.comparingInt((ConfigProblem p) -> p.line() == 0 ? Integer.MAX_VALUE : p.line())
              .thenComparingInt(ConfigProblem::column));
      throw new StationConfigException(file, problems);
    }
    if (template) {
      return null; // its placeholders make no station's configuration
    }
    return new StationConfig(
        new StationIdentity(partNo, manufacturer, factory, stationId, hwVersion),
        computerName,
        programmerName,
        zone,
        outputFolder,
        archiveFolder,
        extra,
        printer,
        engineerPinHash,
        cfx);
  }

  /** The optional cfx section; every value checked so a typo stops the station at start. */
  private CfxSettings cfx(ConfigNode.Entry entry) {
    if (entry == null) {
      return null;
    }
    String section = StationConfigKeys.CFX;
    if (!(entry.value() instanceof ConfigNode.Mapping mapping)) {
      add(
          entry.value().line(),
          entry.value().column(),
          section,
          "cfx must be a mapping of handle, amqp, address, mqtt and topic",
          "indent 'handle: ...' and a broker ('amqp: ...' with 'address: ...', or 'mqtt: ...')"
              + " under 'cfx:', or remove the section");
      return null;
    }
    Map<String, ConfigNode.Entry> keys = index(mapping, section + ".");
    cfxAt = entry;
    List<String> known =
        StationConfigKeys.CFX_KEYS.stream().map(StationConfigKeys.Key::name).toList();
    for (ConfigNode.Entry key : mapping.entries()) {
      if (!known.contains(key.key())) {
        String fix =
            NearestName.of(key.key(), known).map(name -> "did you mean '" + name + "'? ").orElse("")
                + "keys under cfx: "
                + String.join(", ", known);
        add(
            key.line(),
            key.column(),
            section + "." + key.key(),
            "unknown key '" + key.key() + "' under cfx",
            fix);
      }
    }
    String handle = cfxValue(keys, StationConfigKeys.CFX_HANDLE, true);
    URI amqp = cfxBroker(keys, StationConfigKeys.CFX_AMQP, List.of("amqp", "amqps"));
    URI mqtt = cfxBroker(keys, StationConfigKeys.CFX_MQTT, List.of("tcp", "ssl"));
    String address = cfxValue(keys, StationConfigKeys.CFX_ADDRESS, amqp != null);
    String topic = cfxValue(keys, StationConfigKeys.CFX_TOPIC, false);
    if (!keys.containsKey(StationConfigKeys.CFX_AMQP)
        && !keys.containsKey(StationConfigKeys.CFX_MQTT)) {
      add(
          entry.line(),
          entry.column(),
          section,
          "cfx names no broker",
          "add 'amqp: amqp://user@host:5672' with 'address: ...', and/or 'mqtt: tcp://host:1883'");
    }
    if (handle == null || (amqp == null && mqtt == null) || (amqp != null && address == null)) {
      return null;
    }
    return new CfxSettings(handle, amqp, address, mqtt, topic);
  }

  /** A value under cfx; null (after reporting, when required) when it cannot be used. */
  private String cfxValue(Map<String, ConfigNode.Entry> keys, String key, boolean required) {
    String field = StationConfigKeys.CFX + "." + key;
    String whatToWrite =
        StationConfigKeys.CFX_KEYS.stream()
            .filter(k -> k.name().equals(key))
            .findFirst()
            .orElseThrow()
            .whatToWrite();
    ConfigNode.Entry entry = keys.get(key);
    if (entry == null) {
      if (required) {
        add(
            cfxAt.line(),
            cfxAt.column(),
            field,
            field + " is missing",
            "add '" + key + ": ...' under cfx: " + whatToWrite);
      }
      return null;
    }
    if (!(entry.value() instanceof ConfigNode.Scalar scalar)
        || scalar.isNull()
        || scalar.text().isBlank()) {
      add(
          entry.line(),
          entry.column(),
          field,
          field + " must be a single value",
          "write " + whatToWrite);
      return null;
    }
    // Also inside a value: tcp://CHANGE_ME:1883 is a template's broker, not a host to try.
    if (scalar.text().toUpperCase(Locale.ROOT).contains(PLACEHOLDER)) {
      add(
          scalar.line(),
          scalar.column(),
          field,
          field + " is still " + PLACEHOLDER,
          "replace it with " + whatToWrite);
      return null;
    }
    return scalar.text().strip();
  }

  private URI cfxBroker(Map<String, ConfigNode.Entry> keys, String key, List<String> schemes) {
    String text = cfxValue(keys, key, false);
    if (text == null) {
      return null;
    }
    String field = StationConfigKeys.CFX + "." + key;
    ConfigNode value = keys.get(key).value();
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      uri = null;
    }
    if (uri == null
        || uri.getScheme() == null
        || !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
        || uri.getHost() == null) {
      add(
          value.line(),
          value.column(),
          field,
          field + " '" + text + "' is not a broker address",
          "write " + String.join(" or ", schemes.stream().map(s -> s + "://host:port").toList()));
      return null;
    }
    if (uri.getUserInfo() != null && uri.getUserInfo().contains(":")) {
      String variable =
          key.equals(StationConfigKeys.CFX_AMQP)
              ? CfxSettings.AMQP_PASSWORD_ENV
              : CfxSettings.MQTT_PASSWORD_ENV;
      add(
          value.line(),
          value.column(),
          field,
          field + " carries a password, and a configuration file must not",
          "write the user only ("
              + uri.getScheme()
              + "://user@"
              + uri.getHost()
              + "...) and set "
              + variable
              + " in the station's environment");
      return null;
    }
    return uri;
  }

  /** The optional printer: checked here so a typo stops the station before its first label. */
  private String printer(ConfigNode.Entry entry) {
    if (entry == null) {
      return "";
    }
    String value =
        entry.value() instanceof ConfigNode.Scalar scalar && !scalar.isNull() ? scalar.text() : "";
    String problem = PrinterAddress.problem(value);
    if (problem != null) {
      add(
          entry.value().line(),
          entry.value().column(),
          StationConfigKeys.PRINTER,
          problem,
          "write " + Printers.hints());
    }
    return value.strip();
  }

  /** The optional engineer PIN hash; never echoes the value in a message. */
  private String engineerPinHash(ConfigNode.Entry entry) {
    if (entry == null) {
      return "";
    }
    String fix =
        "write the line that 'shipready station --hash-pin' prints, or remove the key and set"
            + " SHIPREADY_ENGINEER_PIN in the station's environment";
    if (!(entry.value() instanceof ConfigNode.Scalar scalar) || scalar.isNull()) {
      add(
          entry.line(),
          entry.column(),
          ENGINEER_PIN_HASH,
          ENGINEER_PIN_HASH + " must be a single value",
          fix);
      return "";
    }
    if (!EngineerPin.isWellFormed(scalar.text())) {
      add(
          scalar.line(),
          scalar.column(),
          ENGINEER_PIN_HASH,
          ENGINEER_PIN_HASH + " is not a PIN hash (a PIN itself must never be written here)",
          fix);
      return "";
    }
    return scalar.text().strip();
  }

  /** The mapping's entries by key; a key written twice is reported and the first one kept. */
  private Map<String, ConfigNode.Entry> index(ConfigNode.Mapping mapping, String prefix) {
    Map<String, ConfigNode.Entry> entries = new LinkedHashMap<>();
    for (ConfigNode.Entry entry : mapping.entries()) {
      ConfigNode.Entry first = entries.putIfAbsent(entry.key(), entry);
      if (first != null) {
        add(
            entry.line(),
            entry.column(),
            prefix + entry.key(),
            "'" + prefix + entry.key() + "' is written twice",
            "keep one of them; the other is on line " + first.line());
      }
    }
    return entries;
  }

  private void unknownKey(ConfigNode.Entry entry) {
    List<String> known = StationConfigKeys.names();
    String fix =
        NearestName.of(entry.key(), known).map(name -> "did you mean '" + name + "'? ").orElse("")
            + "known keys: "
            + String.join(", ", known);
    add(entry.line(), entry.column(), entry.key(), "unknown key '" + entry.key() + "'", fix);
  }

  /** The text of a required single-value key, or null after reporting why there is none. */
  private String text(Map<String, ConfigNode.Entry> entries, String key) {
    String whatToWrite = StationConfigKeys.key(key).orElseThrow().whatToWrite();
    ConfigNode.Entry entry = entries.get(key);
    if (entry == null) {
      add(
          missingIn.line(),
          missingIn.column(),
          key,
          key + " is missing",
          "add a line '" + key + ": ...' with " + whatToWrite);
      return null;
    }
    ConfigNode value = entry.value();
    if (!(value instanceof ConfigNode.Scalar scalar)) {
      add(
          value.line(),
          value.column(),
          key,
          key
              + " must be a single value, not a "
              + (value instanceof ConfigNode.Sequence ? "list" : "mapping"),
          "write it on one line: " + whatToWrite);
      return null;
    }
    if (scalar.isNull() || scalar.text().isBlank()) {
      add(entry.line(), entry.column(), key, key + " is empty", "write " + whatToWrite);
      return null;
    }
    if (StationConfigKeys.isPlaceholder(scalar.text())) {
      placeholder(
          scalar.line(),
          scalar.column(),
          key,
          key + " is still " + PLACEHOLDER,
          "replace it with " + whatToWrite);
      return null;
    }
    return scalar.text().strip();
  }

  private ZoneId zone(Map<String, ConfigNode.Entry> entries) {
    String text = text(entries, TIME_ZONE);
    if (text == null) {
      return null;
    }
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      ConfigNode value = entries.get(TIME_ZONE).value();
      add(
          value.line(),
          value.column(),
          TIME_ZONE,
          "timeZone '" + text + "' is not a time zone",
          "write " + StationConfigKeys.key(TIME_ZONE).orElseThrow().whatToWrite());
      return null;
    }
  }

  private Path folder(Map<String, ConfigNode.Entry> entries, String key) {
    String text = text(entries, key);
    if (text == null) {
      return null;
    }
    try {
      return baseFolder.resolve(Path.of(text)).normalize();
    } catch (InvalidPathException e) {
      ConfigNode value = entries.get(key).value();
      add(
          value.line(),
          value.column(),
          key,
          key + " '" + text + "' is not a folder path on this computer: " + e.getReason(),
          "write " + StationConfigKeys.key(key).orElseThrow().whatToWrite());
      return null;
    }
  }

  private Map<String, String> extra(ConfigNode.Entry entry) {
    Map<String, String> extra = new LinkedHashMap<>();
    if (entry == null) {
      return extra;
    }
    ConfigNode value = entry.value();
    if (value instanceof ConfigNode.Scalar scalar && scalar.isNull()) {
      return extra;
    }
    if (!(value instanceof ConfigNode.Mapping mapping)) {
      add(
          value.line(),
          value.column(),
          EXTRA,
          "extra must be a mapping of field names to values",
          "write one 'name: value' line per field, indented under 'extra:'");
      return extra;
    }
    for (ConfigNode.Entry field : index(mapping, EXTRA + ".").values()) {
      String name = EXTRA + "." + field.key();
      if (!EXTRA_NAME.matcher(field.key()).matches()) {
        add(
            field.line(),
            field.column(),
            name,
            "extra field name '" + field.key() + "' is not a plain name",
            "start with a letter and use only letters, digits, '_', '.' and '-'");
        continue;
      }
      if (!(field.value() instanceof ConfigNode.Scalar scalar)) {
        add(
            field.value().line(),
            field.value().column(),
            name,
            name + " must be a single value",
            "write it on one line after the colon");
        continue;
      }
      if (StationConfigKeys.isPlaceholder(scalar.text())) {
        placeholder(
            scalar.line(),
            scalar.column(),
            name,
            name + " is still " + PLACEHOLDER,
            "replace it with the value this station should record, or remove the line");
        continue;
      }
      extra.put(field.key(), scalar.isNull() ? "" : scalar.text());
    }
    return extra;
  }

  /** A field still to be filled in: wrong in a station's file, expected in a template. */
  private void placeholder(int line, int column, String field, String message, String fix) {
    if (!template) {
      add(line, column, field, message, fix);
    }
  }

  private void add(int line, int column, String field, String message, String fix) {
    problems.add(new ConfigProblem(file, line, column, field, message, fix));
  }

  private static StationConfigException single(String file, String message, String fix) {
    return new StationConfigException(
        file, List.of(new ConfigProblem(file, 0, 0, "", message, fix)));
  }
}
