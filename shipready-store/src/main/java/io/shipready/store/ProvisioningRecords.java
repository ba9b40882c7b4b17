package io.shipready.store;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.Identifier;
import io.shipready.store.internal.Micros;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The records' side of cloud provisioning: which unit a queued device id is, and each operation
 * done for it, committed (and on SQLite synced) before {@link #record} returns, so a provisioning
 * run that stops half-way leaves every completed operation in the unit's record.
 */
public final class ProvisioningRecords {
  private final Jdbi read;
  private final Jdbi write;
  private final String described;
  // Operations of one unit completing in the same microsecond still get distinct keys.
  private final AtomicLong lastMicros = new AtomicLong();

  ProvisioningRecords(Jdbi read, Jdbi write, String described) {
    this.read = requireNonNull(read, "read");
    this.write = requireNonNull(write, "write");
    this.described = requireNonNull(described, "described");
  }

  /**
   * A unit the records know by its device id, and the run its operations belong to.
   *
   * @param unitId the store's number for the unit
   * @param runKey the run that wrote the unit's row to the queue file, else its latest run
   */
  public record Unit(long unitId, Long runKey) {}

  /**
   * The unit whose device id this is (not one two units share), with the run that queued it into
   * {@code queueFile} (a file name); empty when the records have no such unit.
   */
  public Optional<Unit> unit(String deviceId, String queueFile) {
    requireNonNull(deviceId, "deviceId");
    try {
      return read.withHandle(
          handle -> {
            Optional<Long> unit =
                handle
                    .createQuery(
                        "SELECT unit_id FROM unit_identifiers WHERE kind = :kind"
                            + " AND value IN (:lower, :upper) AND duplicate = 0")
                    .bind("kind", Identifier.DEVICE_ID)
                    .bind("lower", deviceId.toLowerCase(Locale.ROOT))
                    .bind("upper", deviceId.toUpperCase(Locale.ROOT))
                    .mapTo(Long.class)
                    .findFirst();
            if (unit.isEmpty()) {
              return Optional.<Unit>empty();
            }
            Optional<Long> queued =
                handle
                    .createQuery(
                        "SELECT run_key FROM factory_file_rows WHERE unit_id = :unit"
                            + " AND file_name = :file AND run_key IS NOT NULL"
                            + " ORDER BY row_number DESC LIMIT 1")
                    .bind("unit", unit.get())
                    .bind("file", queueFile == null ? "" : queueFile)
                    .mapTo(Long.class)
                    .findFirst();
            Optional<Long> run =
                queued.isPresent()
                    ? queued
                    : handle
                        .createQuery(
                            "SELECT id FROM runs WHERE unit_id = :unit"
                                + " ORDER BY started_at DESC, id DESC LIMIT 1")
                        .bind("unit", unit.get())
                        .mapTo(Long.class)
                        .findFirst();
            return Optional.of(new Unit(unit.get(), run.orElse(null)));
          });
    } catch (JdbiException failed) {
      throw failure("find the unit of device " + deviceId, failed);
    }
  }

  /** Records one completed operation of the unit durably. */
  public void record(Unit unit, ProvisioningOperation operation) {
    requireNonNull(unit, "unit");
    requireNonNull(operation, "operation");
    long at = distinctMicros(operation.at());
    try {
      write.useTransaction(
          handle ->
              handle
                  .createUpdate(
                      "INSERT INTO provisioning_operations (unit_id, at, operation, run_key,"
                          + " product, target, result, status, message, api, queue_file,"
                          + " queue_line) VALUES (:unit, :at, :operation, :run, :product,"
                          + " :target, :result, :status, :message, :api, :file, :line)")
                  .bind("unit", unit.unitId())
                  .bind("at", at)
                  .bind("operation", operation.operation())
                  .bind("run", unit.runKey())
                  .bind("product", operation.product())
                  .bind("target", operation.target())
                  .bind("result", operation.result())
                  .bind("status", operation.httpStatus())
                  .bind("message", operation.message())
                  .bind("api", operation.api())
                  .bind("file", operation.queueFile())
                  .bind("line", operation.queueLine())
                  .execute());
    } catch (JdbiException failed) {
      throw failure("record the " + operation.operation() + " of unit #" + unit.unitId(), failed);
    }
  }

  private long distinctMicros(Instant at) {
    long wanted = Micros.of(at);
    return lastMicros.updateAndGet(last -> Math.max(last + 1, wanted));
  }

  private StoreException failure(String what, Exception failed) {
    Throwable root = failed;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return new StoreException(
        "Cannot " + what + " in the store " + described + ": " + root.getMessage(), failed);
  }
}
