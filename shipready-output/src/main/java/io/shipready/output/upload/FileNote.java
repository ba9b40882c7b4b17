package io.shipready.output.upload;

import static java.util.Objects.requireNonNull;

/**
 * One file and what happened to it (or would happen, in a dry run), in words an operator can act
 * on.
 */
public record FileNote(String fileName, String reason) {
  public FileNote {
    requireNonNull(fileName, "fileName");
    requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return fileName + ": " + reason;
  }
}
