package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

import io.shipready.output.spi.PrinterFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * The ways a station reaches a printer: every {@link PrinterFactory} registered with {@link
 * ServiceLoader}, keyed by the scheme a {@code printer:} value starts with, in registration order
 * (messages list them in that order). A way is added by registering it, never by naming it here.
 */
public final class Printers {
  private static final List<PrinterFactory> FACTORIES = load();

  private Printers() {}

  /** Every registered factory, in registration order. */
  public static List<PrinterFactory> all() {
    return FACTORIES;
  }

  /** Every scheme, e.g. {@code [tcp://, lp:, folder:]}. */
  public static List<String> schemes() {
    return FACTORIES.stream().map(PrinterFactory::scheme).toList();
  }

  /** The factory whose scheme {@code value} starts with. */
  public static Optional<PrinterFactory> find(String value) {
    requireNonNull(value, "value");
    return FACTORIES.stream().filter(f -> value.startsWith(f.scheme())).findFirst();
  }

  /** The forms of every way, for a message: "tcp://host[:port], lp:queue or folder:path". */
  public static String forms() {
    return listed(PrinterFactory::form, " or ");
  }

  /** How to write each way, for a fix: "tcp://<host>[:9100] for ..., or folder:<path> ...". */
  public static String hints() {
    return listed(PrinterFactory::hint, ", or ");
  }

  private static String listed(Function<PrinterFactory, String> part, String last) {
    List<String> parts = FACTORIES.stream().map(part).toList();
    if (parts.size() < 2) {
      return String.join("", parts);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + last
        + parts.get(parts.size() - 1);
  }

  private static List<PrinterFactory> load() {
    List<PrinterFactory> factories = new ArrayList<>();
    for (PrinterFactory factory :
        ServiceLoader.load(PrinterFactory.class, PrinterFactory.class.getClassLoader())) {
      for (PrinterFactory other : factories) {
        if (factory.scheme().startsWith(other.scheme())
            || other.scheme().startsWith(factory.scheme())) {
          throw new IllegalStateException(
              "printer schemes '"
                  + other.scheme()
                  + "' ("
                  + other.getClass().getName()
                  + ") and '"
                  + factory.scheme()
                  + "' ("
                  + factory.getClass().getName()
                  + ") overlap; a printer value must start with one scheme only");
        }
      }
      factories.add(factory);
    }
    return Collections.unmodifiableList(factories);
  }
}
