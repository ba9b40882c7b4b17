package io.shipready.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The provisioning records on an SQLite file. */
class SqliteProvisioningRecordsTest extends ProvisioningRecordsContract {
  @TempDir static Path folder;

  @Override
  String url() {
    return folder.resolve("provisioning.db").toString();
  }
}
