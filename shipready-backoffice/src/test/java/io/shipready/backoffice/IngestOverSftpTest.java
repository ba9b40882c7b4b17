package io.shipready.backoffice;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipready.backoffice.ingest.SampleFactoryFiles;
import io.shipready.output.afero.AferoFileType;
import io.shipready.store.ServiceDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Factories upload over real SFTP; the receipts are read over real HTTP. */
class IngestOverSftpTest {
  private static final String PROGRAMMING = "01_LINE-PC-3_acme-plug_20250115+0800.afero";

  @TempDir Path folder;
  private TestBackoffice backoffice;

  @BeforeEach
  void start() {
    backoffice = TestBackoffice.start(folder, Duration.ofMillis(50), "acme", "globex");
  }

  @AfterEach
  void stop() throws IOException {
    backoffice.close();
  }

  @Test
  void aValidProgrammingFileRegistersItsUnitsAndMovesToCompleted() throws Exception {
    try (SftpClient sftp = backoffice.sftp("acme", TestBackoffice.PASSWORD)) {
      TestBackoffice.upload(sftp, PROGRAMMING, programming(1, 3));
    }

    JsonNode entry = backoffice.awaitFile("acme", PROGRAMMING);

    assertThat(entry.path("state").asText()).isEqualTo("completed");
    assertThat(entry.path("rows").asLong()).isEqualTo(3);
    assertThat(entry.path("fileType").asText()).isEqualTo("01");
    Path factory = backoffice.folder().factory("acme");
    assertThat(factory.resolve("completed").resolve(PROGRAMMING)).exists();
    assertThat(factory.resolve("incoming").resolve(PROGRAMMING)).doesNotExist();
    assertThat(units()).isEqualTo(3);
    Path receiptFile =
        backoffice.folder().receipts("acme").resolve(TestBackoffice.today() + ".json");
    assertThat(Files.readString(receiptFile)).contains(PROGRAMMING).contains("completed");
  }

  @Test
  void aMalformedFileIsRejectedWithTheLineAndFieldInAReasonFile() throws Exception {
    String text =
        new String(programming(1, 3), UTF_8).replace(SampleFactoryFiles.deviceId(2), "NOT-HEX");
    try (SftpClient sftp = backoffice.sftp("acme", TestBackoffice.PASSWORD)) {
      TestBackoffice.upload(sftp, PROGRAMMING, text.getBytes(UTF_8));
    }

    JsonNode entry = backoffice.awaitFile("acme", PROGRAMMING);

    assertThat(entry.path("state").asText()).isEqualTo("rejected");
    assertThat(entry.path("reason").asText())
        .startsWith("line 3, field device_id: ")
        .contains("NOT-HEX");
    Path rejected = backoffice.folder().factory("acme").resolve("rejected");
    assertThat(rejected.resolve(PROGRAMMING)).exists();
    assertThat(Files.readString(rejected.resolve(PROGRAMMING + ".reason.txt")))
        .contains("line 3, field device_id");
    assertThat(units()).as("a rejected file registers nothing").isZero();
  }

  @Test
  void otherMalformedFilesAreRejectedWithReasons() throws Exception {
    String header = AferoFileType.PROGRAMMING.header();
    String good = SampleFactoryFiles.programmingRow(1);
    try (SftpClient sftp = backoffice.sftp("acme", TestBackoffice.PASSWORD)) {
      TestBackoffice.upload(sftp, "notes.txt", "hello\r\n".getBytes(UTF_8));
      TestBackoffice.upload(
          sftp,
          "01_PC_a_20250115+0800.afero",
          (header.replace("ble_mac", "mac") + good).getBytes(UTF_8));
      TestBackoffice.upload(
          sftp,
          "01_PC_b_20250115+0800.afero",
          (header + good + good.replace(SampleFactoryFiles.associationId(1), "1".repeat(24)))
              .getBytes(UTF_8));
      TestBackoffice.upload(
          sftp,
          "01_PC_c_20250115+0800.afero",
          (header + good.substring(0, good.length() - 2)).getBytes(UTF_8));
      TestBackoffice.upload(sftp, "02_PC_d_20250115+0800.afero", (header + good).getBytes(UTF_8));
    }

    assertThat(backoffice.awaitFile("acme", "notes.txt").path("reason").asText())
        .contains("file name")
        .contains("not an Afero factory file name");
    assertThat(backoffice.awaitFile("acme", "01_PC_a_20250115+0800.afero").path("reason").asText())
        .startsWith("line 1, field ble_mac: the header has 'mac'");
    assertThat(backoffice.awaitFile("acme", "01_PC_b_20250115+0800.afero").path("reason").asText())
        .startsWith("line 3, field device_id: ")
        .contains("also on line 2 of this file");
    assertThat(backoffice.awaitFile("acme", "01_PC_c_20250115+0800.afero").path("reason").asText())
        .contains("line 2")
        .contains("not ended");
    assertThat(backoffice.awaitFile("acme", "02_PC_d_20250115+0800.afero").path("reason").asText())
        .startsWith("line 1, field rssi: the header has 'profile_version_id'");
    assertThat(units()).isZero();
  }

  @Test
  void aUnitAlreadyRegisteredByAnotherFileIsRejectedNamingThatFile() throws Exception {
    try (SftpClient sftp = backoffice.sftp("acme", TestBackoffice.PASSWORD)) {
      TestBackoffice.upload(sftp, PROGRAMMING, programming(1, 3));
      backoffice.awaitFile("acme", PROGRAMMING);
      TestBackoffice.upload(sftp, "01_PC_x_20250116+0800.afero", programming(3, 2));
    }

    JsonNode entry = backoffice.awaitFile("acme", "01_PC_x_20250116+0800.afero");

    assertThat(entry.path("state").asText()).isEqualTo("rejected");
    assertThat(entry.path("reason").asText())
        .startsWith("line 2, field device_id: " + SampleFactoryFiles.deviceId(3))
        .contains("already registered by acme/" + PROGRAMMING + " line 4");
    assertThat(units()).isEqualTo(3);
  }

  @Test
  void aProfileVersionTheBackOfficeDoesNotKnowIsRejected() throws Exception {
    Files.writeString(backoffice.folder().profileVersions(), "# released\n23370\n");
    try (SftpClient sftp = backoffice.sftp("acme", TestBackoffice.PASSWORD)) {
      TestBackoffice.upload(sftp, PROGRAMMING, programming(1, 1));
    }

    assertThat(backoffice.awaitFile("acme", PROGRAMMING).path("reason").asText())
        .startsWith("line 2, field profile_version_id: profile version '23371' is not a known");
  }

  @Test
  void theSameContentAgainIsIgnoredAsADuplicate() throws Exception {
    byte[] content = programming(1, 2);
    try (SftpClient sftp = backoffice.sftp("acme", TestBackoffice.PASSWORD)) {
      TestBackoffice.upload(sftp, PROGRAMMING, content);
      backoffice.awaitFile("acme", PROGRAMMING);
      TestBackoffice.upload(sftp, "01_LINE-PC-3_copy_20250115+0800.afero", content);
      // The same name and content again: taken by the server, and ignored.
      TestBackoffice.upload(sftp, PROGRAMMING, content);
    }

    JsonNode copy = backoffice.awaitFile("acme", "01_LINE-PC-3_copy_20250115+0800.afero");
    JsonNode receipt =
        backoffice.awaitReceipt(
            "acme",
            r -> {
              int duplicates = 0;
              for (JsonNode e : r) {
                duplicates += e.path("state").asText().equals("duplicate") ? 1 : 0;
              }
              return duplicates == 2;
            });

    assertThat(copy.path("state").asText()).isEqualTo("duplicate");
    assertThat(copy.path("reason").asText()).contains("acme/" + PROGRAMMING);
    assertThat(receipt).hasSize(3);
    assertThat(units()).isEqualTo(2);
    assertThat(backoffice.folder().factory("acme").resolve("duplicates")).isNotEmptyDirectory();
  }

  @Test
  void aNameAlreadyReceivedWithOtherContentIsRefusedAndNeverOverwritten() throws Exception {
    try (SftpClient sftp = backoffice.sftp("acme", TestBackoffice.PASSWORD)) {
      TestBackoffice.upload(sftp, PROGRAMMING, programming(1, 2));
      backoffice.awaitFile("acme", PROGRAMMING);

      assertThatThrownBy(() -> TestBackoffice.upload(sftp, PROGRAMMING, programming(5, 2)))
          .isInstanceOf(SftpException.class)
          .hasMessageContaining("already received with other content");
    }
    assertThat(
            Files.readAllBytes(
                backoffice.folder().factory("acme").resolve("completed").resolve(PROGRAMMING)))
        .isEqualTo(programming(1, 2));
  }

  @Test
  void anRssiRowForAnUnknownUnitIsFlagged() throws Exception {
    String rssi = "02_RSSI-PC_acme-plug_20250115+0800.afero";
    Path local = folder.resolve(rssi);
    SampleFactoryFiles.rssi(local, AferoFileType.WIFI_RSSI, 1, 2, 99);
    try (SftpClient sftp = backoffice.sftp("acme", TestBackoffice.PASSWORD)) {
      TestBackoffice.upload(sftp, PROGRAMMING, programming(1, 2));
      backoffice.awaitFile("acme", PROGRAMMING);
      TestBackoffice.upload(sftp, rssi, Files.readAllBytes(local));
    }

    JsonNode entry = backoffice.awaitFile("acme", rssi);

    assertThat(entry.path("state").asText()).isEqualTo("completed");
    assertThat(entry.path("rows").asLong()).isEqualTo(3);
    assertThat(entry.path("flagged").asLong()).isEqualTo(1);
    assertThat(flags())
        .containsExactly(
            SampleFactoryFiles.deviceId(99) + ": no programming row has this device_id");
  }

  @Test
  void anRssiFlagClearsWhenTheUnitsProgrammingFileArrivesLater() throws Exception {
    String rssi = "03_RSSI-PC_acme-plug_20250115+0800.afero";
    Path local = folder.resolve(rssi);
    SampleFactoryFiles.rssi(local, AferoFileType.BLE_RSSI, 1);
    try (SftpClient sftp = backoffice.sftp("acme", TestBackoffice.PASSWORD)) {
      TestBackoffice.upload(sftp, rssi, Files.readAllBytes(local));
      assertThat(backoffice.awaitFile("acme", rssi).path("flagged").asLong()).isEqualTo(1);
      TestBackoffice.upload(sftp, PROGRAMMING, programming(1, 1));
      backoffice.awaitFile("acme", PROGRAMMING);
    }

    assertThat(backoffice.awaitFile("acme", rssi).path("flagged").asLong()).isZero();
  }

  @Test
  void receiptsNeedTheTokenAndAreKeptPerFactory() throws Exception {
    try (SftpClient sftp = backoffice.sftp("globex", TestBackoffice.PASSWORD)) {
      TestBackoffice.upload(sftp, PROGRAMMING, programming(1, 1));
    }
    backoffice.awaitFile("globex", PROGRAMMING);

    String path = "/v1/factories/globex/receipts/" + TestBackoffice.today();
    assertThat(backoffice.get(path, null).statusCode()).isEqualTo(401);
    assertThat(backoffice.get(path, "wrong").statusCode()).isEqualTo(401);
    assertThat(
            backoffice
                .get("/v1/factories/globex/receipts/yesterday", TestBackoffice.TOKEN)
                .statusCode())
        .isEqualTo(400);
    assertThat(backoffice.receipt("acme")).isEmpty();
    assertThat(backoffice.get("/v1/health", null).body()).contains("ok");
  }

  private static byte[] programming(long first, long count) throws IOException {
    Path file = Files.createTempFile("sample", ".afero");
    try {
      SampleFactoryFiles.programming(file, first, count);
      return Files.readAllBytes(file);
    } finally {
      Files.delete(file);
    }
  }

  private long units() {
    try (ServiceDatabase db = database()) {
      return db.jdbi()
          .withHandle(
              h -> h.createQuery("SELECT COUNT(*) FROM registered_units").mapTo(Long.class).one());
    }
  }

  private List<String> flags() {
    try (ServiceDatabase db = database()) {
      return db.jdbi()
          .withHandle(
              h ->
                  h.createQuery(
                          "SELECT device_id || ': ' || flag FROM rssi_results"
                              + " WHERE flag IS NOT NULL ORDER BY line")
                      .mapTo(String.class)
                      .list());
    }
  }

  private ServiceDatabase database() {
    return ServiceDatabase.open(
        folder.resolve("backoffice.db").toString(),
        BackofficeServer.MIGRATIONS,
        BackofficeServer.HISTORY_TABLE);
  }
}
