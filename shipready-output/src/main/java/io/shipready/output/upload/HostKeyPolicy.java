package io.shipready.output.upload;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Which SFTP server host keys are trusted.
 *
 * @param knownHostsFile the station's OpenSSH known_hosts file (see {@link
 *     UploadEnvironment#knownHostsFile(java.util.Map)}): lines exactly as {@code ssh-keyscan}
 *     prints them
 * @param trustNew {@code true}: a host with no line in the file is trusted on first use and its key
 *     is appended to the file; {@code false}: it is refused, with the {@code ssh-keyscan} line that
 *     pins it. A host whose key differs from the recorded one is refused either way.
 */
public record HostKeyPolicy(Path knownHostsFile, boolean trustNew) {
  /** The command-line flag that asks for {@link #trustNew}, named in refusals. */
  public static final String TRUST_NEW_FLAG = "--trust-new-host-key";

  public HostKeyPolicy {
    requireNonNull(knownHostsFile, "knownHostsFile");
  }

  /** Trust only the hosts in this file (it is never written). */
  public static HostKeyPolicy knownHosts(Path file) {
    return new HostKeyPolicy(file, false);
  }

  /** Trust the hosts in this file, and a new host on first use, recording its key there. */
  public static HostKeyPolicy trustingNew(Path file) {
    return new HostKeyPolicy(file, true);
  }
}
