package io.shipready.output.afero;

/** Afero rows for tests. */
final class TestUnits {
  private TestUnits() {}

  /** A valid programming row for the unit numbered {@code n}. */
  static ProgrammingRow programming(long n) {
    return ProgrammingRow.builder()
        .profile("23371", "1")
        .bootloader("1.2.0", "2")
        .app("3.1.7", "3")
        .wifi("19.6.1", "4")
        .deviceId(String.format("%016X", n))
        .associationId(String.format("%024X", n * 7919))
        .companyCode("ACME")
        .bleMac(String.format("%012X", n))
        .build();
  }
}
