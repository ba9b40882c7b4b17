package io.shipready.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The shift report's queries on an SQLite file. */
class SqliteShiftReportTest extends ShiftReportContract {
  @TempDir static Path folder;

  @Override
  String url() {
    return folder.resolve("report.db").toString();
  }
}
