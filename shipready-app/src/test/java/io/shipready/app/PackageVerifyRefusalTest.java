package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code shipready package verify} on packages made to hurt or to pass for what they are not: each
 * is refused with exit code 1 and a message naming the package and what to do, never "intact".
 */
class PackageVerifyRefusalTest {
  private static final String IMAGE = "files/images/ncp-0.0.7.bin";

  @TempDir Path dir;
  private Path teamKey;
  private String teamPublic;

  @BeforeEach
  void productTeamKeys() {
    CommandLineRun keys =
        CommandLineRun.of(
            "keys", "generate", "--out", dir.resolve("keys").toString(), "--id", "acme");
    assertThat(keys.exitCode()).as(keys.err()).isZero();
    teamKey = dir.resolve("keys/acme.key");
    teamPublic = dir.resolve("keys/acme.pub").toString();
  }

  private Path build(String... extra) {
    Path file = dir.resolve("sample.srpkg");
    String[] args = {
      "package",
      "build",
      Path.of("..", "lines", "sample").toString(),
      "--out",
      file.toString(),
      "--version",
      "1.0",
      "--sign",
      teamKey.toString()
    };
    String[] all = Arrays.copyOf(args, args.length + extra.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    CommandLineRun built = CommandLineRun.of(all);
    assertThat(built.exitCode()).as(built.err()).isZero();
    return file;
  }

  private CommandLineRun verify(Path file, String... extra) {
    String[] args = {"package", "verify", file.toString(), "--trust", teamPublic};
    String[] all = Arrays.copyOf(args, args.length + extra.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    return CommandLineRun.of(all);
  }

  @Test
  void aPackageCutShortIsRefusedNotReportedIntact() throws Exception {
    Path file = build();
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(whole, whole.length - 1));

    CommandLineRun verify = verify(file);

    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.out()).doesNotContain("intact");
    assertThat(verify.err())
        .contains(file.toString())
        .contains("cut short")
        .contains("copy the whole file again from the product team");
  }

  @Test
  void aZipBombInPlaceOfAnImageIsRefusedBeforeItIsUnpacked() throws Exception {
    Path file = build();
    long bomb = 256L << 20;
    Files.write(file, withZeros(Files.readAllBytes(file), IMAGE, bomb));

    CommandLineRun verify = verify(file);

    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.err())
        .contains(file.toString())
        .contains("images/ncp-0.0.7.bin: the ZIP declares " + bomb + " bytes, the manifest ")
        .contains("Get the package again from the product team");
  }

  @Test
  void aSealedPackageWhoseKeyDerivationWasChangedIsRefusedBeforeDeriving() throws Exception {
    Path passphrase = Files.writeString(dir.resolve("passphrase.txt"), "line 7\n");
    Path file =
        build(
            "--encrypt",
            "--passphrase-file",
            passphrase.toString(),
            "--kdf-memory-kib",
            "64",
            "--kdf-iterations",
            "1");
    byte[] sealed = Files.readAllBytes(file);
    ByteBuffer.wrap(sealed).putInt(14, 10);
    Files.write(file, sealed);

    CommandLineRun verify = verify(file, "--passphrase-file", passphrase.toString());

    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.err())
        .contains(file.toString())
        .contains("header is not signed by the trusted key acme")
        .contains("refused before asking for the passphrase");
  }

  @Test
  void keyDerivationSettingsBeyondTheBoundsAreRefusedWhenBuilding() {
    CommandLineRun built =
        CommandLineRun.of(
            "package",
            "build",
            Path.of("..", "lines", "sample").toString(),
            "--out",
            dir.resolve("heavy.srpkg").toString(),
            "--version",
            "1",
            "--encrypt",
            "--kdf-memory-kib",
            "1048576");

    assertThat(built.exitCode()).isEqualTo(1);
    assertThat(built.err()).contains("Argon2id memory 1048576 KiB is outside 8..262144 KiB");
  }

  /** The package with one entry replaced by {@code size} zero bytes, honestly declared. */
  private static byte[] withZeros(byte[] zip, String name, long size) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.setLevel(9);
      byte[] chunk = new byte[1 << 20];
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals(name)) {
          for (long left = size; left > 0; left -= chunk.length) {
            out.write(chunk);
          }
        } else {
          out.write(in.readAllBytes());
        }
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
