package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

/**
 * A unit whose fields cannot go on the label: a field the template needs is missing, or a value
 * breaks the line profile's rules (an association id that is not 24 hex digits) or ZPL itself.
 */
public class LabelFieldException extends LabelException {
  private final String field;

  public LabelFieldException(String field, String message) {
    super(message);
    this.field = requireNonNull(field, "field");
  }

  /** The unit field at fault, e.g. "device_id". */
  public String field() {
    return field;
  }
}
