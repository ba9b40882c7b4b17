package io.shipready.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The CFX outbox on SQLite. */
class SqliteCfxOutboxTest extends CfxOutboxContract {
  @TempDir Path dir;

  @Override
  String url() {
    return dir.resolve("station.db").toString();
  }
}
