package io.shipready.output.factoryfile;

import static java.util.Objects.requireNonNull;

import io.shipready.output.spi.FactoryFileKind;
import io.shipready.output.spi.FactoryFileReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The factory-file kinds stations write and the back office reads: every {@link FactoryFileKind}
 * registered with {@link ServiceLoader}. A kind is added by registering it, never by naming it
 * here.
 */
public final class FactoryFileKinds {
  /** Kinds with names first, by name; kinds that take files by their form after them. */
  private static final List<FactoryFileKind> KINDS = load();

  private FactoryFileKinds() {}

  /** Every registered kind. */
  public static List<FactoryFileKind> all() {
    return KINDS;
  }

  /** The kind a {@code file:} value means: a kind named so, else the first that takes its form. */
  public static Optional<FactoryFileKind> find(String file) {
    requireNonNull(file, "file");
    for (FactoryFileKind kind : KINDS) {
      if (kind.names().contains(file)) {
        return Optional.of(kind);
      }
    }
    return KINDS.stream().filter(kind -> kind.writes(file)).findFirst();
  }

  /**
   * @throws FactoryFileException for a value no kind takes, listing what the station writes
   */
  public static FactoryFileKind of(String file) {
    return find(file)
        .orElseThrow(
            () ->
                new FactoryFileException(
                    "factory file '"
                        + file
                        + "' is not one this station writes; use "
                        + described()));
  }

  /** Every reader the back office may read a factory file with. */
  public static List<FactoryFileReader> readers() {
    return KINDS.stream().flatMap(kind -> kind.reader().stream()).toList();
  }

  /** The kinds as a message lists them: "a, b, c, or a layout file (.yaml) ...". */
  public static String described() {
    List<String> parts = KINDS.stream().map(FactoryFileKind::describe).toList();
    if (parts.size() < 2) {
      return String.join("", parts);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + ", or "
        + parts.get(parts.size() - 1);
  }

  private static List<FactoryFileKind> load() {
    Map<String, FactoryFileKind> byName = new LinkedHashMap<>();
    List<FactoryFileKind> kinds = new ArrayList<>();
    for (FactoryFileKind kind :
        ServiceLoader.load(FactoryFileKind.class, FactoryFileKind.class.getClassLoader())) {
      for (String name : kind.names()) {
        FactoryFileKind other = byName.putIfAbsent(name, kind);
        if (other != null) {
          throw new IllegalStateException(
              "two factory-file kinds are named '"
                  + name
                  + "': "
                  + other.getClass().getName()
                  + " and "
                  + kind.getClass().getName()
                  + "; rename one or remove one from META-INF/services");
        }
      }
      kinds.add(kind);
    }
    kinds.sort(
        Comparator.comparing((FactoryFileKind kind) -> kind.names().isEmpty())
            .thenComparing(kind -> kind.names().isEmpty() ? "" : kind.names().get(0))
            .thenComparing(kind -> kind.getClass().getName()));
    return Collections.unmodifiableList(kinds);
  }

  /** Every name a kind is known by, for tests and listings. */
  public static List<String> names() {
    return KINDS.stream()
        .flatMap(kind -> kind.names().stream())
        .sorted()
        .collect(Collectors.toUnmodifiableList());
  }
}
