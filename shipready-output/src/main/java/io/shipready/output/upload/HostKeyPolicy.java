package io.shipready.output.upload;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Which SFTP server host keys are trusted.
 *
 * @param knownHostsFile an OpenSSH known_hosts file ({@code [host]:port} entries for ports other
 *     than 22, as {@code ssh-keyscan -p} writes them)
 * @param recordUnknown {@code true}: a host not in the file is trusted on first use and its key is
 *     appended to the file; {@code false}: a host not in the file is refused. A host whose key
 *     differs from the recorded one is refused either way.
 */
public record HostKeyPolicy(Path knownHostsFile, boolean recordUnknown) {
  /** The file name used beside the archive folder when no known_hosts file is given. */
  public static final String RECORDED_FILE_NAME = "sftp_known_hosts";

  public HostKeyPolicy {
    requireNonNull(knownHostsFile, "knownHostsFile");
  }

  /** Trust only the hosts in this file (it is never written). */
  public static HostKeyPolicy knownHosts(Path file) {
    return new HostKeyPolicy(file, false);
  }

  /**
   * Trust a host on first use and record its key in {@value #RECORDED_FILE_NAME} beside the archive
   * folder (so {@code /data/archive} gets {@code /data/sftp_known_hosts}); refuse a changed key
   * later.
   */
  public static HostKeyPolicy recordBeside(Path archiveFolder) {
    requireNonNull(archiveFolder, "archiveFolder");
    Path archive = archiveFolder.toAbsolutePath().normalize();
    Path beside = archive.getParent() == null ? archive : archive.getParent();
    return new HostKeyPolicy(beside.resolve(RECORDED_FILE_NAME), true);
  }
}
