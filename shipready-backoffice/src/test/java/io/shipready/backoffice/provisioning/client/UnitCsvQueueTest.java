package io.shipready.backoffice.provisioning.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A station's provisioning queue read row by row: each row's intent, and the rows refused. */
class UnitCsvQueueTest {
  private static final String HEADER =
      "device_id,serial,iccid,product,group,name,claim,activate_sim\n";
  private static final QueueDefaults NONE = new QueueDefaults(null, false, false, false);

  @TempDir Path dir;

  @Test
  void aRowsOwnValuesAreKeptAndEmptyCellsLeftToTheDefaults() throws Exception {
    Path queue =
        Files.writeString(
            dir.resolve("q.csv"),
            HEADER
                + "e00fce68aa1f3b2c4d5e6f70,P046AA1,89014103211118510720,12345,line-a,unit-1,"
                + "true,true\r\n"
                + "e00fce68aa1f3b2c4d5e6f71,P046AA2,,,,,FALSE,false\r\n");
    QueueCheck check = UnitCsv.check(queue, new QueueDefaults("999", true, true, true));
    assertThat(check.refused()).isEmpty();
    assertThat(check.units().get(0))
        .isEqualTo(
            new UnitRow(
                2,
                "e00fce68aa1f3b2c4d5e6f70",
                "P046AA1",
                "89014103211118510720",
                "12345",
                "line-a",
                "unit-1",
                true,
                true));
    UnitRow second = check.units().get(1);
    assertThat(second.product()).isNull();
    assertThat(second.group()).isNull();
    assertThat(second.claim()).isFalse();
    assertThat(second.activateSim()).isFalse();
  }

  @Test
  void everyRowThatCannotBeHonouredIsRefusedWithItsLineAndColumn() throws Exception {
    Path queue =
        Files.writeString(
            dir.resolve("q.csv"),
            HEADER
                + ",P1,,12345,,,,\n"
                + "e00fce68aa1f3b2c4d5e6f71,P2,,12/45,,,,\n"
                + "e00fce68aa1f3b2c4d5e6f72,P3,,12345,Line A,,,\n"
                + "e00fce68aa1f3b2c4d5e6f73,P4,,12345,,,s3cr3t-code,\n"
                + "e00fce68aa1f3b2c4d5e6f74,P5,,,,,true,\n"
                + "e00fce68aa1f3b2c4d5e6f75,P6,8901,12345,,,,true\n"
                + "e00fce68aa1f3b2c4d5e6f76,P7 MOBILESECRET1,,12345,,,,\n"
                + "e00fce68aa1f3b2c4d5e6f77,P8,,12345,,,,\n");
    QueueCheck check = UnitCsv.check(queue, new QueueDefaults(null, true, false, false));
    assertThat(check.refused())
        .extracting(r -> r.line() + " " + r.column())
        .containsExactly(
            "2 device_id", "3 product", "4 group", "5 claim", "6 product", "7 iccid", "8 serial");
    assertThat(check.refused().get(3).describe())
        .startsWith(queue + " line 5, column claim: not true or false")
        .doesNotContain("s3cr3t");
    assertThat(check.refused().get(4).problem()).contains("claims the device");
    assertThat(check.refused().get(6).describe()).doesNotContain("MOBILESECRET1");
    assertThat(check.units()).extracting(UnitRow::serial).containsExactly("P8");
  }

  @Test
  void anUnknownColumnRefusesTheFile() throws Exception {
    Path queue =
        Files.writeString(
            dir.resolve("q.csv"), "device_id,claim_code\ne00fce68aa1f3b2c4d5e6f70,x\n");
    assertThatThrownBy(() -> UnitCsv.check(queue, NONE))
        .isInstanceOf(ProvisionInputException.class)
        .hasMessageContaining("line 1, column 2: unknown column 'claim_code'");
  }

  @Test
  void withdrawnUnitsAreLeftOutRefusedOrNot() throws Exception {
    Path queue =
        Files.writeString(
            dir.resolve("q.csv"),
            HEADER
                + "e00fce68aa1f3b2c4d5e6f70,P1,,12345,,,maybe,\n"
                + "e00fce68aa1f3b2c4d5e6f71,P2,,12345,,,,\n"
                + "e00fce68aa1f3b2c4d5e6f72,P3,,12345,,,,\n");
    Files.writeString(
        dir.resolve("q.csv.withdrawn"),
        "e00fce68aa1f3b2c4d5e6f70,P1\ne00fce68aa1f3b2c4d5e6f71,P2\n");
    QueueCheck check = UnitCsv.check(queue, NONE);
    assertThat(check.refused()).isEmpty();
    assertThat(check.withdrawn()).isEqualTo(1);
    assertThat(check.units()).extracting(UnitRow::serial).containsExactly("P3");
  }
}
