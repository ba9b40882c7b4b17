package io.shipready.device.sim;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** The faults acting on one attempt of one operation, in the order they were injected. */
public record Firing(List<Fault> faults) {
  static final Firing NONE = new Firing(List.of());

  public Firing {
    faults = List.copyOf(faults);
  }

  boolean unresponsive() {
    return faults.stream().anyMatch(f -> f instanceof Fault.Unresponsive);
  }

  boolean unplugged() {
    return faults.stream().anyMatch(f -> f instanceof Fault.Unplugged);
  }

  /** The longest hang among the faults that ignore cancellation. */
  Optional<Duration> ignoresCancellationFor() {
    return faults.stream()
        .filter(f -> f instanceof Fault.IgnoresCancellation)
        .map(f -> ((Fault.IgnoresCancellation) f).duration())
        .max(Duration::compareTo);
  }

  Optional<Fault.FlashFailure> flashFailure() {
    return faults.stream()
        .filter(f -> f instanceof Fault.FlashFailure)
        .map(f -> (Fault.FlashFailure) f)
        .findFirst();
  }

  /** The value a fault puts in place of the measured one; the last injected wins. */
  OptionalDouble valueOverride() {
    OptionalDouble value = OptionalDouble.empty();
    for (Fault f : faults) {
      if (f instanceof Fault.LowRssi low) {
        value = OptionalDouble.of(low.dBm());
      } else if (f instanceof Fault.OutOfLimits out) {
        value = OptionalDouble.of(out.value());
      }
    }
    return value;
  }
}
