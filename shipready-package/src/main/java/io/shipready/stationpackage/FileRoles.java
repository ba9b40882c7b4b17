package io.shipready.stationpackage;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a line profile's files apart by where they sit and what they hold. The same rules run when
 * a package is built and when a station starts, so a recipe, image or label dropped into an
 * installed package is seen for what it is.
 */
public final class FileRoles {
  private static final Set<String> IMAGE_EXTENSIONS =
      Set.of("bin", "hex", "elf", "img", "uf2", "sig", "imagepackage", "dfu");
  private static final Pattern RECIPE_KEY = Pattern.compile("(?m)^recipe\\s*:");

  private FileRoles() {}

  /**
   * The role of a file.
   *
   * @param path the file's path inside the line profile, with {@code /} between folders
   * @param content the file's bytes (only YAML files are looked into)
   */
  public static FileRole classify(String path, byte[] content) {
    String lower = path.toLowerCase(Locale.ROOT);
    String name = lower.substring(lower.lastIndexOf('/') + 1);
    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    if (lower.startsWith("images/") || IMAGE_EXTENSIONS.contains(extension)) {
      return FileRole.IMAGE;
    }
    if (lower.startsWith("labels/") || extension.equals("zpl")) {
      return FileRole.LABEL;
    }
    if (name.matches(".*\\.template\\.(yaml|yml|json)")) {
      return FileRole.CONFIG_TEMPLATE;
    }
    if ((extension.equals("yaml") || extension.equals("yml"))
        && RECIPE_KEY.matcher(new String(content, StandardCharsets.UTF_8)).find()) {
      return FileRole.RECIPE;
    }
    return FileRole.OTHER;
  }

  /** Whether a file of this role may only come from the package (everything but OTHER). */
  public static boolean controlled(FileRole role) {
    return role != FileRole.OTHER;
  }
}
