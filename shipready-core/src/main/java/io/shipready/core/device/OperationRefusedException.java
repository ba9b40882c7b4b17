package io.shipready.core.device;

/**
 * The device refused an operation its rules forbid: an e-fuse write after Module1Complete, a step
 * back in manufacturing state, a second write to a write-once bit. The unit fails the step.
 */
public class OperationRefusedException extends DeviceException {
  public OperationRefusedException(String message) {
    super(message, true);
  }
}
