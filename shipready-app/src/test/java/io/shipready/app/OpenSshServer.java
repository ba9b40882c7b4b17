package io.shipready.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's own OpenSSH server ({@code /usr/sbin/sshd}, package openssh-server) on a free loopback
 * port, with its own configuration and an Ed25519 host key made by {@code ssh-keygen}: the current
 * user may only use SFTP, shut in a chroot folder holding {@code incoming/}, logging in with the
 * key in {@link #authorize}.
 *
 * <p>sshd shuts a session in a chroot only when it runs as root, and only into a folder whose every
 * parent is owned by root and writable by nobody else; the temporary folder is not such a place, so
 * the chroot is made under the module's build folder. A test is skipped, saying why, where any of
 * this cannot be had.
 */
final class OpenSshServer implements AutoCloseable {
  static final Path SSHD = Path.of("/usr/sbin/sshd");

  final int port;
  final Path chroot;
  private final Process process;
  private final Path log;

  private OpenSshServer(int port, Path chroot, Process process, Path log) {
    this.port = port;
    this.chroot = chroot;
    this.process = process;
    this.log = log;
  }

  /** Skips the calling test, printing why, when sshd cannot be run here as the test needs. */
  static void assumeRunnable() {
    skipUnless(
        Files.isExecutable(SSHD), SSHD + " is not installed (apt-get install openssh-server)");
    for (String tool : List.of("ssh-keygen", "ssh-keyscan")) {
      skipUnless(onPath(tool), tool + " is not on the PATH (apt-get install openssh-client)");
    }
    skipUnless(
        "root".equals(System.getProperty("user.name")),
        "sshd shuts SFTP users in a chroot only when it runs as root, and the tests run as "
            + System.getProperty("user.name"));
  }

  /**
   * Starts sshd for the current user.
   *
   * @param dir the test's own folder, for keys, configuration and log
   * @param authorizedKey the public key line the user logs in with
   */
  static OpenSshServer start(Path dir, String authorizedKey) throws Exception {
    Path chroot = chrootFolder();
    Files.createDirectories(chroot.resolve("incoming"));
    Files.setPosixFilePermissions(chroot, PosixFilePermissions.fromString("rwxr-xr-x"));
    // sshd's privilege separation folder, made by the service at boot where there is one.
    Files.createDirectories(Path.of("/run/sshd"));

    Path hostKey = dir.resolve("ssh_host_ed25519_key");
    run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey.toString());
    Path authorizedKeys = Files.writeString(dir.resolve("authorized_keys"), authorizedKey + "\n");
    int port = freePort();
    String user = System.getProperty("user.name");
    Path config =
        Files.write(
            dir.resolve("sshd_config"),
            List.of(
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "PidFile none",
                "UsePAM no",
                "StrictModes no",
                "AuthorizedKeysFile " + authorizedKeys,
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "Subsystem sftp internal-sftp",
                "LogLevel DEBUG1",
                "Match User " + user,
                "  ChrootDirectory " + chroot,
                "  ForceCommand internal-sftp",
                "  AllowTcpForwarding no",
                "  X11Forwarding no"));
    String check = run(SSHD.toString(), "-t", "-f", config.toString());
    Path log = dir.resolve("sshd.log");
    Process process =
        new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    OpenSshServer server = new OpenSshServer(port, chroot, process, log);
    server.awaitListening(check);
    return server;
  }

  /** What sshd logged, for a failed assertion's message. */
  String log() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    try (Stream<Path> walk = Files.walk(chroot)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private void awaitListening(String check) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("sshd stopped: " + log() + check);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("sshd did not listen on " + port + ": " + log());
  }

  /** Runs a command to its end; its output, or an exception with it when it failed. */
  static String run(String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }

  /**
   * A new folder sshd accepts as a chroot: under the build folder when every parent is root's and
   * writable by nobody else, else (a checkout under /tmp) under /run, root's own.
   */
  private static Path chrootFolder() throws IOException {
    String name = "sshd-chroot-" + Long.toHexString(System.nanoTime());
    for (Path parent : List.of(Path.of("target").toAbsolutePath().normalize(), Path.of("/run"))) {
      if (Files.isDirectory(parent) && rootOwnedAllTheWay(parent)) {
        return parent.resolve(name);
      }
    }
    skipUnless(false, "no folder for a chroot: sshd needs one whose parents are all root's");
    throw new IllegalStateException("unreachable");
  }

  private static boolean rootOwnedAllTheWay(Path folder) throws IOException {
    for (Path p = folder; p != null; p = p.getParent()) {
      PosixFileAttributes attributes = Files.readAttributes(p, PosixFileAttributes.class);
      Set<PosixFilePermission> permissions = attributes.permissions();
      if (!attributes.owner().getName().equals("root")
          || permissions.contains(PosixFilePermission.GROUP_WRITE)
          || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
        return false;
      }
    }
    return true;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (Files.isExecutable(Path.of(dir, tool))) {
          return true;
        }
      }
    }
    return false;
  }

  private static void skipUnless(boolean condition, String why) {
    if (!condition) {
      String reason = "OpenSSH server test skipped: " + why + ".";
      System.err.println(reason);
      assumeTrue(false, reason);
    }
  }
}
