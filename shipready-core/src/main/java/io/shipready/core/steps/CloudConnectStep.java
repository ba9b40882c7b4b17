package io.shipready.core.steps;

import io.shipready.core.ShipreadyException;
import io.shipready.core.model.MeasurementSpec;
import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.CloudConnection;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Waits for the unit to connect to its cloud, within a budget. A cellular unit with an active SIM
 * goes through blinking green, blinking cyan and fast blinking cyan to breathing cyan, which can
 * take up to 20 minutes: the operator sees how long it has waited after every look, the time it
 * took is recorded (a measurement whose {@code source} is {@code connect_time}, in seconds), and a
 * unit still not connected when the budget runs out fails with the time spent.
 */
final class CloudConnectStep extends SimpleStepKind {
  static final String CONNECT_TIME = "connect_time";
  static final Duration DEFAULT_BUDGET = Duration.ofMinutes(20);
  static final Duration DEFAULT_POLL = Duration.ofSeconds(30);

  CloudConnectStep() {
    super(
        "cloud_connect",
        "Wait for the unit to connect to its cloud within a budget, showing the wait as it goes.",
        StepCategory.CHECK,
        true,
        ParamSpec.optional(
            "budget",
            ParamType.DURATION,
            "how long the unit may take to connect (default 20m); the step's timeout must be"
                + " longer"),
        ParamSpec.optional(
            "poll", ParamType.DURATION, "how often to ask the unit and report (default 30s)"));
  }

  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of(CloudConnection.class);
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    Duration budget = context.duration("budget", DEFAULT_BUDGET);
    Duration poll = context.duration("poll", DEFAULT_POLL);
    if (budget.isZero() || budget.isNegative() || poll.isZero() || poll.isNegative()) {
      throw new ShipreadyException(
          "step " + context.spec().id() + ": budget and poll must be longer than zero");
    }
    if (budget.compareTo(context.spec().timeout()) >= 0) {
      // The timeout would end the wait first, as a TIMEOUT without the time spent or a verdict.
      throw new ShipreadyException(
          "step "
              + context.spec().id()
              + ": its timeout ("
              + text(context.spec().timeout())
              + ") must be longer than its budget ("
              + text(budget)
              + "); set timeout: to more than the budget, e.g. "
              + (budget.toMinutes() + 5)
              + "m");
    }
    CloudConnection cloud = context.device().require(CloudConnection.class);
    context.log("waiting for the cloud connection (budget " + text(budget) + ")");
    CloudConnection.Wait end =
        cloud.awaitConnected(
            budget,
            poll,
            wait ->
                context.log(
                    "waiting for the cloud: "
                        + wait.status()
                        + ", "
                        + text(wait.elapsed())
                        + " of "
                        + text(budget)));
    double seconds = Math.round(end.elapsed().toMillis() / 100.0) / 10.0;
    boolean measured = false;
    for (MeasurementSpec m : context.spec().measurements()) {
      if (m.source().equals(CONNECT_TIME) || m.name().equals(CONNECT_TIME)) {
        context.measure(m.name(), seconds);
        measured = true;
      }
    }
    if (!measured) {
      context.attribute("cloud_connect_s", Double.toString(seconds));
    }
    if (!end.connected()) {
      throw new StepFailedException(
          "not connected to the cloud after "
              + text(end.elapsed())
              + " (budget "
              + text(budget)
              + "; last status: "
              + end.status()
              + "); check the SIM's activation, the antenna and the coverage");
    }
    context.log("connected to the cloud after " + text(end.elapsed()));
  }

  /** Minutes and seconds, as an operator reads a wait: 2m05s, 45s, 20m. */
  static String text(Duration duration) {
    long seconds = Math.round(duration.toMillis() / 1000.0);
    if (seconds < 60) {
      return seconds + "s";
    }
    return seconds % 60 == 0
        ? seconds / 60 + "m"
        : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
  }
}
