package io.shipready.output.particle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.output.config.StationConfig;
import io.shipready.output.config.StationIdentity;
import io.shipready.output.factoryfile.FactoryFileException;
import io.shipready.output.factoryfile.InvalidRowException;
import io.shipready.output.factoryfile.RowReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisioningQueueTest {
  // 23:30 UTC on 31 December is already 1 January in Shanghai: the group takes the station's day.
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-12-31T23:30:00Z"), ZoneId.of("UTC"));

  @TempDir Path dir;

  private StationConfig station() {
    return new StationConfig(
        new StationIdentity("200-0044-01", "Acme", "Shenzhen-2", "PT-PROG-1", "1.1"),
        "line3-pc",
        "pcp-1.0",
        ZoneId.of("Asia/Shanghai"),
        dir.resolve("out"),
        dir.resolve("archive"),
        Map.of());
  }

  private static Map<String, String> unit() {
    Map<String, String> unit = new HashMap<>();
    unit.put("device_id", "a954e4bc2d81cadd64feba16");
    unit.put("serial", "P046AA3712771");
    unit.put("iccid", "89314432058989754507");
    unit.put("product", "12345");
    unit.put("name", "P046AA3712771");
    unit.put("claim", "true");
    unit.put("activate_sim", "false");
    return unit;
  }

  @Test
  void writesTheHeaderTheBackOfficeReadsAndNamesTheGroupAfterTheStationsDay() throws Exception {
    try (ProvisioningQueue queue = new ProvisioningQueue(station(), CLOCK)) {
      Map<String, String> unit = unit();
      unit.put("group", "{date}_{station}");
      RowReference row = queue.append(unit);
      assertThat(row.fileName()).isEqualTo("provisioning-queue_PT-PROG-1_20260101.csv");
      assertThat(Files.readAllLines(dir.resolve("out").resolve(row.fileName())))
          .containsExactly(
              "device_id,serial,iccid,product,group,name,claim,activate_sim",
              "a954e4bc2d81cadd64feba16,P046AA3712771,89314432058989754507,12345,"
                  + "20260101_pt-prog-1,P046AA3712771,true,false");
    }
  }

  @Test
  void aGroupPatternMayNameUnitFieldsButNotOnesTheUnitLacks() {
    try (ProvisioningQueue queue = new ProvisioningQueue(station(), CLOCK)) {
      assertThat(queue.group("lot-{serial}", unit())).isEqualTo("lot-p046aa3712771");
      assertThatThrownBy(() -> queue.group("{date}_{lot}", unit()))
          .isInstanceOf(FactoryFileException.class)
          .hasMessageContaining("names {lot}, which the unit has no value for");
    }
  }

  @Test
  void anEmptyPatternLeavesTheGroupToProvisioning() {
    try (ProvisioningQueue queue = new ProvisioningQueue(station(), CLOCK)) {
      assertThat(queue.group("", unit())).isEmpty();
    }
  }

  @Test
  void aUnitWithoutAnIccidIsRefusedBeforeAnythingIsWritten() {
    try (ProvisioningQueue queue = new ProvisioningQueue(station(), CLOCK)) {
      Map<String, String> unit = unit();
      unit.remove("iccid");
      assertThatThrownBy(() -> queue.append(unit))
          .isInstanceOf(InvalidRowException.class)
          .hasMessageContaining("needs field 'iccid'");
      assertThat(dir.resolve("out").resolve("provisioning-queue_PT-PROG-1_20260101.csv"))
          .doesNotExist();
    }
  }
}
