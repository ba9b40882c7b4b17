package io.shipready.device.sim;

/** The Luhn check digit that ends an IMEI and an ICCID. */
public final class Luhn {
  private Luhn() {}

  /** The digit that makes {@code digits + checkDigit} pass the Luhn check. */
  public static int checkDigit(String digits) {
    int sum = 0;
    boolean doubleIt = true; // the rightmost payload digit is doubled once the check digit is added
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digit(digits, i);
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return (10 - sum % 10) % 10;
  }

  public static String withCheckDigit(String digits) {
    return digits + checkDigit(digits);
  }

  public static boolean valid(String number) {
    if (number.length() < 2) {
      return false;
    }
    String payload = number.substring(0, number.length() - 1);
    return number.chars().allMatch(Character::isDigit)
        && checkDigit(payload) == digit(number, number.length() - 1);
  }

  private static int digit(String digits, int i) {
    char c = digits.charAt(i);
    if (c < '0' || c > '9') {
      throw new IllegalArgumentException("not a digit at " + i + " in '" + digits + "'");
    }
    return c - '0';
  }
}
