package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.app.metrics.PrometheusText;
import io.shipready.app.station.RunningStation;
import io.shipready.store.Store;
import io.shipready.store.UploadReceipts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shipready upload} as a factory runs it at the end of the day: a real process with the
 * password in its environment, a real SFTP server on loopback, the receipts in the station's
 * records, and a second run that sends nothing twice; what it did is counted on the station page's
 * metrics.
 */
class UploadCommandTest {
  private static final String PASSWORD = "night-shift-7";

  @TempDir Path dir;
  private SshServer server;
  private Path served;

  @BeforeEach
  void startServer() throws Exception {
    Path home = Files.createDirectories(dir.resolve("server"));
    served = Files.createDirectories(home.resolve("incoming"));
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(
        KeyPairProvider.wrap(KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256)));
    server.setPasswordAuthenticator(
        (user, password, session) -> user.equals("factory") && password.equals(PASSWORD));
    server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    server.setFileSystemFactory(new VirtualFileSystemFactory(home));
    server.start();
  }

  @AfterEach
  void stopServer() throws IOException {
    server.stop(true);
  }

  @Test
  void theDaysFilesAreSentOnceAndTheirReceiptsKeptInTheRecords() throws Exception {
    Path files = Files.createDirectories(dir.resolve("out"));
    Files.writeString(files.resolve("01_PC_prog_20261201+0800.afero"), "header\nrow-1\n");
    Files.writeString(files.resolve("03_PC_prog_20261201+0800.afero"), "header\nrow-2\n");
    Path archive = dir.resolve("archive");
    Path db = dir.resolve("station.db");
    String url = "sftp://factory@127.0.0.1:" + server.getPort() + "/incoming";

    // A server met for the first time is refused, with the line that pins its key...
    ShipreadyProcess.Result refused = upload(url, files, archive, db);
    assertThat(refused.exit()).as(refused.output()).isNotZero();
    assertThat(refused.output())
        .contains("ssh-keyscan -p " + server.getPort() + " -t ed25519 127.0.0.1 >> " + knownHosts())
        .contains("--trust-new-host-key");
    assertThat(archive).doesNotExist();

    // ...or trusted on first use when asked, its key recorded in the station's file, not beside
    // the archive.
    ShipreadyProcess.Result first = upload(url, files, archive, db, "--trust-new-host-key");
    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(knownHosts())
        .content()
        .startsWith("[127.0.0.1]:" + server.getPort() + " ssh-ed25519 ");
    assertThat(dir.resolve("sftp_known_hosts")).doesNotExist();
    assertThat(first.output()).contains("2 files sent");
    assertThat(Files.readString(served.resolve("01_PC_prog_20261201+0800.afero")))
        .isEqualTo("header\nrow-1\n");
    assertThat(Files.readString(served.resolve("03_PC_prog_20261201+0800.afero")))
        .isEqualTo("header\nrow-2\n");
    long firstModified =
        Files.getLastModifiedTime(served.resolve("01_PC_prog_20261201+0800.afero")).toMillis();

    ShipreadyProcess.Result second = upload(url, files, archive, db);
    assertThat(second.exit()).as(second.output()).isZero();
    assertThat(second.output()).contains("0 files sent").contains("2 already sent before");
    assertThat(
            Files.getLastModifiedTime(served.resolve("01_PC_prog_20261201+0800.afero")).toMillis())
        .isEqualTo(firstModified);

    try (Store records = Store.open(db.toString())) {
      assertThat(
              records
                  .uploadReceipts()
                  .alreadySent(
                      "01_PC_prog_20261201+0800.afero",
                      url,
                      java.util.HexFormat.of()
                          .formatHex(
                              java.security.MessageDigest.getInstance("SHA-256")
                                  .digest("header\nrow-1\n".getBytes(StandardCharsets.UTF_8)))))
          .isTrue();
    }
  }

  @Test
  void aRefusedFileIsKeptInTheRecordsAndCountedOnTheStationPagesMetrics() throws Exception {
    Path files = Files.createDirectories(dir.resolve("out"));
    Files.writeString(files.resolve("01_PC_prog_20261202+0800.afero"), "header\nrow-1\n");
    Files.writeString(files.resolve("02_PC_prog_20261202+0800.afero"), "header\nrow-2\n");
    // Someone else's file of the same name is already on the server: never overwritten.
    Files.writeString(served.resolve("02_PC_prog_20261202+0800.afero"), "header\nother\n");
    Path archive = dir.resolve("archive");
    Path db = dir.resolve("station.db");
    String url = "sftp://factory@127.0.0.1:" + server.getPort() + "/incoming";
    Instant before = Instant.now();

    ShipreadyProcess.Result first = upload(url, files, archive, db, "--trust-new-host-key");
    assertThat(first.exit()).as(first.output()).isEqualTo(1);
    assertThat(first.output()).contains("1 file sent").contains("1 refused");
    // The next day's run tries the refused file again, and is refused again.
    ShipreadyProcess.Result second = upload(url, files, archive, db);
    assertThat(second.exit()).as(second.output()).isEqualTo(1);
    assertThat(second.output()).contains("1 already sent before").contains("1 refused");
    assertThat(Files.readString(served.resolve("02_PC_prog_20261202+0800.afero")))
        .isEqualTo("header\nother\n");
    try (Store records = Store.open(db.toString())) {
      var tally = records.uploadReceipts().tally();
      assertThat(tally.attempts(UploadReceipts.SENT)).isEqualTo(1);
      assertThat(tally.attempts(UploadReceipts.REFUSED)).isEqualTo(2);
    }

    // A station page on the same records, started after the uploads ended, counts them.
    try (RunningStation station =
        RunningStation.start(dir, "--recipe", RunningStation.SAMPLE, "--simulate", "1")) {
      System.gc(); // the meters must still read the records after a collection
      var response = station.get("metrics");
      assertThat(response.statusCode()).isEqualTo(200);
      PrometheusText metrics = PrometheusText.parse(response.body());
      assertThat(metrics.type("shipready_upload_files_total")).isEqualTo("counter");
      assertThat(metrics.value("shipready_upload_files_total", "result", "sent")).isEqualTo(1);
      assertThat(metrics.value("shipready_upload_files_total", "result", "refused")).isEqualTo(2);
      assertThat(metrics.value("shipready_upload_files_total", "result", "failed")).isZero();
      assertThat(metrics.type("shipready_upload_last_success_timestamp_seconds"))
          .isEqualTo("gauge");
      assertThat(metrics.value("shipready_upload_last_success_timestamp_seconds"))
          .isBetween(before.getEpochSecond() - 1.0, Instant.now().getEpochSecond() + 1.0);
      assertThat(station.stopAsEngineer()).isZero();
    }
  }

  @Test
  void todaysFileWaitsForTheStationsMidnightUnlessTodayIsAsked() throws Exception {
    Path files = Files.createDirectories(dir.resolve("out"));
    String today =
        java.time.LocalDate.now(java.time.ZoneOffset.ofHours(8))
            .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    String open = "01_PC_prog_" + today + "+0800.afero";
    String closed = "01_PC_prog_20261201+0800.afero";
    Files.writeString(files.resolve(open), "header\nrow-1\n");
    Files.writeString(files.resolve(closed), "header\nrow-2\n");
    Path archive = dir.resolve("archive");
    Path db = dir.resolve("station.db");
    String url = "sftp://factory@127.0.0.1:" + server.getPort() + "/incoming";

    ShipreadyProcess.Result closedOnly = upload(url, files, archive, db, "--trust-new-host-key");
    assertThat(closedOnly.exit()).as(closedOnly.output()).isZero();
    assertThat(closedOnly.output())
        .contains("1 file sent")
        .contains("left today's files")
        .contains(open);
    assertThat(served.resolve(closed)).exists();
    assertThat(served.resolve(open)).doesNotExist();

    ShipreadyProcess.Result withToday = upload(url, files, archive, db, "--today");
    assertThat(withToday.exit()).as(withToday.output()).isZero();
    assertThat(withToday.output()).contains("sending today's files too (--today)");
    assertThat(served.resolve(open)).exists();
  }

  @Test
  void noPasswordInTheEnvironmentIsRefusedWithTheVariableToSet() throws Exception {
    Path files = Files.createDirectories(dir.resolve("out"));
    Files.writeString(files.resolve("01_PC_prog_20261201+0800.afero"), "header\nrow-1\n");
    ShipreadyProcess.Result run =
        ShipreadyProcess.run(
            List.of(
                "upload",
                "--to",
                "sftp://factory@127.0.0.1:" + server.getPort() + "/incoming",
                "--files",
                files.toString(),
                "--archive",
                dir.resolve("archive").toString(),
                "--db",
                dir.resolve("station.db").toString()),
            Map.of());
    assertThat(run.exit()).isNotZero();
    assertThat(run.output()).contains("SHIPREADY_SFTP_PASSWORD");
    try (var listing = Files.list(served)) {
      assertThat(listing).isEmpty();
    }
  }

  private ShipreadyProcess.Result upload(
      String url, Path files, Path archive, Path db, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "upload",
                "--to",
                url,
                "--files",
                files.toString(),
                "--archive",
                archive.toString(),
                "--db",
                db.toString()));
    args.addAll(List.of(more));
    return ShipreadyProcess.run(
        args,
        Map.of(
            "SHIPREADY_SFTP_PASSWORD",
            PASSWORD,
            "SHIPREADY_SFTP_KNOWN_HOSTS",
            knownHosts().toString()));
  }

  private Path knownHosts() {
    return dir.resolve("station-config").resolve("known_hosts");
  }
}
