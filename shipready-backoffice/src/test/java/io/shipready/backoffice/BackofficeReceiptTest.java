package io.shipready.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.output.afero.AferoFactoryFiles;
import io.shipready.output.afero.AferoFileType;
import io.shipready.output.afero.ProgrammingRow;
import io.shipready.output.config.StationConfig;
import io.shipready.output.config.StationIdentity;
import io.shipready.output.upload.BackofficeReceipt;
import io.shipready.output.upload.DayUploader;
import io.shipready.output.upload.HostKeyPolicy;
import io.shipready.output.upload.JsonLinesReceiptBook;
import io.shipready.output.upload.SftpCredentials;
import io.shipready.output.upload.UploadReport;
import io.shipready.output.upload.UploadSettings;
import io.shipready.output.upload.UploadTarget;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After an upload the station reads the back office's receipt for the day and names every file it
 * sent that the back office did not take in whole: here one station's file is taken, another's is
 * rejected (a module is in it twice), and the receipt check says which and why.
 */
class BackofficeReceiptTest {
  @TempDir Path folder;

  @Test
  void theReceiptCheckNamesAFileTheBackOfficeDidNotTakeInWhole() throws Exception {
    Path good = programmingFile("PC-1", 1, 2, 3);
    Path twice = programmingFile("PC-2", 4, 4);
    try (TestBackoffice backoffice =
        TestBackoffice.start(folder, Duration.ofMillis(50), "shenzhen-2")) {
      UploadSettings settings =
          UploadSettings.builder(
                  UploadTarget.parse(
                      "sftp://shenzhen-2@127.0.0.1:" + backoffice.server.sftpPort() + "/incoming"),
                  new SftpCredentials.Password(TestBackoffice.PASSWORD, "test"),
                  folder.resolve("station/archive"))
              .hostKeys(HostKeyPolicy.trustingNew(folder.resolve("station/known_hosts")))
              .build();
      UploadReport report =
          new DayUploader(
                  settings, JsonLinesReceiptBook.open(folder.resolve("station/receipts.jsonl")))
              .upload(List.of(good, twice));
      assertThat(report.sent()).hasSize(2);

      BackofficeReceipt receipt =
          new BackofficeReceipt(
              URI.create(
                  "http://127.0.0.1:"
                      + backoffice.server.httpPort()
                      + "/v1/factories/shenzhen-2/receipts"),
              TestBackoffice.TOKEN,
              Duration.ofSeconds(60),
              Clock.systemUTC());
      BackofficeReceipt.Check check =
          receipt.check(
              report.sent(),
              Map.of(good.getFileName().toString(), 3L, twice.getFileName().toString(), 2L));

      assertThat(check.confirmed()).containsExactly(good.getFileName() + ": 3 rows taken in");
      assertThat(check.lacking())
          .singleElement()
          .asString()
          .startsWith(twice.getFileName() + ": rejected, none of its 2 rows taken in");
    }
  }

  /** A day's 01 file of a station named {@code computer}, a row per device number given. */
  private Path programmingFile(String computer, long... devices) {
    StationConfig station =
        new StationConfig(
            new StationIdentity("100-0012-01", "Acme", "Shenzhen-2", "PROG-01", "1.10"),
            computer,
            "acme-plug",
            ZoneId.of("Asia/Shanghai"),
            folder.resolve("station/output"),
            folder.resolve("station/archive"),
            Map.of());
    try (AferoFactoryFiles files = AferoFactoryFiles.open(station, Clock.systemUTC())) {
      int row = 0;
      for (long device : devices) {
        files.appendProgramming(unit(device, ++row));
      }
      return files.currentFile(AferoFileType.PROGRAMMING);
    }
  }

  private static ProgrammingRow unit(long device, int row) {
    return ProgrammingRow.builder()
        .profile("23371", "1")
        .bootloader("1.2.0", "2")
        .app("3.1.7", "3")
        .wifi("19.6.1", "4")
        .deviceId(String.format("%016X", device))
        .associationId(String.format("%024X", device * 7919 + row))
        .companyCode("ACME")
        .bleMac(String.format("%012X", device * 100 + row))
        .build();
  }
}
