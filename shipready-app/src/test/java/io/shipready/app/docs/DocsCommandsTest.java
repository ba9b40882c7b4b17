package io.shipready.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of README.md, docs/*.md and lines/*&#47;README.md works as printed, run in order,
 * document after document, in a copy of the repository as a fresh clone has it (what {@link
 * DocCommands} says is a command, and how a block is kept from running).
 *
 * <p>What the test does that a user would do differently, and nothing else:
 *
 * <ul>
 *   <li>{@code bin/shipready} (and {@code shipready} on the PATH) runs the classes this build
 *       compiled, instead of building them again with Maven.
 *   <li>A {@code cp} of a {@code station-config.template.yaml} is followed by filling in every
 *       {@code CHANGE_ME}, as the docs tell the user to.
 *   <li>Commands that serve until Ctrl-C ({@code station}, {@code backoffice serve}, {@code
 *       emulate}) pass once they say they are ready (the station's page answers) and are then
 *       stopped with SIGTERM, as Ctrl-C would; {@code station --ui PORT} gets a free port ({@code
 *       --ui 0}) so a busy machine cannot fail it. A command ending in {@code &} runs in the
 *       background until its document ends.
 *   <li>{@code emulate --units} needs qemu-system-arm: without it, that command and the rest of its
 *       block are skipped, and the test says so.
 * </ul>
 *
 * <p>Every command must exit 0. Afterwards {@code git status} in the copy must be clean: what the
 * walkthrough makes goes under {@code work/}, which .gitignore lists.
 */
class DocsCommandsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Duration COMMAND_TIME = Duration.ofMinutes(4);
  private static final Duration READY_TIME = Duration.ofSeconds(90);
  private static final Pattern STATION_PORT = Pattern.compile("--ui \\d+");
  private static final Pattern PAGE = Pattern.compile("page at (http://\\S+)");
  private static final Map<String, Pattern> SERVING =
      Map.of(
          "station", PAGE,
          "backoffice serve", Pattern.compile("back office: HTTP on"),
          "emulate", Pattern.compile("running; Ctrl-C"));
  private static final Pattern CONFIG_COPY =
      Pattern.compile("cp \\S*station-config\\.template\\.yaml (\\S+)");
  private static final Map<String, String> FILLED_IN =
      Map.ofEntries(
          Map.entry("stationId", "DOCS-1"),
          Map.entry("computerName", "Docs PC"),
          Map.entry("programmerName", "docs"),
          Map.entry("timeZone", "Europe/Berlin"),
          Map.entry("outputFolder", "files"),
          Map.entry("archiveFolder", "archive"),
          Map.entry("partNo", "100-0012-01"),
          Map.entry("manufacturer", "Acme Electronics"),
          Map.entry("factory", "Shenzhen-2"),
          Map.entry("hwVersion", "1.2"),
          Map.entry("line", "L1"),
          Map.entry("regionCode", "DE"));

  private final List<String> failures = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private int ran;
  private int shipready;

  @Test
  void everyCommandInTheDocsWorksAsPrinted(@TempDir Path scratch) throws Exception {
    Assumptions.assumeTrue(
        onPath("bash"), "docs commands not run: they are shell commands and there is no bash");
    Path clone = scratch.resolve("shipready");
    copyAsCloned(ROOT, clone);
    installLauncher(clone, scratch);
    boolean git = gitBaseline(clone);
    for (String document : documents()) {
      runDocument(clone, DocCommands.of(ROOT, document));
    }
    System.out.printf(
        "docs commands: %d run (%d shipready commands), %d failed, %d not run%n",
        ran, shipready, failures.size(), skipped.size());
    skipped.forEach(line -> System.out.println("  not run: " + line));
    if (git) {
      String status = run(clone, "git status --porcelain --untracked-files=all").output();
      if (!status.isBlank()) {
        failures.add(
            "after the docs' commands, git status lists files outside work/ (send them there, or"
                + " name an output folder under work/ in the docs):\n"
                + status);
      }
    } else {
      System.out.println("  git status not checked: no git on the PATH");
    }
    assertThat(failures).as(String.join("\n\n", failures)).isEmpty();
    assertThat(ran).as("commands run").isGreaterThan(10);
  }

  private void runDocument(Path clone, DocCommands.Found found) throws Exception {
    found.notRun().forEach(command -> skipped.add(command.where() + " " + command.text()));
    List<Process> background = new ArrayList<>();
    StringBuilder exports = new StringBuilder();
    int skipBlock = -1;
    try {
      for (DocCommand command : found.commands()) {
        if (command.block() == skipBlock) {
          skipped.add(command.where() + " " + command.text() + " (after a skipped command)");
          continue;
        }
        if (command.shipready()
            && command.is("emulate")
            && command.text().contains("--units")
            && !onPath("qemu-system-arm")) {
          skipped.add(command.where() + " " + command.text() + " (qemu-system-arm is missing)");
          System.out.println(
              "docs test: "
                  + command.where()
                  + " skipped with the rest of its block:"
                  + " qemu-system-arm is not installed");
          skipBlock = command.block();
          continue;
        }
        ran++;
        if (command.shipready()) {
          shipready++;
        }
        String text = command.shipready() ? overridden(command) : command.foreground();
        String script = exports + text;
        long started = System.nanoTime();
        if (command.background()) {
          Path log = Files.createTempFile("docs-background", ".log");
          Process process = start(clone, script, log);
          background.add(process);
          if (command.is("backoffice serve")) {
            // The docs say to wait for the server's line before the next command.
            String problem = awaitReady(process, log, serving(command));
            if (problem != null) {
              fail(command, problem);
            }
          }
        } else if (serving(command) != null) {
          String problem = serveUntilReady(clone, script, serving(command));
          if (problem != null) {
            fail(command, problem);
          }
        } else {
          Result result = run(clone, script);
          if (result.exitCode() != 0) {
            fail(command, "exited " + result.exitCode() + ":\n" + tail(result.output()));
          }
        }
        System.out.printf(
            "docs test: %s %.1f s%n", command.where(), (System.nanoTime() - started) / 1e9);
        if (text.startsWith("export ")) {
          exports.append(text).append('\n');
        }
        Matcher copy = CONFIG_COPY.matcher(text);
        if (copy.matches()) {
          fillIn(clone.resolve(copy.group(1)));
        }
      }
    } finally {
      for (Process process : background) {
        stop(process);
      }
    }
  }

  private void fail(DocCommand command, String what) {
    failures.add(command.where() + ": `" + command.text() + "` " + what);
  }

  /** The command with the test's overrides: a free port for the station's page. */
  private static String overridden(DocCommand command) {
    String text = command.foreground();
    if (command.is("station")) {
      text = STATION_PORT.matcher(text).replaceAll("--ui 0");
    }
    return text;
  }

  private static Pattern serving(DocCommand command) {
    if (!command.shipready()) {
      return null;
    }
    for (var entry : SERVING.entrySet()) {
      if (command.is(entry.getKey()) && !command.text().contains("--help")) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** Starts a command that serves until stopped; null once it said it is ready, else why not. */
  private String serveUntilReady(Path clone, String script, Pattern ready) throws Exception {
    Path log = Files.createTempFile("docs-command", ".log");
    Process process = start(clone, script, log);
    try {
      return awaitReady(process, log, ready);
    } finally {
      stop(process);
      Files.deleteIfExists(log);
    }
  }

  /** Null once the process printed its ready line (and its page answers), else why not. */
  private static String awaitReady(Process process, Path log, Pattern ready) throws Exception {
    long deadline = System.nanoTime() + READY_TIME.toNanos();
    while (System.nanoTime() < deadline) {
      String output = Files.readString(log);
      Matcher matcher = ready.matcher(output);
      if (matcher.find()) {
        if (ready == PAGE) {
          int status = get(matcher.group(1));
          if (status != 200) {
            return "page " + matcher.group(1) + " answered " + status + ":\n" + tail(output);
          }
        }
        return null;
      }
      if (!process.isAlive()) {
        return "exited " + process.exitValue() + " before it was ready:\n" + tail(output);
      }
      Thread.sleep(200);
    }
    return "not ready after " + READY_TIME.toSeconds() + " s:\n" + tail(Files.readString(log));
  }

  private static int get(String url) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    return client
        .send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  record Result(int exitCode, String output) {}

  private static Result run(Path clone, String script) throws Exception {
    Path log = Files.createTempFile("docs-command", ".log");
    try {
      Process process = start(clone, script, log);
      if (!process.waitFor(COMMAND_TIME.toSeconds(), TimeUnit.SECONDS)) {
        stop(process);
        return new Result(
            -1, "did not end within " + COMMAND_TIME.toSeconds() + " s\n" + Files.readString(log));
      }
      return new Result(process.exitValue(), Files.readString(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static Process start(Path clone, String script, Path log) throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", script)
            .directory(clone.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(new File("/dev/null"));
    builder
        .environment()
        .put("PATH", clone.resolve("bin") + File.pathSeparator + System.getenv("PATH"));
    // The docs' own settings, not the machine's.
    builder.environment().remove("SHIPREADY_DB");
    builder.environment().remove("SHIPREADY_BACKOFFICE_DB");
    // A home of their own: a command such as mkdir -p ~/.config/... must not touch the user's.
    Path home = clone.resolveSibling("home");
    Files.createDirectories(home);
    builder.environment().put("HOME", home.toString());
    builder.environment().remove("XDG_CONFIG_HOME");
    builder.environment().remove("SHIPREADY_SFTP_KNOWN_HOSTS");
    return builder.start();
  }

  /** SIGTERM, as Ctrl-C: shutdown hooks run; then, if need be, SIGKILL. */
  private static void stop(Process process) throws InterruptedException {
    List<ProcessHandle> tree = process.descendants().toList();
    tree.forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    for (ProcessHandle handle : tree) {
      handle.onExit().orTimeout(20, TimeUnit.SECONDS).exceptionally(late -> null).join();
      handle.destroyForcibly();
    }
  }

  private static String tail(String output) {
    List<String> lines = output.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** README.md, then docs/*.md, then lines/*&#47;README.md, each group in name order. */
  private static List<String> documents() throws IOException {
    List<String> documents = new ArrayList<>();
    documents.add("README.md");
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(file -> file.toString().endsWith(".md"))
          .map(file -> "docs/" + file.getFileName())
          .sorted()
          .forEach(documents::add);
    }
    try (Stream<Path> lines = Files.list(ROOT.resolve("lines"))) {
      lines
          .filter(folder -> Files.exists(folder.resolve("README.md")))
          .map(folder -> "lines/" + folder.getFileName() + "/README.md")
          .sorted()
          .forEach(documents::add);
    }
    return documents;
  }

  /** The sources as a clone has them: no build output, no records, no walkthrough outputs. */
  private static void copyAsCloned(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path relative = from.relativize(file);
        String name = relative.toString().replace(File.separatorChar, '/');
        if (name.equals(".git")
            || name.startsWith(".git/")
            || name.equals("work")
            || name.startsWith("work/")
            || name.matches("(.*/)?target(/.*)?")
            || name.matches(".*\\.db(-.*)?")
            || name.endsWith(".srpkg")) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  /** bin/shipready (and shipready on the PATH) runs this build's classes: no second build. */
  private static void installLauncher(Path clone, Path scratch) throws IOException {
    Path arguments = scratch.resolve("classpath.args");
    Files.writeString(
        arguments, "-cp \"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String launcher =
        "#!/usr/bin/env bash\nexec \""
            + java
            + "\" @\""
            + arguments
            + "\" io.shipready.app.Main \"$@\"\n";
    for (String name : List.of("shipready")) {
      Path file = clone.resolve("bin").resolve(name);
      Files.writeString(file, launcher, StandardCharsets.UTF_8);
      file.toFile().setExecutable(true);
    }
  }

  /** The user fills in every CHANGE_ME of the copied template. */
  private static void fillIn(Path config) throws IOException {
    StringBuilder filled = new StringBuilder();
    for (String line : Files.readString(config).split("\n", -1)) {
      String key = line.strip().split(":", 2)[0];
      if (line.strip().endsWith("CHANGE_ME") && FILLED_IN.containsKey(key)) {
        line = line.replace("CHANGE_ME", '"' + FILLED_IN.get(key) + '"');
      }
      filled.append(line).append('\n');
    }
    Files.writeString(config, filled.toString().stripTrailing() + "\n");
  }

  /** A repository whose status is clean before the docs run; false when there is no git. */
  private static boolean gitBaseline(Path clone) throws Exception {
    if (!onPath("git")) {
      return false;
    }
    Result made =
        run(
            clone,
            "git init -q && git add -A && git -c user.name=docs -c user.email=docs@localhost"
                + " -c commit.gpgsign=false commit -q --no-verify -m clone");
    assertThat(made.exitCode()).as(made.output()).isZero();
    return true;
  }

  private static boolean onPath(String program) {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(folder, program))) {
        return true;
      }
    }
    return false;
  }
}
