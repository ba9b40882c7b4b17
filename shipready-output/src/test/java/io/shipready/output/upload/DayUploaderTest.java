package io.shipready.output.upload;

import static io.shipready.output.upload.UploadFixture.names;
import static io.shipready.output.upload.UploadFixture.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DayUploaderTest {
  @TempDir Path dir;
  SftpTestServer server;
  UploadFixture station;

  @BeforeEach
  void start() throws Exception {
    server = SftpTestServer.start(dir);
    station = new UploadFixture(dir);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void sendsEachFileVerifiedArchivedAndRecorded() throws Exception {
    Path programming = station.dayFile("01_PC-Ü1_P1_20250301+0100.afero", 40_000);
    Path rssi = station.dayFile("03_PC-Ü1_P1_20250301+0100.afero", 3_000);
    List<UploadProgress> progress = new ArrayList<>();

    UploadReport report =
        station.uploader(server).upload(List.of(programming, rssi), progress::add);

    assertThat(report.clean()).as(report.summary()).isTrue();
    assertThat(report.sent())
        .extracting(UploadReceipt::fileName)
        .containsExactly(name(programming), name(rssi));
    for (Path file : List.of(programming, rssi)) {
      assertThat(server.folder().resolve(name(file))).hasSameBinaryContentAs(file);
      assertThat(station.archive.resolve(name(file))).hasSameBinaryContentAs(file);
    }
    assertThat(names(server.folder())).containsExactly(name(programming), name(rssi));
    UploadReceipt receipt = station.receipts().receipts().get(0);
    assertThat(receipt.sha256()).isEqualTo(Sha256.of(programming));
    assertThat(receipt.size()).isEqualTo(40_000).isEqualTo(receipt.serverListingSize());
    assertThat(receipt.remotePath()).isEqualTo("/incoming/" + name(programming));
    assertThat(receipt.sentAt()).isEqualTo(UploadFixture.NOW);
    UploadProgress last = progress.get(progress.size() - 1);
    assertThat(last.doneBytes()).isEqualTo(43_000).isEqualTo(last.totalBytes());
    assertThat(progress).extracting(UploadProgress::doneBytes).isSorted();
    assertThat(station.knownHosts)
        .content()
        .startsWith("[127.0.0.1]:" + server.port() + " ecdsa-sha2-nistp256 ");
  }

  @Test
  void aDifferentFileOfTheSameNameOnTheServerIsRefusedAndLeftUntouched() throws Exception {
    Path ours = station.dayFile("01_PC_P1_20250301+0100.afero", 5_000);
    Path theirs = Files.writeString(server.folder().resolve(name(ours)), "someone else's rows\n");
    FileTime old = FileTime.from(Instant.parse("2025-02-28T08:00:00Z"));
    Files.setLastModifiedTime(theirs, old);
    byte[] before = Files.readAllBytes(theirs);

    UploadReport report = station.uploader(server).upload(List.of(ours));

    assertThat(report.sent()).isEmpty();
    assertThat(report.refused())
        .singleElement()
        .satisfies(
            note -> {
              assertThat(note.fileName()).isEqualTo(name(ours));
              assertThat(note.reason())
                  .contains("already on the server with other content", "never overwritten");
            });
    assertThat(Files.readAllBytes(theirs)).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(theirs)).isEqualTo(old);
    assertThat(server.writes()).isZero();
    assertThat(names(server.folder())).containsExactly(name(ours));
    assertThat(station.receipts().receipts()).isEmpty();
    assertThat(station.archive.resolve(name(ours))).doesNotExist();
  }

  @Test
  void aFileAlreadyOnTheServerWithOurContentIsRecordedNotResent() throws Exception {
    Path ours = station.dayFile("02_PC_P1_20250301+0100.afero", 7_000);
    Files.copy(ours, server.folder().resolve(name(ours)));

    UploadReport report = station.uploader(server).upload(List.of(ours));

    assertThat(report.clean()).as(report.summary()).isTrue();
    assertThat(report.sent()).isEmpty();
    assertThat(report.recorded()).extracting(UploadReceipt::fileName).containsExactly(name(ours));
    assertThat(server.writes()).isZero();
    assertThat(station.receipts().alreadySent(name(ours), Sha256.of(ours))).isTrue();
    assertThat(station.archive.resolve(name(ours))).hasSameBinaryContentAs(ours);
  }

  @Test
  void runningAgainSendsNothingTwice() throws Exception {
    Path a = station.dayFile("01_PC_P1_20250301+0100.afero", 9_000);
    Path b = station.dayFile("02_PC_P1_20250301+0100.afero", 1_000);
    station.uploader(server).upload(List.of(a, b));
    int writesAfterFirstRun = server.writes();
    Map<String, String> serverAfterFirstRun = snapshot(server.folder());

    UploadReport again = station.uploader(server).upload(List.of(a, b));

    assertThat(again.sent()).isEmpty();
    assertThat(again.recorded()).isEmpty();
    assertThat(again.skipped()).extracting(FileNote::fileName).containsExactly(name(a), name(b));
    assertThat(again.clean()).as(again.summary()).isTrue();
    assertThat(server.writes()).isEqualTo(writesAfterFirstRun);
    assertThat(snapshot(server.folder())).isEqualTo(serverAfterFirstRun);
    assertThat(station.receipts().receipts()).hasSize(2);
  }

  @Test
  void aDryRunSaysWhatWouldHappenAndChangesNothing() throws Exception {
    Path fresh = station.dayFile("01_PC_P1_20250301+0100.afero", 2_000);
    Path clash = station.dayFile("02_PC_P1_20250301+0100.afero", 2_000);
    Path same = station.dayFile("03_PC_P1_20250301+0100.afero", 2_000);
    Files.writeString(server.folder().resolve(name(clash)), "other rows\n");
    Files.copy(same, server.folder().resolve(name(same)));
    Map<String, String> serverBefore = snapshot(server.folder());

    UploadReport plan = station.uploader(server).dryRun(List.of(fresh, clash, same));

    assertThat(plan.dryRun()).isTrue();
    assertThat(plan.sent()).isEmpty();
    assertThat(plan.planned())
        .extracting(FileNote::fileName)
        .containsExactly(name(fresh), name(same));
    assertThat(plan.planned().get(0).reason()).startsWith("would send 2000 bytes");
    assertThat(plan.planned().get(1).reason()).contains("would record");
    assertThat(plan.refused()).extracting(FileNote::fileName).containsExactly(name(clash));
    assertThat(plan.summary()).startsWith("Dry run: nothing was sent.");
    assertThat(snapshot(server.folder())).isEqualTo(serverBefore);
    assertThat(server.writes()).isZero();
    assertThat(station.archive).doesNotExist();
    assertThat(station.receiptFile).doesNotExist();
    assertThat(station.knownHosts).doesNotExist();
  }

  @Test
  void theListingComparisonReportsAFileDeletedOrChangedOnTheServerAfterUpload() throws Exception {
    Path deleted = station.dayFile("01_PC_P1_20250301+0100.afero", 4_000);
    Path changed = station.dayFile("02_PC_P1_20250301+0100.afero", 4_000);
    Path kept = station.dayFile("03_PC_P1_20250301+0100.afero", 4_000);
    List<Path> day = List.of(deleted, changed, kept);
    assertThat(station.uploader(server).upload(day).clean()).isTrue();
    Files.delete(server.folder().resolve(name(deleted)));
    Files.writeString(server.folder().resolve(name(changed)), "cut short");

    UploadReport report = station.uploader(server).upload(day);

    assertThat(report.skipped()).hasSize(3);
    assertThat(report.clean()).isFalse();
    assertThat(report.differences())
        .containsExactly(
            new ListingDifference(name(deleted), "/incoming/" + name(deleted), 4_000, -1),
            new ListingDifference(name(changed), "/incoming/" + name(changed), 4_000, 9));
    assertThat(report.differences().get(0).message()).contains("is not on the server any more");
    assertThat(report.summary()).contains("listing: " + name(deleted));
  }

  @Test
  void aDifferentFileOfTheSameNameInTheArchiveIsRefusedBeforeSending() throws Exception {
    Path ours = station.dayFile("01_PC_P1_20250301+0100.afero", 3_000);
    Files.createDirectories(station.archive);
    Files.writeString(station.archive.resolve(name(ours)), "an older day's rows\n");

    UploadReport report = station.uploader(server).upload(List.of(ours));

    assertThat(report.refused())
        .singleElement()
        .extracting(FileNote::reason)
        .asString()
        .contains("the archive already holds a different");
    assertThat(names(server.folder())).isEmpty();
    assertThat(station.archive.resolve(name(ours))).content().isEqualTo("an older day's rows\n");
  }

  @Test
  void twoFilesOfOneNameAndHiddenFilesAreRefused() throws Exception {
    Path first = station.dayFile("01_PC_P1_20250301+0100.afero", 100);
    Path other = Files.createDirectories(station.day.resolve("other"));
    Path second = Files.writeString(other.resolve(name(first)), "x");
    Path hidden = Files.writeString(station.day.resolve(".lock"), "x");

    UploadReport report = station.uploader(server).upload(List.of(first, second, hidden));

    assertThat(report.sent()).extracting(UploadReceipt::fileName).containsExactly(name(first));
    assertThat(report.refused())
        .extracting(FileNote::fileName)
        .containsExactly(name(first), ".lock");
    assertThat(server.folder().resolve(name(first))).hasSameBinaryContentAs(first);
  }

  @Test
  void dayFilesListsTheMatchingFilesInOrder() throws Exception {
    station.dayFile("02_B.afero", 1);
    station.dayFile("01_A.afero", 1);
    station.dayFile("notes.txt", 1);

    assertThat(DayUploader.dayFiles(station.day, "*.afero"))
        .extracting(DayUploaderTest::name)
        .containsExactly("01_A.afero", "02_B.afero");
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }
}
