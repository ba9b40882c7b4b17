package io.shipready.device.sim;

import io.shipready.core.spi.Radio;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The faults one unit holds, and which of them act on an attempt of an operation. Transient faults
 * are used up as they act; the order of injection is the order they act in.
 */
final class FaultInjector {
  private static final int ALWAYS = -1;

  private final List<Armed> armed = new ArrayList<>();

  private static final class Armed {
    final Fault fault;
    int remaining;

    Armed(Fault fault, int remaining) {
      this.fault = fault;
      this.remaining = remaining;
    }
  }

  synchronized void add(Fault fault) {
    if (fault instanceof Fault.Transient t) {
      armed.add(new Armed(t.fault(), t.attempts()));
    } else {
      armed.add(new Armed(fault, ALWAYS));
    }
  }

  synchronized void clear() {
    armed.clear();
  }

  /** The faults still able to act, transient ones wrapped with what is left of them. */
  synchronized List<Fault> active() {
    List<Fault> faults = new ArrayList<>();
    for (Armed a : armed) {
      if (a.remaining == ALWAYS) {
        faults.add(a.fault);
      } else if (a.remaining > 0) {
        faults.add(new Fault.Transient(a.fault, a.remaining));
      }
    }
    return faults;
  }

  /**
   * The faults that act on this attempt of an operation known by any of {@code names}; a transient
   * fault that acts is used up by one.
   */
  synchronized Firing fire(List<String> names) {
    List<Fault> fired = new ArrayList<>();
    for (Armed a : armed) {
      if (a.remaining != 0 && actsOn(a.fault, names)) {
        fired.add(a.fault);
        if (a.remaining > 0) {
          a.remaining--;
        }
      }
    }
    return new Firing(fired);
  }

  /**
   * Like {@link #fire(List)} but only for faults that change a value ({@link Fault.LowRssi}, {@link
   * Fault.OutOfLimits}): for values an operation reports on the side, such as the RSSI in a Wi-Fi
   * status.
   */
  synchronized Firing fireValues(String name) {
    List<Fault> fired = new ArrayList<>();
    for (Armed a : armed) {
      boolean valueFault = a.fault instanceof Fault.LowRssi || a.fault instanceof Fault.OutOfLimits;
      if (valueFault && a.remaining != 0 && actsOn(a.fault, List.of(name))) {
        fired.add(a.fault);
        if (a.remaining > 0) {
          a.remaining--;
        }
      }
    }
    return new Firing(fired);
  }

  static String rssiOperation(Radio.Band band) {
    return "rssi:" + band.name().toLowerCase(Locale.ROOT);
  }

  private static boolean actsOn(Fault fault, List<String> names) {
    String pattern = pattern(fault);
    if (pattern == null) {
      return false;
    }
    for (String name : names) {
      if (matches(pattern, name)) {
        return true;
      }
    }
    return false;
  }

  /** The operation a fault acts on, or null for faults that act once, when injected. */
  private static String pattern(Fault fault) {
    if (fault instanceof Fault.FlashFailure f) {
      return "flash:" + f.region();
    } else if (fault instanceof Fault.Unresponsive f) {
      return f.operation();
    } else if (fault instanceof Fault.Unplugged f) {
      return f.operation();
    } else if (fault instanceof Fault.IgnoresCancellation f) {
      return f.operation();
    } else if (fault instanceof Fault.LowRssi f) {
      return rssiOperation(f.band());
    } else if (fault instanceof Fault.OutOfLimits f) {
      return "sensor:" + f.quantity();
    }
    return null;
  }

  /** {@code *} matches everything, {@code flash:*} every name starting {@code flash:}. */
  static boolean matches(String pattern, String name) {
    if (pattern.equals("*")) {
      return true;
    }
    if (pattern.endsWith(":*")) {
      String prefix = pattern.substring(0, pattern.length() - 1);
      return name.regionMatches(true, 0, prefix, 0, prefix.length());
    }
    return pattern.equalsIgnoreCase(name);
  }
}
