package io.shipready.app.cli;

import static java.util.Objects.requireNonNull;

import io.shipready.backoffice.provisioning.client.CompletedOperation;
import io.shipready.backoffice.provisioning.client.OperationListener;
import io.shipready.backoffice.provisioning.client.UnitRow;
import io.shipready.store.ProvisioningOperation;
import io.shipready.store.ProvisioningRecords;
import io.shipready.store.Store;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code provision --db}: writes each operation into the unit's record as it ends, committed before
 * the operation goes into the journal, so the record misses nothing the next run would skip.
 */
final class ProvisionRecorder implements OperationListener, AutoCloseable {
  private final Store store;
  private final ProvisioningRecords records;
  private final String api;
  private final String queueFile;
  private final Map<String, ProvisioningRecords.Unit> units = new ConcurrentHashMap<>();

  ProvisionRecorder(Store store, URI api, Path queue) {
    this.store = requireNonNull(store, "store");
    this.records = store.provisioningRecords();
    // Only scheme, host and port: the records never keep anything that came with the URL.
    URI base = requireNonNull(api, "api");
    this.api =
        base.getScheme()
            + "://"
            + base.getHost()
            + (base.getPort() < 0 ? "" : ":" + base.getPort());
    this.queueFile = queue.getFileName().toString();
  }

  /** Whether the records know the unit; found once, before anything is sent. */
  boolean knows(UnitRow unit) {
    if (units.containsKey(unit.deviceId())) {
      return true;
    }
    var found = records.unit(unit.deviceId(), queueFile);
    found.ifPresent(known -> units.put(unit.deviceId(), known));
    return found.isPresent();
  }

  String describe() {
    return store.describe();
  }

  @Override
  public void ended(CompletedOperation operation) {
    ProvisioningRecords.Unit unit = units.get(operation.unit().deviceId());
    if (unit == null) {
      throw new IllegalStateException(
          "unit " + operation.unit().deviceId() + " was not looked up before the run");
    }
    records.record(
        unit,
        new ProvisioningOperation(
            operation.at(),
            operation.operation(),
            null,
            operation.product(),
            operation.target(),
            operation.result().name(),
            operation.httpStatus(),
            operation.message(),
            api,
            queueFile,
            operation.unit().line()));
  }

  @Override
  public void close() {
    store.close();
  }
}
