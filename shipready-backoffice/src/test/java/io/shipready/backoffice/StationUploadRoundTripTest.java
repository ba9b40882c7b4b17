package io.shipready.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipready.output.afero.AferoFactoryFiles;
import io.shipready.output.afero.AferoFileType;
import io.shipready.output.afero.ProgrammingRow;
import io.shipready.output.afero.RssiRow;
import io.shipready.output.config.StationConfig;
import io.shipready.output.config.StationIdentity;
import io.shipready.output.upload.DayUploader;
import io.shipready.output.upload.HostKeyPolicy;
import io.shipready.output.upload.JsonLinesReceiptBook;
import io.shipready.output.upload.SftpCredentials;
import io.shipready.output.upload.UploadReport;
import io.shipready.output.upload.UploadSettings;
import io.shipready.output.upload.UploadTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole end of day: a station writes its Afero files, its uploader sends them to the back
 * office's SFTP drop as it would to any server, and the back office takes them in.
 */
class StationUploadRoundTripTest {
  @TempDir Path folder;

  @Test
  void filesAStationWritesAndUploadsAreIngested() throws Exception {
    StationConfig station =
        new StationConfig(
            new StationIdentity(
                "100-0012-01", "Acme Electronics, Ltd.", "Shenzhen-2", "PROG-01", "1.10"),
            "Linie 3 – Prüfplatz_1",
            "acme-plug",
            ZoneId.of("Asia/Shanghai"),
            folder.resolve("station/output"),
            folder.resolve("station/archive"),
            Map.of());
    Path programming;
    Path rssi;
    try (AferoFactoryFiles files = AferoFactoryFiles.open(station, Clock.systemUTC())) {
      for (long n = 1; n <= 3; n++) {
        files.appendProgramming(unit(n));
      }
      files.appendBleRssi(new RssiRow(-51, unit(2).deviceId(), unit(2).associationId()));
      files.appendBleRssi(new RssiRow(-60, "00000000000000FF", "0000000000000000000000FF"));
      programming = files.currentFile(AferoFileType.PROGRAMMING);
      rssi = files.currentFile(AferoFileType.BLE_RSSI);
    }

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
      DayUploader uploader =
          new DayUploader(
              settings, JsonLinesReceiptBook.open(folder.resolve("station/receipts.jsonl")));

      UploadReport report = uploader.upload(List.of(programming, rssi));

      assertThat(report.failed()).isEmpty();
      assertThat(report.refused()).isEmpty();
      assertThat(report.sent()).hasSize(2);
      // Both sides ask for Ed25519 first, as OpenSSH does.
      assertThat(folder.resolve("station/known_hosts"))
          .content()
          .startsWith("[127.0.0.1]:" + backoffice.server.sftpPort() + " ssh-ed25519 ");
      String programmingName = programming.getFileName().toString();
      String rssiName = rssi.getFileName().toString();
      JsonNode programmed = backoffice.awaitFile("shenzhen-2", programmingName);
      assertThat(programmed.path("state").asText()).isEqualTo("completed");
      assertThat(programmed.path("rows").asLong()).isEqualTo(3);
      JsonNode validated = backoffice.awaitFile("shenzhen-2", rssiName);
      assertThat(validated.path("state").asText()).isEqualTo("completed");
      assertThat(validated.path("flagged").asLong()).isEqualTo(1);

      // Run again: the uploader's receipts say both were sent; nothing arrives twice.
      UploadReport again = uploader.upload(List.of(programming, rssi));
      assertThat(again.sent()).isEmpty();
      assertThat(again.failed()).isEmpty();
      assertThat(backoffice.receipt("shenzhen-2")).hasSize(2);
    }
  }

  private static ProgrammingRow unit(long n) {
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
