package io.shipready.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The demo's output folder, started clean: what a previous demo made there is moved aside whole
 * into {@code previous-<timestamp>}, so a run never appends to the last one's records, factory
 * files or back office, and nothing of it is lost. Anything else in the folder is left alone.
 */
final class DemoOutFolder {
  /** What the demo makes directly in its folder besides one folder per line. */
  static final List<String> MADE = List.of("demo.db", "demo.db-wal", "demo.db-shm", "backoffice");

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private DemoOutFolder() {}

  /**
   * Moves what an earlier demo made in {@code out} to {@code out/previous-<timestamp>}.
   *
   * @param lineFolders the names of the line folders the demo makes
   * @return where the previous run went, or empty when there was none
   */
  static Optional<Path> startClean(Path out, Collection<String> lineFolders, LocalDateTime now)
      throws IOException {
    Files.createDirectories(out);
    List<String> names = new ArrayList<>(MADE);
    names.addAll(lineFolders);
    List<Path> previous = names.stream().map(out::resolve).filter(p -> Files.exists(p)).toList();
    if (previous.isEmpty()) {
      return Optional.empty();
    }
    Path aside = out.resolve("previous-" + STAMP.format(now));
    for (int n = 2; Files.exists(aside); n++) {
      aside = out.resolve("previous-" + STAMP.format(now) + "-" + n);
    }
    Files.createDirectory(aside);
    for (Path made : previous) {
      Files.move(made, aside.resolve(made.getFileName()));
    }
    return Optional.of(aside);
  }
}
