package io.shipready.backoffice;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A factory cannot change a received file's times or permissions over SFTP (setstat): it gets a
 * "permission denied" status with the reason, and the file keeps what the back office gave it.
 */
class SetstatRefusedTest {
  private static final String NAME = "01_PC_p_20250115+0800.afero";

  @TempDir Path folder;
  private TestBackoffice backoffice;

  @BeforeEach
  void start() {
    backoffice = TestBackoffice.start(folder, Duration.ofHours(1), "acme");
  }

  @AfterEach
  void stop() throws Exception {
    backoffice.close();
  }

  @Test
  void aFactoryCannotSetTimesOrPermissions() throws Exception {
    Path file = backoffice.folder().incoming("acme").resolve(NAME);
    try (SftpClient sftp = backoffice.sftp("acme", TestBackoffice.PASSWORD)) {
      TestBackoffice.upload(sftp, NAME, "x\r\n".getBytes(UTF_8));
      FileTime before = Files.getLastModifiedTime(file);
      String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));

      FileTime future = FileTime.from(Instant.parse("2100-01-01T00:00:00Z"));
      SftpException times =
          catchThrowableOfType(
              () ->
                  sftp.setStat(
                      "incoming/" + NAME,
                      new SftpClient.Attributes().modifyTime(future).accessTime(future)),
              SftpException.class);
      SftpException chmod =
          catchThrowableOfType(
              () -> sftp.setStat("incoming/" + NAME, new SftpClient.Attributes().perms(0777)),
              SftpException.class);
      SftpException folderTimes =
          catchThrowableOfType(
              () -> sftp.setStat("incoming", new SftpClient.Attributes().modifyTime(future)),
              SftpException.class);

      for (SftpException refused : new SftpException[] {times, chmod, folderTimes}) {
        assertThat(refused).as("setstat refused").isNotNull();
        assertThat(refused.getStatus()).isEqualTo(SftpConstants.SSH_FX_PERMISSION_DENIED);
        assertThat(refused).hasMessageContaining("times are kept as the receiving side set them");
      }
      assertThat(Files.getLastModifiedTime(file).to(TimeUnit.SECONDS))
          .isEqualTo(before.to(TimeUnit.SECONDS));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo(mode);
    }
  }
}
