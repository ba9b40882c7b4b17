package io.shipready.output.factoryfile;

import io.shipready.output.config.StationConfig;
import io.shipready.output.config.StationIdentity;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/** Station configurations and rows for tests. */
public final class TestStations {
  private TestStations() {}

  public static StationConfig station(Path folder, String computerName, ZoneId zone) {
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

  public static StationConfig station(Path folder) {
    return station(folder, "LINE-PC-3", ZoneId.of("Asia/Shanghai"));
  }
}
