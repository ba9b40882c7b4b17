package io.shipready.output.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosedDaysTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void aDayClosesAtTheStationsMidnightNotAtUtcs() {
    // 16:30 UTC on the 15th is 00:30 on the 16th in Shanghai: the 15th is closed there.
    Instant now = Instant.parse("2025-01-15T16:30:00Z");
    List<Path> files =
        List.of(
            Path.of("01_PC_prog_20250115+0800.afero"),
            Path.of("01_PC_prog_20250116+0800.afero"),
            Path.of("particle-programming_PT-1_20250115.csv"),
            Path.of("particle-programming_PT-1_20250116.csv"),
            Path.of("notes.csv"));

    ClosedDays.Selection closed = ClosedDays.select(files, SHANGHAI, now, false);

    assertThat(closed.send())
        .containsExactly(
            Path.of("01_PC_prog_20250115+0800.afero"),
            Path.of("particle-programming_PT-1_20250115.csv"),
            Path.of("notes.csv"));
    assertThat(closed.today())
        .containsExactly(
            Path.of("01_PC_prog_20250116+0800.afero"),
            Path.of("particle-programming_PT-1_20250116.csv"));
    assertThat(closed.note()).get().asString().contains("--today sends them now");
  }

  @Test
  void todayIsSentWhenAskedAndSaidSo() {
    Instant now = Instant.parse("2025-01-15T10:00:00Z");
    ClosedDays.Selection all =
        ClosedDays.select(List.of(Path.of("01_PC_prog_20250115+0800.afero")), SHANGHAI, now, true);
    assertThat(all.send()).hasSize(1);
    assertThat(all.note()).get().asString().contains("(--today)");
  }
}
