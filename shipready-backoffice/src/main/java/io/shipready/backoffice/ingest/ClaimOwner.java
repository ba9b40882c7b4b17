package io.shipready.backoffice.ingest;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that holds a claim: its host, pid and start time (a pid alone may have been given to
 * a new process since). A back office can tell whether a process of its own host still lives, and
 * takes back at once the claims of one that does not; another host's claims wait for their lease.
 *
 * @param started the process's start, in epoch milliseconds; null when the system does not say
 */
record ClaimOwner(String host, long pid, Long started) {
  private static final ClaimOwner CURRENT =
      new ClaimOwner(localHost(), ProcessHandle.current().pid(), started(ProcessHandle.current()));

  static ClaimOwner current() {
    return CURRENT;
  }

  /** Whether this is a process of this host that no longer runs. */
  boolean goneFromThisHost() {
    if (!CURRENT.host.equals(host)) {
      return false;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return true;
    }
    Long now = started(process.get());
    // The pid lives, but as another process than the one that claimed.
    return started != null && now != null && !started.equals(now);
  }

  static Long started(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli).orElse(null);
  }

  private static String localHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
