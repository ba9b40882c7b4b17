package io.shipready.stationpackage;

/**
 * Argon2id settings for turning a passphrase into a package key. They are written into each
 * encrypted package, so a package opens with the settings it was made with.
 *
 * @param memoryKiB memory per derivation, in KiB
 * @param iterations passes over the memory
 * @param parallelism lanes
 */
public record KdfSettings(int memoryKiB, int iterations, int parallelism) {
  /** 64 MiB, 3 passes, 1 lane: about a second on a factory PC, costly to guess at scale. */
  public static final KdfSettings DEFAULT = new KdfSettings(64 * 1024, 3, 1);

  /** The least a package is built with; lower settings only make guessing cheaper. */
  public static final int MIN_MEMORY_KIB = 8;

  /**
   * The most a package may ask for, when built and when opened: a tampered header must not cost a
   * PC more than a few seconds and 256 MiB before the passphrase is found wrong.
   */
  public static final int MAX_MEMORY_KIB = 256 * 1024;

  public static final int MAX_ITERATIONS = 10;
  public static final int MAX_PARALLELISM = 16;

  public KdfSettings {
    if (memoryKiB < MIN_MEMORY_KIB || memoryKiB > MAX_MEMORY_KIB) {
      throw new PackageException(
          "Argon2id memory "
              + memoryKiB
              + " KiB is outside "
              + MIN_MEMORY_KIB
              + ".."
              + MAX_MEMORY_KIB
              + " KiB");
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new PackageException(
          "Argon2id iterations " + iterations + " is outside 1.." + MAX_ITERATIONS);
    }
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new PackageException(
          "Argon2id parallelism " + parallelism + " is outside 1.." + MAX_PARALLELISM);
    }
    if (memoryKiB < 8 * parallelism) {
      throw new PackageException(
          "Argon2id needs at least 8 KiB of memory per lane: "
              + memoryKiB
              + " KiB for "
              + parallelism
              + " lanes");
    }
  }
}
