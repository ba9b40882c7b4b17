package io.shipready.store.internal;

import java.util.Set;

/** The file an OpenHTF record is written to: {@code <dut_id>.<start_time_millis>.json}. */
final class OpenHtfFileName {
  private OpenHtfFileName() {}

  /**
   * The name for this run, unique among {@code taken} (which it joins): two runs of one unit that
   * started in the same millisecond are told apart by run id.
   */
  static String of(ExportRun export, Set<String> taken) {
    String base = safe(export.dutId()) + "." + OpenHtfRecord.millis(export.run().started());
    String name = base + ".json";
    if (!taken.add(name)) {
      name = base + "." + safe(export.run().runId()) + ".json";
      taken.add(name);
    }
    return name;
  }

  /** Letters, digits, dot, dash and underscore; anything else (a slash, a space) becomes _. */
  private static String safe(String text) {
    return text.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
