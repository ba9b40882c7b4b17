package io.shipready.backoffice;

import io.javalin.Javalin;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One feature of the back office's HTTP API (ingestion receipts, provisioning, ...). The server
 * builds one Javalin app and lets every feature add its routes and handlers to it, so features stay
 * in their own packages and the server only composes them.
 */
public interface HttpFeature {
  /** Adds this feature's routes, before-handlers and exception handlers. */
  void addTo(Javalin app);

  /** Registers the feature's own meters, served with the server's at {@code /metrics}. */
  default void bindTo(MeterRegistry registry) {}

  /** Releases what the feature holds (pools, threads); called when the server stops. */
  default void close() {}
}
