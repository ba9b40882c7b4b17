package io.shipready.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * What went wrong with a file, in words: the file system's exceptions carry the reason in their
 * class name and only the path in their message, which alone reads as nonsense to a user.
 */
public final class FileErrors {
  private FileErrors() {}

  /**
   * Why a file the user named could not be read, e.g. "recipe not found: x.yaml" or "lines/sample
   * is a folder; give the recipe file (e.g. lines/sample/recipe.yaml)".
   *
   * @param what what the file is, e.g. "recipe"
   * @param usualName the usual file name inside a folder, e.g. "recipe.yaml"
   */
  public static String unreadable(Path file, IOException failure, String what, String usualName) {
    if (Files.isDirectory(file)) {
      return file
          + " is a folder; give the "
          + what
          + " file (e.g. "
          + file.resolve(usualName)
          + ")";
    }
    if (failure instanceof NoSuchFileException) {
      return what + " not found: " + file;
    }
    return "cannot read the " + what + " " + file + ": " + describe(failure);
  }

  /** Any I/O failure as a sentence without Java's names for it. */
  public static String describe(IOException failure) {
    if (failure instanceof FileSystemException) {
      FileSystemException onFile = (FileSystemException) failure;
      String file = onFile.getFile();
      String other = onFile.getOtherFile() == null ? "" : " (and " + onFile.getOtherFile() + ")";
      if (onFile instanceof NoSuchFileException) {
        return "no such file or folder: " + file + other;
      }
      if (onFile instanceof AccessDeniedException) {
        return "permission denied: " + file + other;
      }
      if (onFile instanceof FileAlreadyExistsException) {
        return "already exists: " + file + other;
      }
      if (onFile instanceof NotDirectoryException) {
        return "not a folder: " + file;
      }
      if (onFile instanceof DirectoryNotEmptyException) {
        return "folder not empty: " + file;
      }
      if (file != null) {
        String reason = onFile.getReason();
        return file + other + ": " + (reason == null ? "cannot be used" : reason);
      }
    }
    String message = failure.getMessage();
    return message == null || message.isBlank() ? "input/output error" : message;
  }
}
