package io.shipready.output.upload;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the server's host key against the station's known_hosts file, and on first use records it
 * there only when the {@link HostKeyPolicy} says so; otherwise the refusal names the {@code
 * ssh-keyscan} line that pins it.
 *
 * <p>A key that differs from a recorded one is refused, even when the recorded key is of another
 * type than the one presented: accepting a new type on first use would let anyone who can intercept
 * the connection simply offer a type the file does not have.
 *
 * <p>A refusal is kept ({@link #takeRefusal()}) so the connector can report it instead of the
 * library's "server key did not validate". A connector makes one connection at a time.
 */
final class HostKeyVerifier implements ServerKeyVerifier {
  private static final Logger log = LoggerFactory.getLogger(HostKeyVerifier.class);

  private final HostKeyPolicy policy;
  private final UploadTarget target;
  private final boolean mayRecord;
  private final AtomicReference<HostKeyException> refusal = new AtomicReference<>();

  HostKeyVerifier(HostKeyPolicy policy, UploadTarget target, boolean mayRecord) {
    this.policy = policy;
    this.target = target;
    this.mayRecord = mayRecord;
  }

  @Override
  public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey serverKey) {
    try {
      check(serverKey);
      return true;
    } catch (HostKeyException e) {
      refusal.set(e);
      return false;
    }
  }

  /** Why the last refused key was refused, once; {@code null} when no key was refused since. */
  HostKeyException takeRefusal() {
    return refusal.getAndSet(null);
  }

  /** The key types the file records for the target, so the client asks for those first. */
  List<String> knownKeyTypes() {
    return read(policy.knownHostsFile()).keyTypes(target.host(), target.port());
  }

  private synchronized void check(PublicKey serverKey) {
    Path file = policy.knownHostsFile();
    KnownHosts known = read(file);
    for (KnownHosts.Skipped line : known.skipped()) {
      log.warn("{} line {} skipped: {}", file, line.lineNumber(), line.reason());
    }
    List<KnownHosts.Line> forHost = known.forHost(target.host(), target.port());
    for (KnownHosts.Line line : forHost) {
      if (line.revoked() && line.matches(serverKey)) {
        throw new HostKeyException(
            "The SFTP server "
                + target.server()
                + " presented a host key that "
                + file
                + " line "
                + line.lineNumber()
                + " marks @revoked. Nothing was sent; ask the server's administrator.");
      }
    }
    List<String> recorded = new ArrayList<>();
    for (KnownHosts.Line line : forHost) {
      if (!line.plain()) {
        continue;
      }
      if (line.matches(serverKey)) {
        return;
      }
      recorded.add(
          line.key()
                  .map(key -> KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key))
                  .orElse(line.keyType())
              + " (line "
              + line.lineNumber()
              + ")");
    }
    String presented = KeyUtils.getKeyType(serverKey) + " " + KeyUtils.getFingerPrint(serverKey);
    if (!recorded.isEmpty()) {
      throw new HostKeyException(
          "The SFTP server "
              + target.server()
              + " presented the host key "
              + presented
              + ", but "
              + file
              + " records "
              + String.join(", ", recorded)
              + " for it: the server's key CHANGED. Nothing was sent, because this may not be the"
              + " server the files are meant for. If the key was changed on purpose, confirm the"
              + " new fingerprint with the server's administrator, then remove the lines for "
              + hostPattern()
              + " from "
              + file
              + " and pin the new key: "
              + keyscan(serverKey, file));
    }
    if (!policy.trustNew()) {
      throw new HostKeyException(
          "The SFTP server "
              + target.server()
              + " (host key "
              + presented
              + ") is not in the station's known_hosts file "
              + file
              + ". Nothing was sent. Check the fingerprint with the server's administrator, then"
              + " pin it: "
              + keyscan(serverKey, file)
              + " (or run once with "
              + HostKeyPolicy.TRUST_NEW_FLAG
              + " to record the key the server shows).");
    }
    if (!mayRecord) {
      log.info(
          "Dry run: SFTP server {} met for the first time (host key {}); not recorded in {}",
          target.server(),
          presented,
          file);
      return;
    }
    record(file, serverKey);
    // A warning, so the fingerprint is in front of whoever runs the upload, to be checked.
    log.warn(
        "Trusting SFTP server {} on first use ({}): host key {} recorded in {}; check this"
            + " fingerprint with the server's administrator",
        target.server(),
        HostKeyPolicy.TRUST_NEW_FLAG,
        presented,
        file);
  }

  /** The exact command that pins the key type the server presented. */
  private String keyscan(PublicKey serverKey, Path file) {
    return "ssh-keyscan -p "
        + target.port()
        + " -t "
        + keyscanType(KeyUtils.getKeyType(serverKey))
        + " "
        + target.host()
        + " >> "
        + file;
  }

  /** The {@code ssh-keyscan -t} name of a key type. */
  static String keyscanType(String keyType) {
    if (keyType.startsWith("ecdsa-")) {
      return "ecdsa";
    }
    if (keyType.equals("ssh-rsa") || keyType.startsWith("rsa-")) {
      return "rsa";
    }
    if (keyType.equals("ssh-ed25519")) {
      return "ed25519";
    }
    return keyType;
  }

  private KnownHosts read(Path file) {
    try {
      return KnownHosts.read(file);
    } catch (IOException | RuntimeException e) {
      throw new HostKeyException(
          "Cannot read the known_hosts file "
              + file
              + " ("
              + e.getMessage()
              + "): fix the file's permissions.",
          e);
    }
  }

  private void record(Path file, PublicKey serverKey) {
    try {
      String line =
          hostPattern() + " " + PublicKeyEntry.appendPublicKeyEntry(new StringBuilder(), serverKey);
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      boolean needsBreak = Files.exists(file) && Files.size(file) > 0 && !endsWithLineBreak(file);
      try (FileChannel channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        ByteBuffer bytes =
            ByteBuffer.wrap(
                ((needsBreak ? "\n" : "") + line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      if (parent != null) {
        Durable.forceFolder(parent);
      }
    } catch (IOException e) {
      throw new HostKeyException(
          "Cannot record the host key of the SFTP server "
              + target.server()
              + " in "
              + file
              + " ("
              + e
              + "): fix the folder's permissions, or name another known_hosts file in "
              + UploadEnvironment.KNOWN_HOSTS
              + ". Nothing was sent.",
          e);
    }
  }

  private static boolean endsWithLineBreak(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer last = ByteBuffer.allocate(1);
      channel.read(last, channel.size() - 1);
      return last.get(0) == '\n';
    }
  }

  private String hostPattern() {
    return target.port() == 22 ? target.host() : "[" + target.host() + "]:" + target.port();
  }
}
