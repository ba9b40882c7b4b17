package io.shipready.output.upload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * An OpenSSH known_hosts file, read line by line as {@code ssh-keyscan} writes it: plain or hashed
 * ({@code |1|salt|hash}) host names, {@code [host]:port} for other ports than 22, several key types
 * per host, {@code @revoked} markers.
 *
 * <p>A line this runtime cannot read (a key type it does not know, a broken line) is set aside with
 * its number, not a reason to refuse the whole file: it cannot match a key the server presents,
 * since the server can only present a type we read, but it still counts as a key recorded for its
 * host, so another key for that host is not taken on first use.
 */
final class KnownHosts {
  /**
   * One line of the file.
   *
   * @param lineNumber from 1
   * @param entry the parsed host patterns, marker and key entry
   * @param key the key, empty when this runtime cannot decode its type
   */
  record Line(int lineNumber, KnownHostEntry entry, Optional<PublicKey> key) {
    /** The key type as the line names it, e.g. {@code ssh-ed25519}. */
    String keyType() {
      return entry.getKeyEntry().getKeyType();
    }

    boolean revoked() {
      return "revoked".equals(entry.getMarker());
    }

    /** A plain host line (no {@code @revoked} or {@code @cert-authority} marker). */
    boolean plain() {
      return entry.getMarker() == null;
    }

    boolean matches(PublicKey presented) {
      return key.isPresent() && KeyUtils.compareKeys(key.get(), presented);
    }
  }

  /**
   * A line that could not be read at all.
   *
   * @param lineNumber from 1
   * @param reason why
   */
  record Skipped(int lineNumber, String reason) {}

  private final Path file;
  private final List<Line> lines;
  private final List<Skipped> skipped;

  private KnownHosts(Path file, List<Line> lines, List<Skipped> skipped) {
    this.file = file;
    this.lines = List.copyOf(lines);
    this.skipped = List.copyOf(skipped);
  }

  /** Reads the file; a missing file is an empty one. */
  static KnownHosts read(Path file) throws IOException {
    List<String> text;
    try {
      text = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      text = List.of();
    }
    return parse(file, text);
  }

  static KnownHosts parse(Path file, List<String> text) {
    List<Line> lines = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      String line = text.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      KnownHostEntry entry;
      try {
        entry = KnownHostEntry.parseKnownHostEntry(line);
      } catch (RuntimeException e) {
        skipped.add(new Skipped(i + 1, String.valueOf(e.getMessage())));
        continue;
      }
      if (entry == null || entry.getKeyEntry() == null) {
        skipped.add(new Skipped(i + 1, "no host and key"));
        continue;
      }
      lines.add(new Line(i + 1, entry, decode(entry)));
    }
    return new KnownHosts(file, lines, skipped);
  }

  Path file() {
    return file;
  }

  /** The lines for this host and port, in file order. */
  List<Line> forHost(String host, int port) {
    List<Line> found = new ArrayList<>();
    for (Line line : lines) {
      if (line.entry().isHostMatch(host, port)) {
        found.add(line);
      }
    }
    return found;
  }

  /** The key types recorded (not revoked) for this host and port, in file order. */
  List<String> keyTypes(String host, int port) {
    return forHost(host, port).stream().filter(Line::plain).map(Line::keyType).distinct().toList();
  }

  List<Skipped> skipped() {
    return skipped;
  }

  private static Optional<PublicKey> decode(KnownHostEntry entry) {
    try {
      return Optional.ofNullable(
          entry.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.IGNORING));
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
