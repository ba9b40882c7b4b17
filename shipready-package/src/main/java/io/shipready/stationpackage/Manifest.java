package io.shipready.stationpackage;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a station package holds: its name and version, the line profile it was built from, and every
 * file with its SHA-256, size and role. The signature covers the manifest's exact bytes, so the
 * manifest vouches for every file.
 */
public record Manifest(
    int format, String name, String version, String line, Instant created, List<Entry> files) {
  public static final int FORMAT = 1;

  public Manifest {
    requireNonNull(name, "name");
    requireNonNull(version, "version");
    requireNonNull(line, "line");
    requireNonNull(created, "created");
    files = List.copyOf(files);
  }

  /**
   * One file, by its path inside the line profile ({@code /} between folders).
   *
   * @param executable whether the file is installed executable (a hook script, a tool)
   */
  public record Entry(String path, FileRole role, long size, String sha256, boolean executable) {
    public Entry {
      requireNonNull(path, "path");
      requireNonNull(role, "role");
      requireNonNull(sha256, "sha256");
    }
  }

  /** The files by path, in manifest order. */
  public Map<String, Entry> byPath() {
    Map<String, Entry> byPath = new LinkedHashMap<>();
    files.forEach(file -> byPath.put(file.path(), file));
    return byPath;
  }

  /** {@code name version}, as messages name a package. */
  public String title() {
    return name + " " + version;
  }
}
