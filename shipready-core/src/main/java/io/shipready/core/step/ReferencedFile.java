package io.shipready.core.step;

import static java.util.Objects.requireNonNull;

/**
 * A file a step names (an image, a label template, a hook, an OS list), which the station checks is
 * there, and is the approved one where the recipe pins its hash, before the first unit: a missing
 * file then stops the station once instead of failing every unit.
 *
 * @param param the parameter under {@code with:} that names it, for the problem's place
 * @param what what the file is, for people: "image", "label template"
 * @param path the file as the recipe writes it, relative to the recipe's folder
 * @param sha256 the SHA-256 the recipe pins it to, or null when it pins none
 */
public record ReferencedFile(String param, String what, String path, String sha256, Lookup lookup) {
  /** Where the station finds the file. */
  public enum Lookup {
    /** Through the station's image library, as the step loads it. */
    IMAGE,
    /** In the recipe's folder. */
    FILE,
    /** In the recipe's folder, and run as a program, so it must be executable too. */
    PROGRAM
  }

  public ReferencedFile {
    requireNonNull(param, "param");
    requireNonNull(what, "what");
    requireNonNull(path, "path");
    requireNonNull(lookup, "lookup");
  }

  public static ReferencedFile image(String param, String path, String sha256) {
    return new ReferencedFile(param, "image", path, sha256, Lookup.IMAGE);
  }

  public static ReferencedFile file(String param, String what, String path) {
    return new ReferencedFile(param, what, path, null, Lookup.FILE);
  }

  public static ReferencedFile program(String param, String path) {
    return new ReferencedFile(param, "program", path, null, Lookup.PROGRAM);
  }
}
