package io.shipready.core;

/**
 * The root of every error shipready raises on purpose. Subclasses name the area (recipe, device,
 * engine, store...). Messages name the object at fault and what to do about it, because operators
 * and engineers read them on the line, not developers in a debugger.
 */
public class ShipreadyException extends RuntimeException {
  public ShipreadyException(String message) {
    super(message);
  }

  public ShipreadyException(String message, Throwable cause) {
    super(message, cause);
  }
}
