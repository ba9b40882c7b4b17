package io.shipready.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Empties the operating system's page cache, so the next reads of a database come from the disk:
 * what a trace meets on a store nobody has read lately. Linux only, and only for root; where it
 * cannot, it says why instead.
 */
public final class OsPageCache {
  private static final Path DROP_CACHES = Path.of("/proc/sys/vm/drop_caches");

  /** Whether the cache was emptied, and how (or why not), in words for the benchmark's output. */
  public record Drop(boolean dropped, String note) {}

  private OsPageCache() {}

  /** Writes dirty pages out ({@code sync}), then drops the clean ones from the page cache. */
  public static Drop drop() {
    if (!Files.exists(DROP_CACHES)) {
      return new Drop(false, "OS page cache not dropped: no " + DROP_CACHES + " (Linux only)");
    }
    if (!Files.isWritable(DROP_CACHES)) {
      return new Drop(
          false, "OS page cache not dropped: " + DROP_CACHES + " is writable by root only");
    }
    try {
      Process sync = new ProcessBuilder("sync").inheritIO().start();
      if (!sync.waitFor(60, TimeUnit.SECONDS) || sync.exitValue() != 0) {
        sync.destroyForcibly();
        return new Drop(false, "OS page cache not dropped: sync did not finish within 60 s");
      }
      // 1: the page cache only; dentries and inodes stay, they are not the database's pages.
      Files.writeString(DROP_CACHES, "1\n");
      return new Drop(true, "OS page cache dropped (sync; 1 > " + DROP_CACHES + ")");
    } catch (IOException failed) {
      return new Drop(false, "OS page cache not dropped: " + failed.getMessage());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return new Drop(false, "OS page cache not dropped: interrupted");
    }
  }
}
