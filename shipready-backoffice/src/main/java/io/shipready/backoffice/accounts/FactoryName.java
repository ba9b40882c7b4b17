package io.shipready.backoffice.accounts;

import io.shipready.backoffice.BackofficeException;
import java.util.regex.Pattern;

/**
 * A factory's name: its SFTP user name and the name of its folder, so it is kept to what every file
 * system and SSH client takes.
 */
public final class FactoryName {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  private FactoryName() {}

  public static boolean isValid(String name) {
    return name != null && NAME.matcher(name).matches() && !name.contains("..");
  }

  /**
   * @throws BackofficeException naming the rule the name breaks
   */
  public static String check(String name) {
    if (!isValid(name)) {
      throw new BackofficeException(
          "factory name '"
              + name
              + "' cannot be used: write 1 to 63 lower-case letters, digits, '.', '_' or '-',"
              + " starting with a letter or digit, e.g. acme-shenzhen");
    }
    return name;
  }
}
