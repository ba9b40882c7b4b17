package io.shipready.app.standins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.app.Main;
import io.shipready.app.cli.DemoCommand;
import io.shipready.core.model.Secrets;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Particle cellular line's programming station run with {@code shipready run --slots-file} on
 * stand-in units: the Particle CLI stand-in on each slot, each unit's serial console served by
 * {@code standin-console --firmware particle}, and a bench supply and RF tester at each slot served
 * by {@code standin-scpi}. The operator's scans come on standard input, each the answer to the slot
 * that asked. Three units pass; one carries a planted short (overcurrent) and fails where the
 * fixture measures its idle current; one fails its first flash. Two wait for the cloud: one reaches
 * it after a delay and passes, one never does and fails when the budget runs out. The recipe is the
 * line's own with the 20-minute budget cut to seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticleLineOnStandInsTest {
  private static final Path LINE = Path.of("..", "lines", "particle-cellular");
  private static final Path STANDINS = Path.of("..", "shipready-device", "src", "test", "standins");
  private static final String STATION = "programming";
  private static final String PRODUCTION_SHA256 =
      "244a665f3af707339801342121cb950c9de2ecf4064dfbbea0be2a4553512a83";
  private static final int GOOD_UNITS = 3;
  private static final String SHORTED = "4";
  private static final String FLASH_FAILS = "5";
  private static final String SLOW_CLOUD = "6";
  private static final String NO_CLOUD = "7";
  private static final int UNITS = 7;
  private static final String BUDGET = "6s";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Process> servers = new ArrayList<>();
  private Path dir;
  private Path state;
  private Map<String, String> environment;
  private Path db;
  private String out;
  private int exitCode;

  @BeforeAll
  void runTheStation(@TempDir Path temp) throws Exception {
    Optional<Path> python = python3();
    assumeTrue(
        python.isPresent(),
        "python3 was not found on the PATH: the stand-in vendor tools"
            + " (shipready-device/src/test/standins) are Python 3 scripts; install python3 to run"
            + " the Particle line on stand-ins");
    dir = temp;
    state = Files.createDirectories(temp.resolve("standin-state"));
    environment =
        Map.of(
            "SHIPREADY_STANDIN_STATE",
            state.toString(),
            "PATH",
            python.get().getParent()
                + File.pathSeparator
                + System.getenv().getOrDefault("PATH", ""));
    db = temp.resolve("line.db");

    Map<String, Map<String, String>> answers = new LinkedHashMap<>();
    StringBuilder slots = new StringBuilder();
    for (int n = 1; n <= UNITS; n++) {
      String slot = Integer.toString(n);
      String port = port(slot);
      standinDevice("create", "--family", "particle", "--id", port, "--platform", "Tracker");
      String console = startServer("standin-console", port, "--firmware", "particle");
      String supply = startServer("standin-scpi", port);
      slots.append(
          String.format(
              Locale.ROOT,
              "  - {slot: \"%s\", driver: particle, port: %s, console: \"tcp:%s\",%n"
                  + "     fixture: {driver: scpi, address: \"%s\","
                  + " queries: {\"rssi:cellular\": \"FETC:RSSI?\","
                  + " battery_voltage: \"MEAS:VOLT? (@2)\"}}}%n",
              slot,
              port,
              console,
              supply));
      answers.put(
          slot,
          Map.of(
              "serial", serial(slot) + " MOBILESECRET00" + slot,
              "component:PCB", "PCB-0000000" + slot,
              "component:J1", "ANT-0000000" + slot,
              "component:BT1", "BAT-0000000" + slot));
    }
    standinDevice("fault", port(SHORTED), "overcurrent");
    standinDevice("fault", port(FLASH_FAILS), "flash-fails");
    standinDevice("fault", port(SLOW_CLOUD), "slow-cloud", "--seconds", "2");
    standinDevice("fault", port(NO_CLOUD), "no-cloud");
    Path line = copyOfTheLine(temp.resolve("line"));

    Path slotMap = temp.resolve("slots.yaml");
    Files.writeString(
        slotMap,
        "tools: {particle: "
            + STANDINS.resolve("particle").toAbsolutePath()
            + "}\n"
            + "environment: {SHIPREADY_STANDIN_STATE: "
            + state
            + ", PATH: \""
            + environment.get("PATH")
            + "\"}\n"
            + "slots:\n"
            + slots);
    Path config = DemoCommand.filledConfig(LINE, temp, STATION);

    Operator operator = new Operator(answers);
    InputStream stdin = System.in;
    System.setIn(operator.scans());
    try {
      var commandLine = Main.commandLine();
      StringWriter err = new StringWriter();
      commandLine.setOut(new PrintWriter(operator, true));
      commandLine.setErr(new PrintWriter(err, true));
      exitCode =
          commandLine.execute(
              "run",
              "--recipe",
              line.resolve("programming.yaml").toString(),
              "--slots-file",
              slotMap.toString(),
              "--config",
              config.toString(),
              "--db",
              db.toString(),
              "--lines");
      out = operator.printed() + err;
    } finally {
      System.setIn(stdin);
    }
  }

  /** The line profile with the cloud budget cut from 20 minutes to seconds, polled every second. */
  private static Path copyOfTheLine(Path copy) throws IOException {
    try (Stream<Path> files = Files.walk(LINE)) {
      for (Path file : files.toList()) {
        Path target = copy.resolve(LINE.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    Path recipe = copy.resolve("programming.yaml");
    String text = Files.readString(recipe);
    assertThat(text).contains("budget: 20m").contains("poll: 30s");
    Files.writeString(
        recipe, text.replace("budget: 20m", "budget: " + BUDGET).replace("poll: 30s", "poll: 1s"));
    return copy;
  }

  @AfterAll
  void stopTheServers() {
    for (Process server : servers) {
      server.destroy();
    }
  }

  @Test
  void threeUnitsPassAndEachFaultyOneFailsAtTheStepThatCatchesIt() {
    assertThat(exitCode).as(out).isZero();
    assertThat(out).contains("7 units on 7 slots").contains("PASS 4   FAIL 3   ERROR 0");
    assertThat(out)
        .containsPattern("\\[slot " + SHORTED + "\\]   idle_current = 250 mA \\[x <= 60\\]")
        .contains("[slot " + SHORTED + "] power FAIL")
        .contains("[slot " + SHORTED + "] flash_production SKIPPED");
    assertThat(out)
        .contains("[slot " + FLASH_FAILS + "] flash_bootloader FAIL")
        .contains("Error writing firmware: Request error")
        .contains("[slot " + FLASH_FAILS + "] flash_softdevice SKIPPED");
  }

  @Test
  void theCloudConnectionIsAwaitedWithProgressAndItsTimeRecorded() {
    assertThat(out)
        .containsPattern(
            "\\[slot "
                + SLOW_CLOUD
                + "\\] cloud_connect: waiting for the cloud: connecting, \\ds of 6s")
        .contains("[slot " + SLOW_CLOUD + "] cloud_connect PASS")
        .containsPattern(
            "\\[slot "
                + NO_CLOUD
                + "\\] cloud_connect: waiting for the cloud: connecting, [45]s of 6s")
        .containsPattern(
            "not connected to the cloud after [67]s \\(budget 6s; last status: connecting\\)");
    CommandRun slow = command("trace", serial(SLOW_CLOUD), "--db", db.toString());
    assertThat(slow.out())
        .contains("- cloud_connect (cloud_connect, attempt 1)  PASS")
        .containsPattern("cloud_connect_time = [1-5]\\.\\d s");
    CommandRun never = command("trace", serial(NO_CLOUD), "--db", db.toString());
    assertThat(never.out())
        .contains("failed at cloud_connect")
        .containsPattern("cloud_connect_time = [67]\\.\\d s");
  }

  @Test
  void theNcpIsUpdatedOverUsbInListeningModeAfterTheSetupDoneFlag() throws IOException {
    for (int n = 1; n <= GOOD_UNITS; n++) {
      List<String> calls = calls(port(Integer.toString(n)));
      int setupDone = indexOf(calls, "usb setup-done ");
      int listen = indexOf(calls, "usb start-listening ");
      int ncp = indexOf(calls, "flash --serial ");
      assertThat(setupDone).as("setup-done in %s", calls).isNotNegative();
      assertThat(listen).as("start-listening after setup-done").isGreaterThan(setupDone);
      assertThat(ncp).as("the NCP flashed in listening mode").isEqualTo(listen + 1);
      assertThat(calls.get(ncp)).contains("ncp-0.0.7.bin --port " + port(Integer.toString(n)));
      assertThat(calls).noneMatch(call -> call.startsWith("flash --local") && call.contains("ncp"));
    }
  }

  @Test
  void theMobileSecretIsRecordedButNoExportOrTraceShowsIt() throws IOException {
    String secret = "MOBILESECRET001";
    String fingerprint = Secrets.fingerprint(secret);
    CommandRun trace = command("trace", serial("1"), "--db", db.toString());
    assertThat(trace.out()).contains("mobile_secret").contains(fingerprint);
    Path openhtf = dir.resolve("openhtf");
    assertThat(
            command(
                    "export",
                    "--format",
                    "openhtf",
                    "--db",
                    db.toString(),
                    "--out",
                    openhtf.toString())
                .exitCode())
        .isZero();
    StringBuilder exported = new StringBuilder(trace.out());
    try (Stream<Path> files = Files.list(openhtf)) {
      for (Path file : files.toList()) {
        exported.append(Files.readString(file));
      }
    }
    for (String format : List.of("json", "csv")) {
      CommandRun export = command("export", "--format", format, "--db", db.toString());
      assertThat(export.exitCode()).as(export.out()).isZero();
      exported.append(export.out());
    }
    assertThat(exported).contains(fingerprint).doesNotContain("MOBILESECRET00");
    assertThat(out).doesNotContain("MOBILESECRET00");
  }

  /** The stand-in's log of the CLI calls that reached the unit, each as its arguments joined. */
  private List<String> calls(String port) throws IOException {
    Path log =
        state
            .resolve(java.net.URLEncoder.encode(port, StandardCharsets.UTF_8))
            .resolve("calls.log");
    List<String> calls = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      List<String> args = new ArrayList<>();
      JSON.readTree(line).get("args").forEach(arg -> args.add(arg.asText()));
      calls.add(String.join(" ", args));
    }
    return calls;
  }

  private static int indexOf(List<String> calls, String prefix) {
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void everyPassedUnitHasItsRunOnRecordWithEveryStep() {
    for (int n = 1; n <= GOOD_UNITS; n++) {
      CommandRun trace = command("trace", serial(Integer.toString(n)), "--db", db.toString());
      assertThat(trace.exitCode()).as(trace.out()).isZero();
      assertThat(trace.out())
          .contains("Runs (1)")
          .contains("PASS  run ")
          .contains("device_id")
          .contains("PCB-0000000" + n)
          .contains("- setup_done (set_flag, attempt 1)  PASS")
          .contains("- flash_ncp (flash, attempt 1)  PASS")
          .contains("- cloud_connect (cloud_connect, attempt 1)  PASS")
          .contains("- restart (reboot, attempt 1)  PASS")
          .contains("- selftest (console, attempt 1)  PASS")
          .contains("- power (measure, attempt 1)  PASS")
          .contains("- radio (measure, attempt 1)  PASS")
          .contains("- record_versions (read_versions, attempt 1)  PASS")
          .contains("- provision (provision_queue, attempt 1)  PASS");
    }
    CommandRun shorted = command("trace", serial(SHORTED), "--db", db.toString());
    assertThat(shorted.out()).contains("FAIL  run ").contains("failed at power");
    CommandRun flashFails = command("trace", serial(FLASH_FAILS), "--db", db.toString());
    assertThat(flashFails.out())
        .contains("failed at flash_bootloader")
        .contains("- flash_bootloader (flash, attempt 2)  FAIL");
  }

  @Test
  void theStationWritesARowAndALabelForEachPassedUnitAndQueuesItForProvisioning()
      throws IOException {
    Path files = dir.resolve("files");
    List<String> rows = rows(files, "particle-programming_");
    List<String> queue = rows(files, "provisioning-queue_");
    assertThat(rows).hasSize(GOOD_UNITS + 2);
    assertThat(queue).hasSize(GOOD_UNITS + 2);
    assertThat(queue.get(0)).startsWith("device_id,serial,iccid,product,group,name");
    for (int n = 1; n <= GOOD_UNITS; n++) {
      String slot = Integer.toString(n);
      String serial = serial(slot);
      JsonNode unit = show(port(slot));
      String deviceId = unit.get("device_id").asText();
      assertThat(rows)
          .anySatisfy(
              row ->
                  assertThat(row)
                      .startsWith(serial + "," + deviceId + "," + unit.get("imei").asText())
                      .contains(
                          ",PCB-0000000" + slot + ",ANT-0000000" + slot + ",BAT-0000000" + slot)
                      .contains(",4.2.0,0.0.7,tracker-edge 18," + PRODUCTION_SHA256)
                      .contains(",3.3,45.0,3.9,-75.0,"));
      assertThat(queue)
          .anySatisfy(
              row ->
                  assertThat(row)
                      .startsWith(deviceId + "," + serial + "," + unit.get("iccid").asText())
                      .contains(",12345,"));
      assertThat(files.resolve("labels").resolve(serial + ".zpl")).exists();
    }
    for (String failed : List.of(SHORTED, FLASH_FAILS, NO_CLOUD)) {
      assertThat(String.join("\n", rows)).doesNotContain(serial(failed));
      assertThat(String.join("\n", queue)).doesNotContain(serial(failed));
      assertThat(files.resolve("labels").resolve(serial(failed) + ".zpl")).doesNotExist();
    }
  }

  @Test
  void eachPassedUnitHoldsItsSetupDoneFlagAndTheProductionFirmware() throws IOException {
    for (int n = 1; n <= GOOD_UNITS; n++) {
      JsonNode unit = show(port(Integer.toString(n)));
      assertThat(unit.get("setup_done").asBoolean()).isTrue();
      assertThat(unit.get("listening").asBoolean()).isFalse();
      assertThat(unit.get("system_firmware").asText()).isEqualTo("4.2.0");
      JsonNode firmware = unit.get("firmware");
      assertThat(firmware.get("user").get("sha256").asText()).isEqualTo(PRODUCTION_SHA256);
      assertThat(firmware.get("ncp").get("version").asText()).isEqualTo("0.0.7");
      assertThat(firmware.get("bootloader").get("version").asText()).isEqualTo("2.1.0");
    }
    JsonNode shorted = show(port(SHORTED));
    assertThat(shorted.get("setup_done").asBoolean()).isTrue();
    assertThat(shorted.get("firmware").get("user").get("version").asText())
        .as("the shorted unit keeps its test firmware: production is never flashed")
        .isEqualTo("mfg-test_1.0.3");
    JsonNode untouched = show(port(FLASH_FAILS));
    assertThat(untouched.get("setup_done").asBoolean()).isFalse();
    assertThat(untouched.get("listening").asBoolean()).isTrue();
    assertThat(untouched.has("firmware")).as("no module reached the unit").isFalse();
  }

  private static String port(String slot) {
    return "/dev/ttyACM" + (Integer.parseInt(slot) - 1);
  }

  private static String serial(String slot) {
    return "P046AA000000" + slot;
  }

  private static List<String> rows(Path files, String prefix) throws IOException {
    try (Stream<Path> listing = Files.list(files)) {
      Path file =
          listing
              .filter(f -> f.getFileName().toString().startsWith(prefix))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no " + prefix + "*.csv in " + files));
      return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
    }
  }

  private JsonNode show(String port) throws IOException {
    return JSON.readTree(standinDevice("show", port));
  }

  /** Runs standin-device with the test's state folder; it must succeed. */
  private String standinDevice(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(STANDINS.resolve("standin-device").toAbsolutePath().toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as("standin-device %s: %s", command, printed).isZero();
      return printed;
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Starts a stand-in server and returns the host:port it says it listens on. */
  private String startServer(String script, String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(STANDINS.resolve(script).toAbsolutePath().toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(environment);
    Process process = builder.start();
    servers.add(process);
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    ExecutorService reader = Executors.newSingleThreadExecutor();
    try {
      Future<String> first = reader.submit(lines::readLine);
      String line = first.get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
      assertThat(line).as("%s's first line", command).startsWith("listening on ");
      return line.substring("listening on ".length()).strip();
    } finally {
      reader.shutdownNow();
    }
  }

  private record CommandRun(int exitCode, String out) {}

  private static CommandRun command(String... args) {
    StringWriter printed = new StringWriter();
    var commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(printed, true));
    commandLine.setErr(new PrintWriter(printed, true));
    int exit = commandLine.execute(args);
    return new CommandRun(exit, printed.toString());
  }

  /**
   * The operator at the terminal: reads what the station prints and, when a slot asks for a scan,
   * scans that slot's unit, so each answer reaches the slot that asked whatever order the slots ask
   * in.
   */
  private static final class Operator extends Writer {
    private static final Pattern SCAN = Pattern.compile("^slot (\\S+): Scan the (.+)$");

    /** Which marking a prompt of the recipe asks for, by its words. */
    private static String marking(String prompt) {
      if (prompt.startsWith("serial")) {
        return "serial";
      }
      if (prompt.contains("carrier board")) {
        return "component:PCB";
      }
      if (prompt.contains("antenna")) {
        return "component:J1";
      }
      return prompt.contains("battery") ? "component:BT1" : prompt;
    }

    private final Map<String, Map<String, String>> answers;
    private final StringBuilder printed = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    private final LinkedBlockingQueue<Integer> typed = new LinkedBlockingQueue<>();

    Operator(Map<String, Map<String, String>> answers) {
      this.answers = answers;
    }

    synchronized String printed() {
      return printed.toString();
    }

    /** What the operator types, as the station's standard input. */
    InputStream scans() {
      return new InputStream() {
        @Override
        public int read() throws IOException {
          try {
            return typed.take();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
          }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          if (length == 0) {
            return 0;
          }
          buffer[offset] = (byte) read();
          int n = 1;
          Integer next;
          while (n < length && (next = typed.poll()) != null) {
            buffer[offset + n++] = next.byteValue();
          }
          return n;
        }
      };
    }

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        char c = chars[i];
        printed.append(c);
        if (c == '\n') {
          answer(line.toString());
          line.setLength(0);
        } else {
          line.append(c);
        }
      }
    }

    private void answer(String text) {
      Matcher scan = SCAN.matcher(text.strip());
      if (!scan.find()) {
        return;
      }
      String answer =
          answers.getOrDefault(scan.group(1), Map.of()).getOrDefault(marking(scan.group(2)), "");
      for (byte b : (answer + "\n").getBytes(StandardCharsets.UTF_8)) {
        typed.add(b & 0xFF);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** The first python3 on the PATH that is not a version manager's shim, else the first. */
  private static Optional<Path> python3() {
    List<Path> found = new ArrayList<>();
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!folder.isBlank() && Files.isExecutable(Path.of(folder, "python3"))) {
        found.add(Path.of(folder, "python3"));
      }
    }
    return found.stream()
        .filter(p -> !p.toString().contains(File.separator + "shims" + File.separator))
        .findFirst()
        .or(() -> found.stream().findFirst());
  }
}
