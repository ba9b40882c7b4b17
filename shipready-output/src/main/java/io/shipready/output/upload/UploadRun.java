package io.shipready.output.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.sshd.sftp.common.SftpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One end-of-day upload: the state of a single {@link DayUploader#upload} or {@link
 * DayUploader#dryRun} call.
 *
 * <p>How a file travels: it is skipped when the receipt book knows its name and content; refused
 * when a file of its name is on the server with other content, or in the archive with other
 * content; recorded (not sent) when the server already has it with exactly our content; otherwise
 * written under a temporary name ({@code .<name>.part-<random>}), checked for size, read back and
 * hashed, renamed to its name without overwriting, archived, and given a receipt. A connection
 * fault at any point drops the connection, waits, reconnects, removes our temporary file and starts
 * the file again; the final name only ever holds a verified copy.
 */
final class UploadRun {
  private static final Logger log = LoggerFactory.getLogger(UploadRun.class);

  private final UploadSettings settings;
  private final UploadTarget target;
  private final ReceiptBook receipts;
  private final SftpConnector connector;
  private final Archive archive;
  private final Backoff backoff;
  private final ProgressListener progress;
  private final boolean dryRun;

  private SftpLink link;

  /** Our temporary files on the server that still have to be removed. */
  private final Set<String> leftovers = new LinkedHashSet<>();

  /** Files with a receipt (sent before, now, or recorded now): the listing must show them. */
  private final List<LocalFile> delivered = new ArrayList<>();

  private final List<UploadReceipt> sent = new ArrayList<>();
  private final List<UploadReceipt> recorded = new ArrayList<>();
  private final List<FileNote> planned = new ArrayList<>();
  private final List<FileNote> skipped = new ArrayList<>();
  private final List<FileNote> refused = new ArrayList<>();
  private final List<FileNote> failed = new ArrayList<>();
  private final List<ListingDifference> differences = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  private long doneBytes;
  private long totalBytes;

  UploadRun(
      UploadSettings settings,
      ReceiptBook receipts,
      SftpConnector connector,
      ProgressListener progress,
      boolean dryRun) {
    this.settings = settings;
    this.target = settings.target();
    this.receipts = receipts;
    this.connector = connector;
    this.archive = new Archive(settings.archiveFolder());
    this.backoff = new Backoff(settings.firstBackoff(), settings.maxBackoff());
    this.progress = progress;
    this.dryRun = dryRun;
  }

  UploadReport run(List<Path> paths) {
    List<LocalFile> todo = prepare(paths);
    totalBytes = todo.stream().mapToLong(LocalFile::size).sum();
    try {
      Map<String, Long> listing = listFolder();
      if (!dryRun) {
        removeStaleTemporaries(paths, listing);
      }
      for (int i = 0; i < todo.size(); i++) {
        LocalFile file = todo.get(i);
        try {
          if (dryRun) {
            plan(file);
          } else {
            send(file);
          }
        } catch (SftpUnreachableException e) {
          failed.add(new FileNote(file.name(), e.getMessage()));
          for (LocalFile rest : todo.subList(i + 1, todo.size())) {
            failed.add(
                new FileNote(rest.name(), "not tried: the SFTP server stopped answering (above)"));
          }
          warnings.add("The server's listing was not compared: the server stopped answering.");
          return finish();
        }
        doneBytes += file.size();
        progress.progress(
            new UploadProgress(file.name(), file.size(), file.size(), doneBytes, totalBytes));
      }
      compareListing();
      return finish();
    } finally {
      if (link != null) {
        link.close();
      }
    }
  }

  /** Removes what is left of our temporary files and makes the report. */
  private UploadReport finish() {
    if (!leftovers.isEmpty() && link != null && link.isOpen()) {
      removeLeftovers(new RemoteFolder(link.sftp(), target));
    }
    for (String leftover : leftovers) {
      warnings.add(
          "Our temporary file "
              + leftover
              + " could not be removed from the server; the next run removes it, or remove it"
              + " by hand (it is never the final name).");
    }
    return new UploadReport(
        dryRun, sent, recorded, planned, skipped, refused, failed, differences, warnings);
  }

  /** Reads and hashes the local files, and settles what needs no server. */
  private List<LocalFile> prepare(List<Path> paths) {
    Map<String, Path> seen = new LinkedHashMap<>();
    List<LocalFile> todo = new ArrayList<>();
    for (Path path : paths) {
      String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
      Path first = seen.putIfAbsent(name, path);
      if (first != null) {
        refused.add(
            new FileNote(
                name,
                path
                    + " has the same name as "
                    + first
                    + " in this run; only the first is sent. Rename one of them."));
        continue;
      }
      if (name.startsWith(".") || name.isEmpty()) {
        refused.add(
            new FileNote(
                name,
                "names starting with '.' are not sent (the upload uses them for its temporary"
                    + " files); rename "
                    + path
                    + "."));
        continue;
      }
      LocalFile file;
      try {
        file = read(name, path);
      } catch (IOException e) {
        failed.add(new FileNote(name, "cannot read " + path + " (" + e + ")."));
        continue;
      }
      if (receipts.alreadySent(name, file.sha256())) {
        skipped.add(new FileNote(name, "already sent with the same content (receipt found)."));
        delivered.add(file);
        continue;
      }
      Optional<String> conflict = archive.conflict(file);
      if (conflict.isPresent()) {
        refused.add(new FileNote(name, conflict.get()));
        continue;
      }
      todo.add(file);
    }
    return todo;
  }

  private static LocalFile read(String name, Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new IOException("not a regular file");
    }
    Sha256 sha = new Sha256();
    long size = 0;
    try (InputStream in = Files.newInputStream(path)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
        size += n;
      }
    }
    return new LocalFile(name, path, size, sha.hex());
  }

  private Map<String, Long> listFolder() {
    try {
      return withRetry("list " + target.folder(), RemoteFolder::list);
    } catch (SftpException e) {
      throw new UploadException(
          "The SFTP server "
              + target.server()
              + " refused to list "
              + target.folder()
              + " ("
              + e.getMessage()
              + "): check that the account may read that folder.",
          e);
    }
  }

  /** Temporary files a stopped earlier run left for files of this run. */
  private void removeStaleTemporaries(List<Path> paths, Map<String, Long> listing) {
    for (Path path : paths) {
      String prefix = "." + path.getFileName() + ".part-";
      listing.keySet().stream()
          .filter(name -> name.startsWith(prefix))
          .forEach(name -> leftovers.add(target.remotePath(name)));
    }
    if (!leftovers.isEmpty()) {
      try {
        withRetry("remove temporary files", remote -> null);
      } catch (SftpException e) {
        // reported as a leftover warning at the end
      }
    }
  }

  private void send(LocalFile file) {
    String finalPath = target.remotePath(file.name());
    boolean[] renamed = {false};
    Outcome outcome;
    try {
      outcome = withRetry("send " + file.name(), remote -> sendOnce(remote, file, renamed));
    } catch (SftpException e) {
      failed.add(
          new FileNote(
              file.name(),
              "the server refused it ("
                  + e.getMessage()
                  + "); check the account's rights in "
                  + target.folder()
                  + " and the space left on the server."));
      return;
    }
    switch (outcome.kind()) {
      case REFUSED -> refused.add(new FileNote(file.name(), outcome.reason()));
      case FAILED -> failed.add(new FileNote(file.name(), outcome.reason()));
      case SENT, RECORDED -> {
        try {
          archive.keep(file);
        } catch (ArchiveException e) {
          failed.add(
              new FileNote(
                  file.name(),
                  "it is on the server as "
                      + finalPath
                      + " but was not archived: "
                      + e.getMessage()
                      + " The next run finds it on the server and archives it, without sending it"
                      + " again."));
          return;
        }
        UploadReceipt receipt =
            new UploadReceipt(
                file.name(),
                file.size(),
                file.sha256(),
                finalPath,
                settings.clock().instant(),
                outcome.serverSize());
        receipts.recordReceipt(receipt);
        delivered.add(file);
        if (outcome.kind() == Outcome.Kind.SENT) {
          sent.add(receipt);
          log.info("Sent {} ({} bytes) to {}", file.name(), file.size(), target.server());
        } else {
          recorded.add(receipt);
          log.info("{} was already on {} with the same content: recorded", file.name(), target);
        }
      }
      default -> throw new IllegalStateException("not an outcome of a send: " + outcome);
    }
  }

  private Outcome sendOnce(RemoteFolder remote, LocalFile file, boolean[] renamed)
      throws IOException {
    String finalPath = target.remotePath(file.name());
    OptionalLong existing = remote.size(finalPath);
    if (existing.isPresent()) {
      Optional<String> difference = compareExisting(remote, file, existing.getAsLong());
      if (difference.isPresent()) {
        return Outcome.refused(difference.get());
      }
      // Ours from an earlier try whose answer to the rename was lost, or a previous run's.
      return renamed[0]
          ? Outcome.sent(existing.getAsLong())
          : Outcome.recorded(existing.getAsLong());
    }
    String temporary = target.remotePath("." + file.name() + ".part-" + Archive.randomSuffix());
    leftovers.add(temporary);
    String sentSha =
        remote.create(
            file,
            temporary,
            bytes ->
                progress.progress(
                    new UploadProgress(
                        file.name(), bytes, file.size(), doneBytes + bytes, totalBytes)));
    if (!sentSha.equals(file.sha256())) {
      discard(remote, temporary);
      return Outcome.failed(
          file.path()
              + " changed while it was being sent; its copy on the server was removed. The day's"
              + " files must be closed before the upload: run again once nothing writes to it.");
    }
    long size = remote.size(temporary).orElse(-1);
    if (size != file.size()) {
      discard(remote, temporary);
      return Outcome.failed(
          "the server stored "
              + size
              + " of its "
              + file.size()
              + " bytes; the incomplete copy was removed. Check the space left on the server and"
              + " run again.");
    }
    String remoteSha = remote.sha256(temporary);
    if (!remoteSha.equals(file.sha256())) {
      discard(remote, temporary);
      return Outcome.failed(
          "the server's copy reads back with SHA-256 "
              + remoteSha
              + " instead of "
              + file.sha256()
              + "; the bad copy was removed. Run again; if it happens again, the server or the"
              + " network corrupts files.");
    }
    renamed[0] = true;
    try {
      remote.renameNoOverwrite(temporary, finalPath);
    } catch (SftpException e) {
      OptionalLong appeared = remote.size(finalPath);
      discard(remote, temporary);
      if (appeared.isPresent()) {
        return Outcome.refused(
            "a file named "
                + file.name()
                + " appeared on the server while ours was being sent; it was not overwritten and"
                + " our copy was removed. Find out who else sends files of this name.");
      }
      throw e;
    }
    leftovers.remove(temporary);
    return Outcome.sent(size);
  }

  /** Why the file on the server is not ours, or empty when it is exactly ours. */
  private Optional<String> compareExisting(RemoteFolder remote, LocalFile file, long serverSize)
      throws IOException {
    String finalPath = target.remotePath(file.name());
    if (serverSize == file.size() && remote.sha256(finalPath).equals(file.sha256())) {
      return Optional.empty();
    }
    return Optional.of(
        finalPath
            + " is already on the server with other content ("
            + serverSize
            + " bytes, ours has "
            + file.size()
            + (serverSize == file.size() ? ", same size but another SHA-256" : "")
            + "); it was not touched, files on the server are never overwritten. If ours is a"
            + " newer version of the same day's file, ask the receiving side which one counts.");
  }

  private void plan(LocalFile file) {
    String finalPath = target.remotePath(file.name());
    Outcome outcome;
    try {
      outcome =
          withRetry(
              "look at " + file.name(),
              remote -> {
                OptionalLong existing = remote.size(finalPath);
                if (existing.isEmpty()) {
                  return Outcome.sent(-1);
                }
                Optional<String> difference = compareExisting(remote, file, existing.getAsLong());
                return difference.map(Outcome::refused).orElse(Outcome.recorded(-1));
              });
    } catch (SftpException e) {
      failed.add(
          new FileNote(file.name(), "the server refused to show it (" + e.getMessage() + ")."));
      return;
    }
    switch (outcome.kind()) {
      case SENT ->
          planned.add(
              new FileNote(
                  file.name(), "would send " + file.size() + " bytes to " + finalPath + "."));
      case RECORDED ->
          planned.add(
              new FileNote(
                  file.name(),
                  "already on the server with the same content: would record its receipt and"
                      + " archive it, not send it again."));
      case REFUSED -> refused.add(new FileNote(file.name(), outcome.reason()));
      default -> failed.add(new FileNote(file.name(), outcome.reason()));
    }
  }

  private void compareListing() {
    Map<String, Long> listing;
    try {
      listing = withRetry("list " + target.folder(), RemoteFolder::list);
    } catch (SftpException | SftpUnreachableException e) {
      warnings.add("The server's listing could not be read to compare it: " + e.getMessage());
      return;
    }
    for (LocalFile file : delivered) {
      Long size = listing.get(file.name());
      if (size == null || size != file.size()) {
        differences.add(
            new ListingDifference(
                file.name(),
                target.remotePath(file.name()),
                file.size(),
                size == null ? -1 : size));
      }
    }
  }

  /** Runs an action on a live connection, reconnecting with backoff after connection faults. */
  private <T> T withRetry(String what, RemoteAction<T> action) throws SftpException {
    IOException last = null;
    for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
      if (attempt > 1) {
        backoff.sleepBefore(attempt);
      }
      try {
        return action.run(remote());
      } catch (SftpException e) {
        throw e; // the server answered: not a connection fault, and retrying will not change it
      } catch (IOException e) {
        last = e;
        dropLink();
        log.warn(
            "{}: the connection to {} failed (try {} of {}): {}",
            what,
            target.server(),
            attempt,
            settings.attempts(),
            e.toString());
      }
    }
    throw new SftpUnreachableException(
        "Could not "
            + what
            + " on the SFTP server "
            + target.server()
            + ": the connection failed "
            + settings.attempts()
            + " times, last with "
            + last
            + ". Check the network and the server, then run again: nothing is left half-written"
            + " under a final name, and files already sent are not sent again.",
        last);
  }

  private RemoteFolder remote() throws IOException {
    if (link == null || !link.isOpen()) {
      dropLink();
      link = connector.connect();
    }
    RemoteFolder remote = new RemoteFolder(link.sftp(), target);
    removeLeftovers(remote);
    return remote;
  }

  /** Removes our temporary files; a refusal is left for the end-of-run warning. */
  private void removeLeftovers(RemoteFolder remote) {
    for (String leftover : List.copyOf(leftovers)) {
      try {
        remote.removeIfPresent(leftover);
        leftovers.remove(leftover);
      } catch (SftpException e) {
        log.warn("Cannot remove our temporary file {}: {}", leftover, e.getMessage());
      } catch (IOException e) {
        return; // the connection is gone; the next connection tries again
      }
    }
  }

  private void discard(RemoteFolder remote, String temporary) throws IOException {
    try {
      remote.removeIfPresent(temporary);
      leftovers.remove(temporary);
    } catch (SftpException e) {
      log.warn("Cannot remove our temporary file {}: {}", temporary, e.getMessage());
    }
  }

  private void dropLink() {
    if (link != null) {
      link.close();
      link = null;
    }
  }

  @FunctionalInterface
  private interface RemoteAction<T> {
    T run(RemoteFolder remote) throws IOException;
  }

  private record Outcome(Kind kind, String reason, long serverSize) {
    enum Kind {
      SENT,
      RECORDED,
      REFUSED,
      FAILED
    }

    static Outcome sent(long serverSize) {
      return new Outcome(Kind.SENT, "", serverSize);
    }

    static Outcome recorded(long serverSize) {
      return new Outcome(Kind.RECORDED, "", serverSize);
    }

    static Outcome refused(String reason) {
      return new Outcome(Kind.REFUSED, reason, -1);
    }

    static Outcome failed(String reason) {
      return new Outcome(Kind.FAILED, reason, -1);
    }
  }
}
