/**
 * Metrics for Prometheus: what a station measures about itself, served at {@code /metrics} on the
 * station page.
 */
package io.shipready.app.metrics;
