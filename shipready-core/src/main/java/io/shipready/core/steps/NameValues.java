package io.shipready.core.steps;

import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A list parameter of {@code name=value} entries, as the output steps take extra fields. */
final class NameValues {
  private NameValues() {}

  static Map<String, String> of(StepContext context, String param) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String entry : context.strings(param)) {
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw new StepFailedException(
            param
                + " entry '"
                + entry
                + "' of step "
                + context.spec().id()
                + " is not name=value; write it as e.g. fcc_id=2AXYZ-ASR1");
      }
      values.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
    }
    return values;
  }
}
