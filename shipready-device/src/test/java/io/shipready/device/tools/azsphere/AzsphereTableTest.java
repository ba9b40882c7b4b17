package io.shipready.device.tools.azsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AzsphereTableTest {
  private static ToolResult printed(String stdout) {
    return new ToolResult(
        "azsphere", List.of("device", "x"), 0, stdout, "", Duration.ofMillis(5), false);
  }

  @Test
  void columnsFollowTheBorderSoValuesMayHoldSpaces() {
    String table =
        """
         ------------- ------
         Name          Type
         ====================
         My Test App   Applications
         ------------- ------
        """;

    assertThat(AzsphereTable.rows(printed(table), List.of("Name", "Type")))
        .containsExactly(Map.of("Name", "My Test App", "Type", "Applications"));
  }

  @Test
  void aTableWithoutBordersIsSplitAtTheColumnNames() {
    String table =
        """
        DeviceId   IpAddress     ConnectionPath
        =========================================
        abc        192.168.35.2  21143
        """;

    assertThat(AzsphereTable.rows(printed(table), List.of("DeviceId")))
        .containsExactly(
            Map.of("DeviceId", "abc", "IpAddress", "192.168.35.2", "ConnectionPath", "21143"));
  }

  @Test
  void aMissingColumnIsNamedWithTheColumnsFound() {
    String table =
        """
         ------ ------
         Id     State
         =============
         abc    Blank
        """;

    assertThatThrownBy(() -> AzsphereTable.rows(printed(table), List.of("ManufacturingState")))
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining(
            "expected a table with the columns ManufacturingState (found [Id, State])");
  }

  @Test
  void aSingleValueNeedsExactlyOneRow() {
    String empty =
        """
         ------------------
         ManufacturingState
         ==================
         ------------------
        """;

    assertThatThrownBy(() -> AzsphereTable.single(printed(empty), "ManufacturingState"))
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining("one row under ManufacturingState, found 0 rows");
  }

  @Test
  void plainTextIsNotATable() {
    assertThatThrownBy(() -> AzsphereTable.rows(printed("Blank\n"), List.of("ManufacturingState")))
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining("azsphere: unexpected output from 'azsphere device x' (exit code 0)")
        .hasMessageContaining("it printed: Blank");
  }
}
