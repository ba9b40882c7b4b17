package io.shipready.backoffice.provisioning.client;

/**
 * Told of each operation as it ends, before it goes into the journal: so a record it keeps (the
 * station's store) never misses an operation the journal would skip on the next run. Called from
 * the run's workers, concurrently. An exception stops the run: the operation is not journaled, and
 * the next run asks for it again (the API answers it as already done).
 */
@FunctionalInterface
public interface OperationListener {
  OperationListener NONE = operation -> {};

  void ended(CompletedOperation operation);
}
