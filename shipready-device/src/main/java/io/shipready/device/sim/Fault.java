package io.shipready.device.sim;

import static java.util.Objects.requireNonNull;

import io.shipready.core.spi.Radio;
import java.time.Duration;
import java.util.Set;

/**
 * Something wrong with a simulated unit, injected with {@link SimulatedDevice#inject(Fault)}.
 *
 * <p>A fault persists: a bad unit stays bad when the step is retried. Wrap it with {@link
 * #times(int)} to make it transient (it acts on that many attempts, then the unit behaves). Faults
 * compose: a unit may hold several, and each attempt of an operation meets them in the order they
 * were injected. Nothing about a fault is random; a planner that injects faults "at a rate" draws
 * its dice from {@link SimulatedFleet#draw(int, String)} to stay repeatable.
 *
 * <p>Faults that act on an operation name it with a string; a name the unit's family does not have
 * is refused when the fault is injected:
 *
 * <ul>
 *   <li>every family: {@code identify} (identifiers and versions), {@code console}, {@code reboot},
 *       {@code sensor:<quantity>}, {@code rssi:<band>} (band lowercased: ble, wifi, cellular)
 *   <li>afero-asr and particle: {@code flash:<region>}, {@code readback:<region>} (reading a
 *       region's hash or version); particle also {@code settings}, {@code markings}
 *   <li>azure-sphere: {@code install:<component id>} or {@code install:<image name>}, {@code
 *       delete:<component id>}, {@code images} (listing them), {@code os} (listing the OS
 *       components), {@code recover}, {@code state}, {@code fuses}, {@code wifi}, {@code ethernet}
 *   <li>{@code *}: every operation; {@code <prefix>:*}: every operation of that kind, such as
 *       {@code flash:*}
 * </ul>
 */
public sealed interface Fault
    permits Fault.FlashFailure,
        Fault.Unresponsive,
        Fault.Unplugged,
        Fault.LowRssi,
        Fault.OutOfLimits,
        Fault.IgnoresCancellation,
        Fault.StaleKeystore,
        Fault.CapabilityInstalled,
        Fault.WrongLabel,
        Fault.Transient {

  /** This fault, acting on the next {@code attempts} attempts only. */
  default Fault times(int attempts) {
    return new Transient(this, attempts);
  }

  /**
   * Writing a region fails after the whole image was sent ({@link
   * io.shipready.core.device.FlashFailedException}), or, with {@code readBackMismatch}, the write
   * seems to succeed but the region reads back different bytes. {@code region} may be {@code *}.
   */
  record FlashFailure(String region, boolean readBackMismatch) implements Fault {
    public FlashFailure {
      requireNonNull(region, "region");
    }

    public FlashFailure(String region) {
      this(region, false);
    }
  }

  /**
   * The operation never answers: it waits until the step is cancelled (the thread interrupted). A
   * console exchange gives up after its own timeout instead, as a real serial console does.
   */
  record Unresponsive(String operation) implements Fault {
    public Unresponsive {
      requireNonNull(operation, "operation");
    }
  }

  /**
   * The unit is pulled out during the operation: a transfer (flash, install, recover) stops halfway
   * and leaves the region or image incomplete; any other operation fails at once. Both throw {@link
   * io.shipready.core.device.DeviceUnreachableException}.
   */
  record Unplugged(String operation) implements Fault {
    public Unplugged {
      requireNonNull(operation, "operation");
    }
  }

  /** The station receives the unit's radio at {@code dBm} on the band (a detuned antenna). */
  record LowRssi(Radio.Band band, double dBm) implements Fault {
    public LowRssi {
      requireNonNull(band, "band");
    }
  }

  /** The fixture reads {@code value} for the quantity (a bad regulator, a short). */
  record OutOfLimits(String quantity, double value) implements Fault {
    public OutOfLimits {
      requireNonNull(quantity, "quantity");
    }
  }

  /**
   * The operation hangs for {@code duration} of real (unscaled) time and ignores cancellation
   * meanwhile, like a driver stuck in a system call. Afterwards it answers a cancellation that came
   * in the meantime, or else carries on. It always ends, so a test never leaks a thread for long.
   */
  record IgnoresCancellation(String operation, Duration duration) implements Fault {
    public IgnoresCancellation {
      requireNonNull(operation, "operation");
      requireNonNull(duration, "duration");
      if (duration.isNegative()) {
        throw new IllegalArgumentException("duration must not be negative: " + duration);
      }
    }
  }

  /**
   * An azure-sphere unit whose trusted keystore is older than the line's images: it lacks the named
   * keys, so loading an image signed with one fails with "Image not trusted by device" until a
   * newer keystore image is installed (or the OS is recovered, which brings a current keystore).
   * With no key ids, the unit keeps only the oldest key of {@link
   * SimulationSettings#trustedKeys()}. Acts once, when injected.
   */
  record StaleKeystore(Set<String> missingKeyIds) implements Fault {
    public StaleKeystore {
      missingKeyIds = Set.copyOf(requireNonNull(missingKeyIds, "missingKeyIds"));
    }

    /** Keeps only the oldest trusted key. */
    public StaleKeystore() {
      this(Set.of());
    }
  }

  /**
   * An azure-sphere unit that holds a device capability (for example {@link
   * io.shipready.device.sim.azuresphere.AzureSphereOs#FIELD_SERVICING}), as one left over from
   * rework would: a ready-to-ship check must catch it. Acts once, when injected.
   */
  record CapabilityInstalled(String capability) implements Fault {
    public CapabilityInstalled {
      requireNonNull(capability, "capability");
    }
  }

  /**
   * An afero-asr unit carrying the QR label printed for another unit (labels swapped on the line):
   * its {@code qr} marking reads another unit's association and device ids, so a station that
   * checks the label against the firmware must refuse it. Acts once, when injected.
   */
  record WrongLabel() implements Fault {}

  /** {@code fault}, acting on the next {@code attempts} attempts of its operation only. */
  record Transient(Fault fault, int attempts) implements Fault {
    public Transient {
      requireNonNull(fault, "fault");
      if (attempts < 1) {
        throw new IllegalArgumentException("a transient fault acts at least once, not " + attempts);
      }
      if (fault instanceof StaleKeystore
          || fault instanceof CapabilityInstalled
          || fault instanceof Transient) {
        throw new IllegalArgumentException(
            fault.getClass().getSimpleName()
                + " changes the unit once, when injected; it cannot be made transient");
      }
    }
  }
}
