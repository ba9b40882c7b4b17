package io.shipready.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoOutFolderTest {
  private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 4, 9, 30, 5);

  @Test
  void anEmptyFolderHasNothingToMoveAside(@TempDir Path out) throws Exception {
    assertThat(DemoOutFolder.startClean(out, List.of("afero-asr"), NOW)).isEmpty();
  }

  @Test
  void whatTheDemoMadeIsMovedAsideWholeAndAnythingElseLeftAlone(@TempDir Path out)
      throws Exception {
    Files.writeString(out.resolve("demo.db"), "records");
    Files.createDirectories(out.resolve("afero-asr").resolve("files"));
    Files.writeString(out.resolve("afero-asr").resolve("files").resolve("01_x.afero"), "rows");
    Files.createDirectories(out.resolve("backoffice"));
    Files.writeString(out.resolve("notes.txt"), "mine");

    Optional<Path> aside = DemoOutFolder.startClean(out, List.of("afero-asr"), NOW);

    assertThat(aside).contains(out.resolve("previous-20261204-093005"));
    assertThat(aside.get().resolve("demo.db")).hasContent("records");
    assertThat(aside.get().resolve("afero-asr/files/01_x.afero")).hasContent("rows");
    assertThat(aside.get().resolve("backoffice")).isDirectory();
    assertThat(out.resolve("demo.db")).doesNotExist();
    assertThat(out.resolve("afero-asr")).doesNotExist();
    assertThat(out.resolve("notes.txt")).hasContent("mine");

    // Twice in the same second: a second folder, not a merge into the first.
    Files.writeString(out.resolve("demo.db"), "again");
    assertThat(DemoOutFolder.startClean(out, List.of("afero-asr"), NOW))
        .contains(out.resolve("previous-20261204-093005-2"));
  }
}
