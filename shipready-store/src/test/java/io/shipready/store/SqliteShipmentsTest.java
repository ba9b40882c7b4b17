package io.shipready.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The packing records on an SQLite file. */
class SqliteShipmentsTest extends ShipmentsContract {
  @TempDir static Path folder;

  @Override
  String url() {
    return folder.resolve("packing.db").toString();
  }
}
