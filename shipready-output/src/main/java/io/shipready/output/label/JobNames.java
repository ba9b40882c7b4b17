package io.shipready.output.label;

/** Job names made safe for file names and queues. */
final class JobNames {
  private static final int MAX_LENGTH = 100;

  private JobNames() {}

  /**
   * Keeps letters, digits, '.', '_' and '-' and replaces anything else with '_', so that a job name
   * can never leave its folder or hide as a dot file.
   */
  static String fileSafe(String jobName) {
    StringBuilder safe = new StringBuilder();
    for (int i = 0; i < jobName.length() && safe.length() < MAX_LENGTH; i++) {
      char c = jobName.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-'
              || (c == '.' && safe.length() > 0);
      safe.append(ok ? c : '_');
    }
    return safe.length() == 0 ? "label" : safe.toString();
  }
}
