package io.shipready.output.factoryfile;

import io.shipready.output.config.StationConfig;
import io.shipready.output.config.StationIdentity;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/** Station configurations and rows for tests. */
final class TestStations {
  private TestStations() {}

  static StationConfig station(Path folder, String computerName, ZoneId zone) {
    return new StationConfig(
        new StationIdentity(
            "100-0012-01", "Acme Electronics, Ltd.", "Shenzhen-2", "PROG-01", "1.10"),
        computerName,
        "acme-plug",
        zone,
        folder.resolve("output"),
        folder.resolve("archive"),
        Map.of("line", "A"));
  }

  static StationConfig station(Path folder) {
    return station(folder, "LINE-PC-3", ZoneId.of("Asia/Shanghai"));
  }

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
