package io.shipready.output.config;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every key of a station configuration file, what it means and what to write there. The template
 * ({@code station-config.template.yaml}) ships each required key set to {@link #PLACEHOLDER}.
 *
 * <p>Keys are spelt in camelCase, as Afero's own station configuration spells {@code partNo}. Every
 * key is required; {@link #EXTRA}, {@link #PRINTER}, {@link #ENGINEER_PIN_HASH} and {@link #CFX}
 * may be left out.
 */
public final class StationConfigKeys {
  /** The value a template ships with for every field the factory must fill in. */
  public static final String PLACEHOLDER = "CHANGE_ME";

  public static final String STATION_ID = "stationId";
  public static final String COMPUTER_NAME = "computerName";
  public static final String PROGRAMMER_NAME = "programmerName";
  public static final String TIME_ZONE = "timeZone";
  public static final String OUTPUT_FOLDER = "outputFolder";
  public static final String ARCHIVE_FOLDER = "archiveFolder";
  public static final String PART_NO = "partNo";
  public static final String MANUFACTURER = "manufacturer";
  public static final String FACTORY = "factory";
  public static final String HW_VERSION = "hwVersion";

  /**
   * Optional: the hash of the engineer PIN or password ({@code shipready station --hash-pin} makes
   * it). The environment variable {@code SHIPREADY_ENGINEER_PIN} takes its place when set.
   */
  public static final String ENGINEER_PIN_HASH = "engineerPinHash";

  /** A mapping of free fields (name: value) that a line profile may put in its records. */
  public static final String EXTRA = "extra";

  /** Optional: where labels go (tcp://host[:port], lp:queue, folder:path). */
  public static final String PRINTER = "printer";

  /**
   * Optional: publish IPC-CFX messages. A mapping of {@link #CFX_HANDLE} (required) and at least
   * one broker: {@link #CFX_AMQP} with {@link #CFX_ADDRESS}, and/or {@link #CFX_MQTT} with {@link
   * #CFX_TOPIC} (default {@code cfx/<handle>}).
   */
  public static final String CFX = "cfx";

  public static final String CFX_HANDLE = "handle";
  public static final String CFX_AMQP = "amqp";
  public static final String CFX_ADDRESS = "address";
  public static final String CFX_MQTT = "mqtt";
  public static final String CFX_TOPIC = "topic";

  /** The keys of the {@link #CFX} section, with what to write there. */
  public static final List<Key> CFX_KEYS =
      List.of(
          new Key(
              CFX_HANDLE,
              "this station's CFX handle, the Source of its messages, e.g. acme.shenzhen2.prog-01"),
          new Key(
              CFX_AMQP,
              "the AMQP 1.0 broker as amqp://user@host:5672 (the password comes from"
                  + " SHIPREADY_CFX_AMQP_PASSWORD)"),
          new Key(
              CFX_ADDRESS,
              "the AMQP target address, e.g. /exchange/amq.topic/cfx (RabbitMQ) or a queue name"),
          new Key(
              CFX_MQTT,
              "the MQTT broker as tcp://host:1883 or tcp://user@host:1883 (the password comes from"
                  + " SHIPREADY_CFX_MQTT_PASSWORD)"),
          new Key(CFX_TOPIC, "the MQTT topic, e.g. cfx/acme.shenzhen2.prog-01"));

  /** A key that takes one value, and what a person should write there. */
  public record Key(String name, String whatToWrite) {}

  /** The keys that take one value, in the order the template lists them. */
  public static final List<Key> REQUIRED =
      List.of(
          new Key(
              STATION_ID,
              "the name the factory gives this station, e.g. PROG-01; it is in every record"),
          new Key(
              COMPUTER_NAME,
              "the name of this PC, any text (e.g. the Windows computer name); factory file names"
                  + " carry it"),
          new Key(
              PROGRAMMER_NAME,
              "the name of the vendor's programmer package for this product (Afero:"
                  + " ProgrammerName, e.g. acme-plug); factory file names carry it"),
          new Key(
              TIME_ZONE,
              "the station's time zone as an IANA name, e.g. Asia/Shanghai or"
                  + " America/Los_Angeles; it decides which day's file a row goes to"),
          new Key(
              OUTPUT_FOLDER,
              "the folder factory files are written to during the day, e.g. C:/shipready/output"
                  + " (a relative path is taken from the configuration file's folder)"),
          new Key(
              ARCHIVE_FOLDER,
              "the folder where copies of uploaded files are kept at the factory, e.g."
                  + " D:/shipready/archive; not the output folder"),
          new Key(PART_NO, "the product's part number, e.g. 100-0012-01; it is in every record"),
          new Key(
              MANUFACTURER,
              "the manufacturer's company name, e.g. Acme Electronics; it is in every record"),
          new Key(
              FACTORY, "the factory's name or site code, e.g. Shenzhen-2; it is in every record"),
          new Key(HW_VERSION, "the board's hardware version, e.g. 1.2; it is in every record"));

  private StationConfigKeys() {}

  /** Every key a configuration file may have. */
  public static List<String> names() {
    return Stream.concat(
            REQUIRED.stream().map(Key::name), Stream.of(EXTRA, PRINTER, ENGINEER_PIN_HASH, CFX))
        .toList();
  }

  public static Optional<Key> key(String name) {
    return REQUIRED.stream().filter(key -> key.name().equals(name)).findFirst();
  }

  /** True for a value left as the template shipped it. */
  public static boolean isPlaceholder(String value) {
    return value != null && value.strip().equalsIgnoreCase(PLACEHOLDER);
  }
}
