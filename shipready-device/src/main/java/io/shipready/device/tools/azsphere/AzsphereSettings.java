package io.shipready.device.tools.azsphere;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How the station talks to Azure Sphere chips: which command line ({@link Cli}), which output
 * layout it asks for ({@link Layout}), and time limits. Recovery defaults to 15 minutes, the limit
 * the vendor's parallel-recovery sample gives each device; sideloading to 5 minutes; anything else
 * to 1 minute.
 */
public record AzsphereSettings(
    Duration command, Duration sideload, Duration recover, Cli cli, Layout layout) {
  public static final AzsphereSettings DEFAULTS =
      new AzsphereSettings(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15));

  /**
   * The two command lines with the same device commands: the legacy {@code azsphere} (retired on
   * 2027-09-27) and the Azure CLI's {@code az sphere} extension, which replaces it.
   */
  public enum Cli {
    AZSPHERE("azsphere", List.of()),
    AZ("az", List.of("sphere"));

    private final String tool;
    private final List<String> prefix;

    Cli(String tool, List<String> prefix) {
      this.tool = tool;
      this.prefix = prefix;
    }

    /** The executable, as {@link io.shipready.device.tools.ToolLocator} knows it. */
    public String tool() {
      return tool;
    }

    /** What comes before {@code device ...}: nothing, or {@code sphere}. */
    public List<String> prefix() {
      return prefix;
    }

    /** The slot setting's value: {@code azsphere} or {@code az}. */
    public String setting() {
      return tool;
    }

    public static Cli parse(String value) {
      for (Cli cli : values()) {
        if (cli.setting().equals(value.strip().toLowerCase(Locale.ROOT))) {
          return cli;
        }
      }
      throw new IllegalArgumentException(
          "'" + value + "' is not a command line for Azure Sphere; use azsphere or az");
    }
  }

  /**
   * The output the driver asks for. JSON where the tool offers it (every current release); the
   * table layout for a station that must keep what its operators read; classic for releases older
   * than the {@code --output} option, which print {@code --> Key: value} blocks and are asked for
   * no layout. Whatever was asked, the driver reads any of the three.
   */
  public enum Layout {
    JSON(List.of("--output", "json")),
    TABLE(List.of("--output", "table")),
    CLASSIC(List.of());

    private final List<String> arguments;

    Layout(List<String> arguments) {
      this.arguments = arguments;
    }

    List<String> arguments() {
      return arguments;
    }

    public static Layout parse(String value) {
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        throw new IllegalArgumentException(
            "'" + value + "' is not an output layout; use json, table or classic", unknown);
      }
    }
  }

  public AzsphereSettings {
    requireNonNull(command, "command");
    requireNonNull(sideload, "sideload");
    requireNonNull(recover, "recover");
    requireNonNull(cli, "cli");
    requireNonNull(layout, "layout");
  }

  /** The legacy azsphere command line, read as JSON. */
  public AzsphereSettings(Duration command, Duration sideload, Duration recover) {
    this(command, sideload, recover, Cli.AZSPHERE, Layout.JSON);
  }

  public AzsphereSettings withCli(Cli cli) {
    return new AzsphereSettings(command, sideload, recover, cli, layout);
  }

  public AzsphereSettings withLayout(Layout layout) {
    return new AzsphereSettings(command, sideload, recover, cli, layout);
  }
}
