package io.shipready.output.label;

import java.nio.file.Path;

/** Where the module's sources are, for golden files and the line profiles beside the module. */
final class ModuleDirs {
  private ModuleDirs() {}

  static Path module() {
    // Surefire sets basedir; an IDE runs tests from the module directory.
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
  }

  static Path repository() {
    return module().getParent();
  }

  static Path goldenDir() {
    return module().resolve("src/test/resources/label/golden");
  }
}
