package io.shipready.backoffice.provisioning.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A unit scrapped after it was queued is withdrawn: provisioning leaves it out. */
class UnitCsvWithdrawnTest {
  private static final String QUEUE =
      """
      device_id,serial,iccid
      e00fce68aa1f3b2c4d5e6f70,P046AA2961118,89014103211118510720
      e00fce68aa1f3b2c4d5e6f71,P046AA2961119,89014103211118510721
      """;

  @TempDir Path dir;

  @Test
  void theWithdrawnUnitsAreLeftOut() throws Exception {
    Path queue = Files.writeString(dir.resolve("provisioning-queue_S_20261204.csv"), QUEUE);
    assertThat(UnitCsv.read(queue, true, true)).hasSize(2);

    Files.writeString(
        dir.resolve("provisioning-queue_S_20261204.csv.withdrawn"),
        "e00fce68aa1f3b2c4d5e6f70,P046AA2961118,89014103211118510720\n");
    assertThat(UnitCsv.read(queue, true, true))
        .extracting(UnitRow::serial)
        .containsExactly("P046AA2961119");

    Files.writeString(
        dir.resolve("provisioning-queue_S_20261204.csv.withdrawn"),
        QUEUE.lines().skip(1).map(l -> l + "\n").reduce("", String::concat));
    assertThatThrownBy(() -> UnitCsv.read(queue, true, true))
        .hasMessageContaining("every unit in it is withdrawn");
  }
}
