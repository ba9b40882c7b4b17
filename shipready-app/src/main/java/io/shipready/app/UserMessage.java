package io.shipready.app;

import io.shipready.core.FileErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * An exception as a user reads it: what went wrong, in words, without Java's names for it. Many
 * messages quote the exception that caused them (a file that could not be read, a driver's
 * complaint); here each quoted cause is replaced by its meaning, whichever module wrote it.
 */
final class UserMessage {
  /** A class name such as {@code java.nio.file.NoSuchFileException} with its colon. */
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b:?\\s*");

  private UserMessage() {}

  static String of(Throwable thrown) {
    Throwable shown =
        thrown instanceof UncheckedIOException && thrown.getCause() != null
            ? thrown.getCause()
            : thrown;
    String message =
        shown instanceof IOException
            ? FileErrors.describe((IOException) shown)
            : shown.getMessage() == null ? "" : shown.getMessage();
    for (Throwable cause = shown.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException && message.contains(cause.toString())) {
        message = message.replace(cause.toString(), FileErrors.describe((IOException) cause));
      }
      if (cause == cause.getCause()) {
        break;
      }
    }
    return plain(message);
  }

  /** The message with any Java class name quoted in it left out. */
  static String plain(String message) {
    return CLASS_NAME.matcher(message).replaceAll("").strip();
  }
}
