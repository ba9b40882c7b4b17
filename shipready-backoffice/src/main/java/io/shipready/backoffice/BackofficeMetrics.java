package io.shipready.backoffice;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.shipready.backoffice.ingest.IngestOutcome;

/**
 * The back office's metrics for Prometheus, served at {@code /metrics}: every API request by route
 * and status (from one request hook, so no route counts itself), the requests the rate limit
 * refused, and what became of every ingested file and how many unit rows it brought. Features add
 * their own meters through {@link HttpFeature#bindTo}.
 *
 * <p>Names, as scraped: {@code shipready_api_requests_total{method,route,status}}, {@code
 * shipready_api_rate_limited_total{route}}, {@code shipready_ingest_files_total{factory,state}}
 * (state completed, rejected or duplicate), {@code shipready_ingest_rows_total{factory}}.
 */
public final class BackofficeMetrics {
  /** Prometheus' text exposition format, version 0.0.4. */
  public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  public static final String PATH = "/metrics";

  /** The route label of a request no route took, so scanners cannot grow the label set. */
  static final String UNMATCHED = "unmatched";

  private static final int TOO_MANY_REQUESTS = 429;

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public MeterRegistry registry() {
    return registry;
  }

  /** Serves the metrics at {@value #PATH}. */
  void addTo(Javalin app) {
    app.get(PATH, ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
  }

  /** Counts a finished request; Javalin's request logger calls it for every request. */
  void request(Context ctx) {
    // A request that reached no route (an unknown path, or one a before-handler refused) has no
    // route path to name it by.
    String route = ctx.handlerType() == HandlerType.BEFORE ? UNMATCHED : ctx.endpointHandlerPath();
    int status = ctx.status().getCode();
    Counter.builder("shipready.api.requests")
        .description("HTTP requests answered, by method, route and status")
        .tags("method", ctx.method().name(), "route", route, "status", Integer.toString(status))
        .register(registry)
        .increment();
    if (status == TOO_MANY_REQUESTS) {
      Counter.builder("shipready.api.rate.limited")
          .description("Requests refused by the rate limit, by route")
          .tags("route", route)
          .register(registry)
          .increment();
    }
  }

  /** Counts what became of an ingested file. */
  void ingested(IngestOutcome outcome) {
    Counter.builder("shipready.ingest.files")
        .description("Factory files ingested, by factory and what became of them")
        .tags("factory", outcome.factory(), "state", outcome.state())
        .register(registry)
        .increment();
    Counter.builder("shipready.ingest.rows")
        .description("Unit rows read from ingested factory files")
        .tags("factory", outcome.factory())
        .register(registry)
        .increment(outcome.rows());
  }
}
