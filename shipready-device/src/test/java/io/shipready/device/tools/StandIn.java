package io.shipready.device.tools;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for a vendor tool that cannot be installed on a build machine: a small shell script
 * that prints recorded outputs (test resources written from the vendor's documentation) and exits
 * with a chosen code, so a driver runs the real process path. It records each call's arguments,
 * copies any file passed after {@code -CommandFile}, and can sleep to exercise time limits.
 */
public final class StandIn {
  /** What the stand-in prints and does for one call. */
  public record Reply(String stdout, String stderr, int exitCode, int sleepSeconds) {
    public static Reply stdout(String resource) {
      return new Reply(resource, null, 0, 0);
    }

    public static Reply stderr(String resource) {
      return new Reply(null, resource, 0, 0);
    }

    public static Reply sleeping(int seconds) {
      return new Reply(null, null, 0, seconds);
    }

    public Reply exit(int code) {
      return new Reply(stdout, stderr, code, sleepSeconds);
    }

    public Reply andStderr(String resource) {
      return new Reply(stdout, resource, exitCode, sleepSeconds);
    }
  }

  private record Rule(String pattern, List<Reply> replies) {}

  private final Path dir;
  private final String tool;
  private final Path script;
  private final List<Rule> rules = new ArrayList<>();

  private StandIn(Path dir, String tool) {
    this.dir = dir;
    this.tool = tool;
    this.script = dir.resolve(tool + "-stand-in");
  }

  /** A stand-in for the tool in its own folder under the test's temporary folder. */
  public static StandIn create(Path tempDir, String tool) {
    assumeTrue(
        Files.isExecutable(Path.of("/bin/sh")),
        "stand-in vendor tools are shell scripts and need /bin/sh; run these tests on Linux or"
            + " macOS");
    try {
      StandIn standIn = new StandIn(Files.createDirectories(tempDir.resolve(tool)), tool);
      standIn.write();
      return standIn;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Answers calls whose arguments (joined by spaces) contain the pattern; with several replies, the
   * first call gets the first, and so on, the last repeating. Earlier rules win.
   */
  public StandIn on(String pattern, Reply... replies) {
    rules.add(new Rule(pattern, List.of(replies)));
    write();
    return this;
  }

  /** Finds only this stand-in: the tool is configured at its path and the PATH is empty. */
  public ToolLocator locator() {
    return ToolLocator.fromEnvironment(java.util.Map.of()).with(tool, script);
  }

  public ToolRunner runner() {
    return new ToolRunner(locator());
  }

  public Path script() {
    return script;
  }

  /** Each call's arguments, in order. */
  public List<List<String>> calls() {
    return records("calls.txt");
  }

  /** The command files passed with -CommandFile, in order, each as its lines. */
  public List<List<String>> commandFiles() {
    return records("command-files.txt");
  }

  /** The process id the stand-in's sleep ran as, for checking it was stopped. */
  public long sleeperPid() throws IOException {
    return Long.parseLong(Files.readString(dir.resolve("sleeper.pid")).strip());
  }

  private List<List<String>> records(String file) {
    Path path = dir.resolve(file);
    List<List<String>> records = new ArrayList<>();
    if (!Files.exists(path)) {
      return records;
    }
    List<String> current = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
        if (line.equals("--end--")) {
          records.add(current);
          current = new ArrayList<>();
        } else {
          current.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return records;
  }

  private void write() {
    StringBuilder sh = new StringBuilder();
    sh.append("#!/bin/sh\n");
    sh.append("# Stand-in for ").append(tool).append(": prints recorded outputs.\n");
    sh.append("dir=").append(quote(dir.toString())).append('\n');
    sh.append("for a in \"$@\"; do printf '%s\\n' \"$a\" >> \"$dir/calls.txt\"; done\n");
    sh.append("printf '%s\\n' --end-- >> \"$dir/calls.txt\"\n");
    sh.append("prev=\n");
    sh.append("for a in \"$@\"; do\n");
    sh.append("  if [ \"$prev\" = -CommandFile ]; then cat \"$a\" >> \"$dir/command-files.txt\";");
    sh.append(" printf '\\n%s\\n' --end-- >> \"$dir/command-files.txt\"; fi\n");
    sh.append("  prev=$a\n");
    sh.append("done\n");
    sh.append("case \"$*\" in\n");
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      sh.append("  *").append(quote(rule.pattern())).append("*)\n");
      sh.append("    n=$(cat \"$dir/count-").append(r).append("\" 2>/dev/null || echo 0)\n");
      sh.append("    n=$((n+1)); echo \"$n\" > \"$dir/count-").append(r).append("\"\n");
      for (int i = 0; i < rule.replies().size(); i++) {
        boolean last = i == rule.replies().size() - 1;
        if (!last) {
          sh.append("    if [ \"$n\" -le ").append(i + 1).append(" ]; then\n");
        }
        reply(sh, rule.replies().get(i), r + "-" + i);
        if (!last) {
          sh.append("    fi\n");
        }
      }
      sh.append("    ;;\n");
    }
    sh.append("esac\n");
    sh.append("echo \"stand-in ").append(tool).append(": no recorded output for: $*\" >&2\n");
    sh.append("exit 97\n");
    try {
      Files.writeString(script, sh.toString(), StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void reply(StringBuilder sh, Reply reply, String key) {
    if (reply.sleepSeconds() > 0) {
      sh.append("    sleep ").append(reply.sleepSeconds()).append(" &\n");
      sh.append("    echo $! > \"$dir/sleeper.pid\"\n");
      sh.append("    wait\n");
    }
    if (reply.stdout() != null) {
      sh.append("    cat ")
          .append(quote(copy(reply.stdout(), key + ".out").toString()))
          .append('\n');
    }
    if (reply.stderr() != null) {
      sh.append("    cat ")
          .append(quote(copy(reply.stderr(), key + ".err").toString()))
          .append(" >&2\n");
    }
    sh.append("    exit ").append(reply.exitCode()).append('\n');
  }

  private Path copy(String resource, String name) {
    String path = "/io/shipready/device/tools/" + resource;
    try (InputStream in = StandIn.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      Path target = dir.resolve(name);
      Files.write(target, in.readAllBytes());
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
