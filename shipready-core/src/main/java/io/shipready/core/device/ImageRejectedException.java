package io.shipready.core.device;

/**
 * The device would not take an image. A device only says an image is not trusted, as a real one
 * does; the step that loads it decides what to try next (load a newer keystore, then retry).
 */
public class ImageRejectedException extends DeviceException {

  /** Why the image was refused. */
  public enum Reason {
    /**
     * Signed by a key the device's trusted keystore does not hold: "Image not trusted by device".
     */
    NOT_TRUSTED,
    /** Signed by a trusted key, but the signature does not match the bytes. */
    BAD_SIGNATURE,
    /** The device accepts signed images only. */
    UNSIGNED
  }

  private final Reason reason;

  public ImageRejectedException(String message, Reason reason) {
    super(message, true);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
