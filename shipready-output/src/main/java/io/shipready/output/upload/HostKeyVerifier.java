package io.shipready.output.upload;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the server's host key against a known_hosts file, and on first use records it there when
 * the {@link HostKeyPolicy} says so.
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

  private synchronized void check(PublicKey serverKey) {
    Path file = policy.knownHostsFile();
    List<KnownHostEntry> forHost = new ArrayList<>();
    for (KnownHostEntry entry : read(file)) {
      if (!entry.isHostMatch(target.host(), target.port())) {
        continue;
      }
      if (entry.getMarker() == null) {
        forHost.add(entry);
      } else if ("revoked".equals(entry.getMarker()) && matches(entry, serverKey)) {
        throw new HostKeyException(
            "The SFTP server "
                + target.server()
                + " presented a host key that "
                + file
                + " marks @revoked. Nothing was sent; ask the server's administrator.");
      }
    }
    List<String> recorded = new ArrayList<>();
    for (KnownHostEntry entry : forHost) {
      PublicKey known = resolve(entry);
      if (known != null && KeyUtils.compareKeys(known, serverKey)) {
        return;
      }
      recorded.add(
          known == null
              ? entry.getKeyEntry().getKeyType()
              : KeyUtils.getKeyType(known) + " " + KeyUtils.getFingerPrint(known));
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
              + " new fingerprint with the server's administrator, then remove the line for "
              + hostPattern()
              + " from "
              + file
              + " and run again.");
    }
    if (!policy.recordUnknown()) {
      throw new HostKeyException(
          "The SFTP server "
              + target.server()
              + " (host key "
              + presented
              + ") is not in the known_hosts file "
              + file
              + " named by "
              + UploadEnvironment.KNOWN_HOSTS
              + ". Nothing was sent. Check the fingerprint with the server's administrator and add"
              + " the key (ssh-keyscan -p "
              + target.port()
              + " "
              + target.host()
              + " >> "
              + file
              + "), or unset "
              + UploadEnvironment.KNOWN_HOSTS
              + " to trust the server on first use.");
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
    log.info(
        "Trusting SFTP server {} on first use: host key {} recorded in {}",
        target.server(),
        presented,
        file);
  }

  private List<KnownHostEntry> read(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return KnownHostEntry.readKnownHostEntries(file);
    } catch (IOException | RuntimeException e) {
      throw new HostKeyException(
          "Cannot read the known_hosts file "
              + file
              + " ("
              + e.getMessage()
              + "): fix the broken line or the file's permissions.",
          e);
    }
  }

  private static boolean matches(KnownHostEntry entry, PublicKey serverKey) {
    PublicKey known = resolve(entry);
    return known != null && KeyUtils.compareKeys(known, serverKey);
  }

  private static PublicKey resolve(KnownHostEntry entry) {
    try {
      return entry.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      // A key type this Java runtime cannot decode (e.g. ssh-ed25519 without an EdDSA provider)
      // cannot match what the server presented, since the server could only present a type we
      // can decode; it still counts as a recorded key.
      return null;
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
              + "): fix the folder's permissions, or name a known_hosts file in "
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
