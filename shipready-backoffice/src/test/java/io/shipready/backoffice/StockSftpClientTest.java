package io.shipready.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.backoffice.accounts.Account;
import io.shipready.backoffice.accounts.AccountBook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A factory using nothing but the stock OpenSSH tools against the drop: an Ed25519 login key from
 * {@code ssh-keygen}, the drop's host key pinned from {@code ssh-keyscan}, {@code sftp -b}. Every
 * refusal must read as "Permission denied" there, never "Unknown status".
 */
class StockSftpClientTest {
  private static final String FILE = "01_PC_prog_20250115+0800.afero";

  @TempDir Path folder;
  private TestBackoffice backoffice;
  private Path key;
  private Path knownHosts;
  private Path local;

  @BeforeEach
  void start() throws Exception {
    OpenSshTools.assumeInstalled("sftp", "ssh-keygen", "ssh-keyscan");
    backoffice = TestBackoffice.start(folder, Duration.ofHours(1));
    key = OpenSshTools.ed25519Key(folder.resolve("id_ed25519"));
    AccountBook.open(backoffice.folder().accounts())
        .put(
            new Account(
                "acme",
                null,
                List.of(
                    AccountBook.checkAuthorizedKey(
                        Files.readString(folder.resolve("id_ed25519.pub"))))));
    String pinned = OpenSshTools.keyscan(backoffice.server.sftpPort(), "ed25519");
    assertThat(pinned)
        .startsWith("[127.0.0.1]:" + backoffice.server.sftpPort() + " ssh-ed25519 AAAA");
    knownHosts = Files.writeString(folder.resolve("known_hosts"), pinned);
    local = Files.writeString(folder.resolve(FILE), "header\r\nrow\r\n");
  }

  @AfterEach
  void stop() throws Exception {
    if (backoffice != null) {
      backoffice.close();
    }
  }

  @Test
  void aPutWithAnEd25519KeyArrivesAndTheDropsEd25519HostKeyIsTheOnePinned() throws Exception {
    OpenSshTools.Result put = sftp("put " + local + " /incoming/" + FILE);

    assertThat(put.exit()).as(put.output()).isZero();
    assertThat(backoffice.folder().incoming("acme").resolve(FILE)).hasContent("header\r\nrow\r\n");
    // The ECDSA key of earlier versions is still there for stations that pinned it.
    assertThat(OpenSshTools.keyscan(backoffice.server.sftpPort(), "ecdsa"))
        .contains(" ecdsa-sha2-nistp256 AAAA");
  }

  @Test
  void anOverwriteIsRefusedAsPermissionDenied() throws Exception {
    assertThat(sftp("put " + local + " /incoming/" + FILE).exit()).isZero();
    Files.writeString(local, "other rows\r\n");

    OpenSshTools.Result again = sftp("put " + local + " /incoming/" + FILE);

    assertThat(again.exit()).isNotZero();
    assertThat(again.output()).contains("Permission denied").doesNotContain("Unknown status");
    assertThat(backoffice.folder().incoming("acme").resolve(FILE)).hasContent("header\r\nrow\r\n");
  }

  @Test
  void permissionsOwnersAndTimesCannotBeChanged() throws Exception {
    assertThat(sftp("put " + local + " /incoming/" + FILE).exit()).isZero();
    Path incoming = backoffice.folder().incoming("acme");
    String before = PosixFilePermissions.toString(Files.getPosixFilePermissions(incoming));

    for (String change :
        List.of(
            "chmod 777 /incoming",
            "chmod 666 /incoming/" + FILE,
            "chown 0 /incoming/" + FILE,
            "chgrp 0 /incoming/" + FILE)) {
      OpenSshTools.Result refused = sftp(change);
      assertThat(refused.exit()).as(change + ": " + refused.output()).isNotZero();
      assertThat(refused.output()).as(change).contains("Permission denied");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(incoming)))
        .isEqualTo(before);
  }

  @Test
  void dotDotLeadsNowhereOutsideTheFactorysFolder() throws Exception {
    for (String escape :
        List.of("put " + local + " /incoming/../../" + FILE, "put " + local + " ../" + FILE)) {
      OpenSshTools.Result refused = sftp(escape);
      assertThat(refused.exit()).as(escape + ": " + refused.output()).isNotZero();
      assertThat(refused.output()).as(escape).contains("Permission denied");
    }
    OpenSshTools.Result cd = sftp("cd /..");
    assertThat(cd.exit()).as(cd.output()).isNotZero();
    assertThat(cd.output()).contains("'..' leads out of the factory's folder");
    // sftp looks the name up before it reads, and reports the refused look-up as not found.
    OpenSshTools.Result get = sftp("get /../../backoffice.db " + folder.resolve("copied"));
    assertThat(get.exit()).as(get.output()).isNotZero();
    assertThat(get.output()).doesNotContain("Unknown status");
    assertThat(folder.resolve("copied")).doesNotExist();
    assertThat(backoffice.folder().factories().resolve(FILE)).doesNotExist();
    assertThat(backoffice.data.resolve(FILE)).doesNotExist();
  }

  private OpenSshTools.Result sftp(String command) throws Exception {
    return OpenSshTools.sftpBatch(
        folder.resolve("batch"), key, knownHosts, "acme", backoffice.server.sftpPort(), command);
  }
}
