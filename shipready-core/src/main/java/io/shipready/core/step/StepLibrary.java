package io.shipready.core.step;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The step kinds a station knows, by name. */
public final class StepLibrary {
  private final Map<String, StepKind> kinds = new LinkedHashMap<>();

  public StepLibrary add(StepKind kind) {
    if (kinds.putIfAbsent(kind.name(), kind) != null) {
      throw new IllegalArgumentException("step kind '" + kind.name() + "' is defined twice");
    }
    return this;
  }

  public Optional<StepKind> find(String name) {
    return Optional.ofNullable(kinds.get(name));
  }

  public StepKind get(String name) {
    return find(name)
        .orElseThrow(() -> new IllegalArgumentException("no step kind '" + name + "'"));
  }

  public Collection<StepKind> kinds() {
    return Collections.unmodifiableCollection(kinds.values());
  }
}
