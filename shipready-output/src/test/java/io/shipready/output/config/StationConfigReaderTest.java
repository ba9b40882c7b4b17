package io.shipready.output.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationConfigReaderTest {
  private static final String FILLED =
      """
      stationId: PROG-01
      computerName: "Linie 3 – Prüfplatz"
      programmerName: acme-plug
      timeZone: Asia/Shanghai
      outputFolder: output
      archiveFolder: /srv/archive
      partNo: 100-0012-01
      manufacturer: "Acme Electronics, Ltd."
      factory: Shenzhen-2
      hwVersion: 1.10
      extra:
        line: A
        shift: night
      """;

  @TempDir Path folder;

  @Test
  void readsAFilledInYamlFile() throws IOException {
    Path file = write("station.yaml", FILLED);
    StationConfig config = StationConfigReader.read(file);

    assertThat(config.identity())
        .isEqualTo(
            new StationIdentity(
                "100-0012-01", "Acme Electronics, Ltd.", "Shenzhen-2", "PROG-01", "1.10"));
    assertThat(config.stationId()).isEqualTo("PROG-01");
    assertThat(config.computerName()).isEqualTo("Linie 3 – Prüfplatz");
    assertThat(config.programmerName()).isEqualTo("acme-plug");
    assertThat(config.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(config.outputFolder()).isEqualTo(folder.resolve("output"));
    assertThat(config.archiveFolder()).isEqualTo(Path.of("/srv/archive"));
    assertThat(config.extra()).containsExactly(Map.entry("line", "A"), Map.entry("shift", "night"));
  }

  @Test
  void readsTheSameFromJson() throws IOException {
    Path file =
        write(
            "station.json",
            """
            {
              "stationId": "PROG-01",
              "computerName": "生产线 工位3",
              "programmerName": "acme-plug",
              "timeZone": "Asia/Shanghai",
              "outputFolder": "output",
              "archiveFolder": "archive",
              "partNo": "100-0012-01",
              "manufacturer": "Acme",
              "factory": "Shenzhen-2",
              "hwVersion": 1.10,
              "extra": {"line": "A"}
            }
            """);
    StationConfig config = StationConfigReader.read(file);
    assertThat(config.computerName()).isEqualTo("生产线 工位3");
    assertThat(config.identity().hwVersion()).isEqualTo("1.10");
    assertThat(config.archiveFolder()).isEqualTo(folder.resolve("archive"));
    assertThat(config.extra()).containsExactly(Map.entry("line", "A"));
  }

  @Test
  void refusesTheTemplateListingEveryFieldToFillInWithItsLine() throws IOException {
    String template = template();
    Path file = write("station-config.yaml", template);

    StationConfigException e =
        (StationConfigException) catchRefusal(() -> StationConfigReader.read(file));

    List<String> expected = new ArrayList<>();
    String[] lines = template.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (!line.startsWith("#") && line.contains(": CHANGE_ME")) {
        String key = line.strip().substring(0, line.strip().indexOf(':'));
        String field = line.startsWith(" ") ? "extra." + key : key;
        expected.add(field + "@" + (i + 1) + ":" + (line.indexOf("CHANGE_ME") + 1));
      }
    }
    assertThat(expected)
        .containsExactly(
            "stationId@8:12",
            "computerName@12:15",
            "programmerName@16:17",
            "timeZone@20:11",
            "outputFolder@24:15",
            "archiveFolder@25:16",
            "partNo@28:9",
            "manufacturer@29:15",
            "factory@30:10",
            "hwVersion@31:12",
            "extra.line@36:9");
    assertThat(e.problems())
        .extracting(p -> p.field() + "@" + p.line() + ":" + p.column())
        .containsExactlyElementsOf(expected);
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file.toString()));
    assertThat(e.getMessage())
        .startsWith(
            "Station configuration " + file + " cannot be used until 11 things in it are fixed:")
        .contains(
            file
                + ":8:12: stationId is still CHANGE_ME -> replace it with the name the factory gives this station")
        .contains(
            file
                + ":20:11: timeZone is still CHANGE_ME -> replace it with the station's time zone as an IANA name")
        .contains(file + ":31:12: hwVersion is still CHANGE_ME")
        .contains(file + ":36:9: extra.line is still CHANGE_ME")
        .endsWith("Edit the file and start the station again.");
  }

  @Test
  void refusesEmptyAndMissingFieldsInTheSameMessage() {
    String text =
        FILLED
            .replace("factory: Shenzhen-2", "factory: \"\"")
            .replace("partNo: 100-0012-01", "partNo:")
            .replace("hwVersion: 1.10\n", "")
            .replace("stationId: PROG-01", "stationId: change_me");
    assertThatThrownBy(() -> StationConfigReader.parse("s.yaml", text, folder))
        .isInstanceOfSatisfying(
            StationConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::toString)
                    .containsExactly(
                        "s.yaml:1:1: hwVersion is missing -> add a line 'hwVersion: ...' with the"
                            + " board's hardware version, e.g. 1.2; it is in every record",
                        "s.yaml:1:12: stationId is still CHANGE_ME -> replace it with the name the"
                            + " factory gives this station, e.g. PROG-01; it is in every record",
                        "s.yaml:7:1: partNo is empty -> write the product's part number, e.g."
                            + " 100-0012-01; it is in every record",
                        "s.yaml:9:1: factory is empty -> write the factory's name or site code,"
                            + " e.g. Shenzhen-2; it is in every record"));
  }

  @Test
  void refusesUnknownKeysNamingTheNearestKnownOne() {
    String text =
        FILLED.replace("hwVersion:", "hw_version:").replace("timeZone:", "timezone:")
            + "colour: red\n";
    StationConfigException e =
        (StationConfigException)
            catchRefusal(() -> StationConfigReader.parse("s.yaml", text, folder));
    assertThat(e.problems())
        .extracting(ConfigProblem::toString)
        .contains(
            "s.yaml:4:1: unknown key 'timezone' -> did you mean 'timeZone'? known keys: stationId,"
                + " computerName, programmerName, timeZone, outputFolder, archiveFolder, partNo,"
                + " manufacturer, factory, hwVersion, extra, printer, engineerPinHash, cfx",
            "s.yaml:14:1: unknown key 'colour' -> known keys: stationId, computerName,"
                + " programmerName, timeZone, outputFolder, archiveFolder, partNo, manufacturer,"
                + " factory, hwVersion, extra, printer, engineerPinHash, cfx");
    assertThat(e.getMessage())
        .contains("s.yaml:10:1: unknown key 'hw_version' -> did you mean 'hwVersion'?")
        // The misspelt keys' values count as not given.
        .contains("timeZone is missing")
        .contains("hwVersion is missing");
  }

  @Test
  void refusesChangeMeInJsonWithItsLine() {
    String json =
        """
        {
          "stationId": "CHANGE_ME",
          "computerName": "PC",
          "programmerName": "p",
          "timeZone": "UTC",
          "outputFolder": "out",
          "archiveFolder": "arch",
          "partNo": "1",
          "manufacturer": "CHANGE_ME",
          "factory": "f",
          "hwVersion": "1",
          "hwVersoin": "1"
        }
        """;
    StationConfigException e =
        (StationConfigException)
            catchRefusal(() -> StationConfigReader.parse("s.json", json, folder));
    assertThat(e.problems())
        .extracting(ConfigProblem::location, ConfigProblem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("s.json:2:16", "stationId"),
            org.assertj.core.groups.Tuple.tuple("s.json:9:19", "manufacturer"),
            org.assertj.core.groups.Tuple.tuple("s.json:12:3", "hwVersoin"));
    assertThat(e.problems().get(2).fix()).startsWith("did you mean 'hwVersion'?");
  }

  @Test
  void refusesValuesThatAreNotWhatTheKeyNeeds() {
    String text =
        FILLED
            .replace("timeZone: Asia/Shanghai", "timeZone: China/Shenzhen")
            .replace("archiveFolder: /srv/archive", "archiveFolder: ./output/")
            .replace("factory: Shenzhen-2", "factory: [a, b]")
            .replace("  line: A", "  line: CHANGE_ME\n  2nd: x\n  deep: {a: 1}");
    StationConfigException e =
        (StationConfigException)
            catchRefusal(() -> StationConfigReader.parse("s.yaml", text, folder));
    assertThat(e.problems())
        .extracting(ConfigProblem::toString)
        .containsExactly(
            "s.yaml:4:11: timeZone 'China/Shenzhen' is not a time zone -> write the station's time"
                + " zone as an IANA name, e.g. Asia/Shanghai or America/Los_Angeles; it decides"
                + " which day's file a row goes to",
            "s.yaml:6:16: archiveFolder is the same folder as outputFolder ("
                + folder.resolve("output")
                + ") -> name a separate folder, so archive copies are never mistaken for today's"
                + " files",
            "s.yaml:9:10: factory must be a single value, not a list -> write it on one line: the"
                + " factory's name or site code, e.g. Shenzhen-2; it is in every record",
            "s.yaml:12:9: extra.line is still CHANGE_ME -> replace it with the value this station"
                + " should record, or remove the line",
            "s.yaml:13:3: extra field name '2nd' is not a plain name -> start with a letter and use"
                + " only letters, digits, '_', '.' and '-'",
            "s.yaml:14:9: extra.deep must be a single value -> write it on one line after the colon");
  }

  @Test
  void refusesAKeyWrittenTwice() {
    String text = FILLED + "partNo: 100-0012-02\n";
    assertThatThrownBy(() -> StationConfigReader.parse("s.yaml", text, folder))
        .hasMessageContaining(
            "s.yaml:14:1: 'partNo' is written twice -> keep one of them; the other is on line 7");
  }

  @Test
  void namesTheLineOfASyntaxError() {
    assertThatThrownBy(
            () -> StationConfigReader.parse("s.yaml", "stationId: a\n  bad: [\n", folder))
        .isInstanceOf(StationConfigException.class)
        .hasMessageContaining("s.yaml:2:")
        .hasMessageContaining("YAML syntax error");
    assertThatThrownBy(
            () -> StationConfigReader.parse("s.json", "{\n \"stationId\": \"a\",\n}\n", folder))
        .hasMessageContaining("s.json:3:1: this is not valid JSON");
  }

  @Test
  void anEmptyFileListsEveryFieldAsMissing() {
    StationConfigException e =
        (StationConfigException)
            catchRefusal(() -> StationConfigReader.parse("s.yaml", "# nothing yet\n", folder));
    assertThat(e.problems())
        .extracting(ConfigProblem::field)
        .containsExactlyElementsOf(
            StationConfigKeys.REQUIRED.stream().map(StationConfigKeys.Key::name).toList());
  }

  @Test
  void saysWhatToDoWhenTheFileIsMissing() {
    Path file = folder.resolve("station.yaml");
    assertThatThrownBy(() -> StationConfigReader.read(file))
        .isInstanceOf(StationConfigException.class)
        .hasMessageContaining("the file does not exist -> copy station-config.template.yaml");
  }

  @Test
  void ignoresAByteOrderMark() throws IOException {
    Path file = write("station.cfg", "\uFEFF" + FILLED);
    assertThat(StationConfigReader.read(file).stationId()).isEqualTo("PROG-01");
  }

  @Test
  void aPrinterIsCheckedBeforeTheFirstLabel() {
    StationConfigException e =
        (StationConfigException)
            catchRefusal(
                () ->
                    StationConfigReader.parse("s.yaml", FILLED + "printer: ftp://zebra\n", folder));
    assertThat(e.problems())
        .extracting(ConfigProblem::toString)
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("s.yaml:14:")
                    .contains(
                        "printer 'ftp://zebra' is not tcp://host[:port], lp:queue or folder:path"));
    assertThat(
            StationConfigReader.parse("s.yaml", FILLED + "printer: tcp://10.0.4.21:9100\n", folder)
                .printer())
        .isEqualTo("tcp://10.0.4.21:9100");
    assertThat(StationConfigReader.parse("s.yaml", FILLED, folder).printer()).isEmpty();
  }

  @Test
  void theLineProfileShipsTheSameTemplate() throws IOException {
    Path shipped = Path.of("..", "lines", "afero-asr", "station-config.template.yaml");
    assertThat(Files.readString(shipped, UTF_8)).isEqualTo(template());
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(folder.resolve(name), text, UTF_8);
  }

  private static String template() throws IOException {
    try (InputStream in =
        StationConfigReaderTest.class.getResourceAsStream("station-config.template.yaml")) {
      assertThat(in).as("template on the test class path").isNotNull();
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  private static Throwable catchRefusal(ThrowingCallable read) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(read);
    assertThat(thrown).isInstanceOf(StationConfigException.class);
    return thrown;
  }
}
