package io.shipready.app.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.shipready.core.event.Event;
import io.shipready.core.model.StepOutcome;
import io.shipready.core.spi.EventListener;
import io.shipready.store.RecordWriter;
import io.shipready.store.UploadReceipts;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * A station's metrics for Prometheus, fed from the station's event stream (units by outcome, step
 * durations, label failures) and its record writer (events waiting, commit time). First-pass yield
 * is read from the same shift figures the station page shows; end-of-day uploads, which run as
 * their own command, from the upload receipts in the records.
 *
 * <p>Names, as scraped: {@code shipready_units_total{station,outcome}}, {@code
 * shipready_step_duration_seconds{station,step,outcome}} (histogram), {@code
 * shipready_first_pass_yield{station}}, {@code shipready_record_writer_pending_events{station}},
 * {@code shipready_record_commit_seconds{station}} (histogram), {@code
 * shipready_label_print_failures_total{station}}, and {@link UploadMetrics}' upload meters.
 */
public final class StationMetrics implements EventListener {
  /** Step durations span a console check (a second) to an OS recovery (a quarter of an hour). */
  private static final Duration[] STEP_BUCKETS = {
    Duration.ofMillis(100),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofMinutes(1),
    Duration.ofMinutes(2),
    Duration.ofMinutes(5),
    Duration.ofMinutes(15)
  };

  private static final Duration[] COMMIT_BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(1000)
  };

  private static final String LABEL_STEP = "label";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Tags station;

  /** Held here because the upload meters hold it only weakly. */
  private UploadMetrics uploads;

  /**
   * @param stationId the station's id, a label on every metric
   * @param firstPassYield units whose first run passed, out of units that ran (0..1)
   */
  public StationMetrics(String stationId, DoubleSupplier firstPassYield) {
    requireNonNull(firstPassYield, "firstPassYield");
    this.station = Tags.of("station", requireNonNull(stationId, "stationId"));
    Gauge.builder("shipready.first.pass.yield", firstPassYield, DoubleSupplier::getAsDouble)
        .description("Units whose first run at this station passed, out of units that ran")
        .strongReference(true)
        .tags(station)
        .register(registry);
  }

  /** Also reports the record writer's backlog and commit times. */
  public StationMetrics watching(RecordWriter writer) {
    requireNonNull(writer, "writer");
    Gauge.builder("shipready.record.writer.pending", writer, RecordWriter::pending)
        .description("Events queued for the record and not yet committed")
        .baseUnit("events")
        .tags(station)
        .register(registry);
    Timer commits =
        Timer.builder("shipready.record.commit")
            .description("Time to write and commit one transaction of the record")
            .tags(station)
            .serviceLevelObjectives(COMMIT_BUCKETS)
            .register(registry);
    writer.observeCommits((events, took) -> commits.record(took));
    return this;
  }

  /**
   * Also reports the end-of-day uploads the records keep. They carry no station label: they are the
   * records' uploads, which a shared database holds for every station.
   */
  public StationMetrics countingUploads(UploadReceipts receipts) {
    uploads = new UploadMetrics(receipts);
    uploads.bindTo(registry);
    return this;
  }

  @Override
  public void on(Event event) {
    if (event instanceof Event.RunFinished finished) {
      Counter.builder("shipready.units")
          .description("Units whose run ended, by outcome")
          .tags(station.and("outcome", finished.outcome().name()))
          .register(registry)
          .increment();
    } else if (event instanceof Event.StepFinished step) {
      if (step.duration() != null) {
        Timer.builder("shipready.step.duration")
            .description("Time each step attempt took, by step and outcome")
            .tags(station.and("step", step.stepId(), "outcome", outcome(step.outcome())))
            .serviceLevelObjectives(STEP_BUCKETS)
            .register(registry)
            .record(step.duration());
      }
      if (LABEL_STEP.equals(step.kind())
          && step.outcome() != StepOutcome.PASS
          && step.outcome() != StepOutcome.SKIPPED) {
        Counter.builder("shipready.label.print.failures")
            .description("Label steps that did not print (printer unreachable, refused, no label)")
            .tags(station)
            .register(registry)
            .increment();
      }
    }
  }

  private static String outcome(StepOutcome outcome) {
    return outcome == null ? "NONE" : outcome.name();
  }

  /** The registry, for tests and for more meters of the same station. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Everything, in Prometheus' text format. */
  public String scrape() {
    return registry.scrape();
  }
}
