package io.shipready.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The factory-row records on an SQLite file. */
class SqliteFactoryRowRecordsTest extends FactoryRowRecordsContract {
  @TempDir static Path folder;

  @Override
  String url() {
    return folder.resolve("rows.db").toString();
  }
}
