package io.shipready.store;

import static java.util.Objects.requireNonNull;

/** No unit carries the identifier that was asked for. */
public class UnknownIdentifierException extends StoreException {
  private final String identifier;

  public UnknownIdentifierException(String identifier) {
    super(
        "No unit carries the identifier '"
            + requireNonNull(identifier, "identifier")
            + "' (no serial, device id, ICCID, IMEI, MAC, association id or component barcode"
            + " has that value). Check the scan: a misread character, a missing leading zero or"
            + " the wrong label are the usual causes.");
    this.identifier = identifier;
  }

  public String identifier() {
    return identifier;
  }
}
