package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product team's and the factory's commands end to end: keys, build, verify, install, and a
 * station run from the installed package, all through the real command line on real files.
 */
class StationPackageCommandTest {
  private static final Path SAMPLE_LINE = Path.of("..", "lines", "sample");

  @TempDir Path dir;
  private Path teamKey;
  private Path teamPublic;

  @BeforeEach
  void productTeamKeys() {
    CommandLineRun keys =
        CommandLineRun.of(
            "keys", "generate", "--out", dir.resolve("keys").toString(), "--id", "acme");
    assertThat(keys.exitCode()).as(keys.err()).isZero();
    teamKey = dir.resolve("keys/acme.key");
    teamPublic = dir.resolve("keys/acme.pub");
    assertThat(keys.out()).contains("fingerprint: SHA256:");
  }

  private Path build(String... extra) {
    Path file = dir.resolve("sample-1.0.srpkg");
    String[] args = {
      "package",
      "build",
      SAMPLE_LINE.toString(),
      "--out",
      file.toString(),
      "--version",
      "1.0",
      "--sign",
      teamKey.toString()
    };
    String[] all = new String[args.length + extra.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    CommandLineRun built = CommandLineRun.of(all);
    assertThat(built.exitCode()).as(built.err()).isZero();
    return file;
  }

  private CommandLineRun run(Path recipe, Path db, String... extra) {
    String[] args = {
      "run",
      "--recipe",
      recipe.toString(),
      "--simulate",
      "2",
      "--time-scale",
      "0.01",
      "--db",
      db.toString()
    };
    String[] all = new String[args.length + extra.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    return CommandLineRun.of(all);
  }

  @Test
  void thePrivateKeyIsTheOwnersOnly() throws Exception {
    if (Files.getFileStore(teamKey).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(teamKey))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
    assertThat(Files.readString(teamPublic)).contains("acme ");
  }

  @Test
  void aRunFromTheInstalledPackageRecordsThePackageAndTraceShowsIt() throws Exception {
    Path file = build();
    CommandLineRun verify =
        CommandLineRun.of("package", "verify", file.toString(), "--trust", teamPublic.toString());
    assertThat(verify.exitCode()).as(verify.err()).isZero();
    assertThat(verify.out()).contains("intact").contains("Package sample 1.0");

    Path station = dir.resolve("station");
    CommandLineRun install =
        CommandLineRun.of(
            "package",
            "install",
            file.toString(),
            "--trust",
            teamPublic.toString(),
            "--to",
            station.toString());
    assertThat(install.exitCode()).as(install.err()).isZero();
    String manifestSha = verify.out().replaceAll("(?s).*manifest sha256 ([0-9a-f]{64}).*", "$1");
    assertThat(manifestSha).hasSize(64);

    Path db = dir.resolve("records/station.db");
    CommandLineRun ran =
        run(station.resolve("recipe.yaml"), db, "--trust", teamPublic.toString(), "--json");
    assertThat(ran.exitCode()).as(ran.err()).isZero();
    String serial =
        new ObjectMapper()
            .readTree(ran.out())
            .get("runs")
            .get(0)
            .get("identifiers")
            .get("serial")
            .asText();

    CommandLineRun trace = CommandLineRun.of("trace", serial, "--db", db.toString());
    assertThat(trace.exitCode()).as(trace.err()).isZero();
    assertThat(trace.out()).contains("package sample 1.0 manifest sha256 " + manifestSha);

    CommandLineRun traceJson = CommandLineRun.of("trace", serial, "--db", db.toString(), "--json");
    JsonNode recorded = new ObjectMapper().readTree(traceJson.out()).get("runs").get(0);
    assertThat(recorded.get("station_package").get("manifest_sha256").asText())
        .isEqualTo(manifestSha);
    assertThat(recorded.get("station_package").get("signer").asText()).startsWith("SHA256:");
  }

  @Test
  void oneFlippedByteInAnImageIsRefusedNamingTheFile() throws Exception {
    Path file = build();
    rewrite(file, "files/images/ncp-0.0.7.bin");

    CommandLineRun verify =
        CommandLineRun.of("package", "verify", file.toString(), "--trust", teamPublic.toString());
    CommandLineRun install =
        CommandLineRun.of(
            "package",
            "install",
            file.toString(),
            "--trust",
            teamPublic.toString(),
            "--to",
            dir.resolve("station").toString());

    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.err()).contains("images/ncp-0.0.7.bin: SHA-256 differs from the manifest");
    assertThat(install.exitCode()).isEqualTo(1);
    assertThat(dir.resolve("station")).doesNotExist();
  }

  @Test
  void aPackageSignedByAnotherKeyIsRefused() throws Exception {
    Path file = build();
    CommandLineRun other =
        CommandLineRun.of(
            "keys", "generate", "--out", dir.resolve("other").toString(), "--id", "intruder");
    assertThat(other.exitCode()).isZero();

    CommandLineRun verify =
        CommandLineRun.of(
            "package",
            "verify",
            file.toString(),
            "--trust",
            dir.resolve("other/intruder.pub").toString());

    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.err())
        .contains("signed by key acme SHA256:")
        .contains("not the trusted intruder");
  }

  @Test
  void anEncryptedPackageNeedsItsPassphraseAndAWrongOneGetsAClearError() throws Exception {
    Path passphrase = Files.writeString(dir.resolve("passphrase.txt"), "tracker line 7\n");
    Path wrong = Files.writeString(dir.resolve("wrong.txt"), "tracker line 8\n");
    // Small key-derivation settings keep the test quick; packages in use get the strong defaults.
    Path file =
        build(
            "--encrypt",
            "--passphrase-file",
            passphrase.toString(),
            "--kdf-memory-kib",
            "64",
            "--kdf-iterations",
            "1");

    CommandLineRun refused =
        CommandLineRun.of(
            "package",
            "verify",
            file.toString(),
            "--trust",
            teamPublic.toString(),
            "--passphrase-file",
            wrong.toString());
    CommandLineRun opened =
        CommandLineRun.of(
            "package",
            "verify",
            file.toString(),
            "--trust",
            teamPublic.toString(),
            "--passphrase-file",
            passphrase.toString());

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("wrong passphrase or damaged package");
    assertThat(opened.exitCode()).as(opened.err()).isZero();
    assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1))
        .startsWith("SRPKGENC")
        .doesNotContain("recipe.yaml");
  }

  @Test
  void aRecipeEditedAfterInstallStopsTheStationBeforeAnyUnit() throws Exception {
    Path station = dir.resolve("station");
    CommandLineRun install =
        CommandLineRun.of(
            "package",
            "install",
            build().toString(),
            "--trust",
            teamPublic.toString(),
            "--to",
            station.toString());
    assertThat(install.exitCode()).as(install.err()).isZero();
    Path recipe = station.resolve("recipe.yaml");
    recipe.toFile().setWritable(true);
    Files.writeString(
        recipe, Files.readString(recipe).replace("retry: {count: 1", "retry: {count: 5"));
    Path db = dir.resolve("station.db");

    CommandLineRun ran = run(recipe, db);

    assertThat(ran.exitCode()).isEqualTo(1);
    assertThat(ran.err())
        .contains("the station will not start")
        .contains("recipe.yaml: SHA-256 differs from the manifest");
    assertThat(ran.out()).doesNotContain("unit 1");
    assertThat(db).doesNotExist();
  }

  @Test
  void anUnsignedPackageIsRefusedUnlessAllowed() throws Exception {
    Path file = dir.resolve("unsigned.srpkg");
    CommandLineRun built =
        CommandLineRun.of(
            "package",
            "build",
            SAMPLE_LINE.toString(),
            "--out",
            file.toString(),
            "--version",
            "0.1");
    assertThat(built.out()).contains("NOT SIGNED");

    CommandLineRun refused =
        CommandLineRun.of("package", "verify", file.toString(), "--trust", teamPublic.toString());
    CommandLineRun noTrust = CommandLineRun.of("package", "verify", file.toString());
    CommandLineRun allowed =
        CommandLineRun.of("package", "verify", file.toString(), "--allow-unsigned");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("not signed");
    assertThat(noTrust.exitCode()).isEqualTo(2);
    assertThat(noTrust.err()).contains("--trust");
    assertThat(allowed.exitCode()).as(allowed.err()).isZero();
    assertThat(allowed.out()).contains("NOT SIGNED");
  }

  @Test
  void aPackageInstalledUnsignedRunsOnlyWhenAllowedAndIsRecordedUnsigned() throws Exception {
    Path file = dir.resolve("unsigned.srpkg");
    assertThat(
            CommandLineRun.of(
                    "package",
                    "build",
                    SAMPLE_LINE.toString(),
                    "--out",
                    file.toString(),
                    "--version",
                    "0.2")
                .exitCode())
        .isZero();
    Path station = dir.resolve("trial");
    CommandLineRun install =
        CommandLineRun.of(
            "package", "install", file.toString(), "--allow-unsigned", "--to", station.toString());
    assertThat(install.exitCode()).as(install.err()).isZero();
    Path db = dir.resolve("trial.db");

    CommandLineRun refused = run(station.resolve("recipe.yaml"), db);
    CommandLineRun allowed =
        run(station.resolve("recipe.yaml"), db, "--allow-unsigned-package", "--json");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("is not signed");
    assertThat(allowed.exitCode()).as(allowed.err()).isZero();
    String serial =
        new ObjectMapper()
            .readTree(allowed.out())
            .get("runs")
            .get(0)
            .get("identifiers")
            .get("serial")
            .asText();
    assertThat(CommandLineRun.of("trace", serial, "--db", db.toString()).out())
        .contains("package sample 0.2 manifest sha256 ")
        .contains(", unsigned");
  }

  @Test
  void aStationToldToTrustAKeyRefusesARecipeNotFromAPackage() {
    CommandLineRun ran =
        run(
            SAMPLE_LINE.resolve("recipe.yaml"),
            dir.resolve("station.db"),
            "--trust",
            teamPublic.toString());

    assertThat(ran.exitCode()).isEqualTo(1);
    assertThat(ran.err()).contains("is not from an installed station package");
  }

  @Test
  void everyBundledLineWithARecipeBuildsIntoAPackageThatVerifiesAndInstalls() throws Exception {
    List<Path> lines;
    try (Stream<Path> folders = Files.list(SAMPLE_LINE.getParent())) {
      lines =
          folders.filter(Files::isDirectory).filter(StationPackageCommandTest::hasRecipe).toList();
    }
    assertThat(lines).as("bundled lines with a recipe").contains(SAMPLE_LINE);
    for (Path line : lines) {
      String name = line.getFileName().toString();
      Path file = dir.resolve(name + ".srpkg");
      CommandLineRun built =
          CommandLineRun.of(
              "package",
              "build",
              line.toString(),
              "--out",
              file.toString(),
              "--version",
              "1.0",
              "--sign",
              teamKey.toString());
      assertThat(built.exitCode()).as(name + ": " + built.err()).isZero();
      CommandLineRun verified =
          CommandLineRun.of("package", "verify", file.toString(), "--trust", teamPublic.toString());
      assertThat(verified.exitCode()).as(name + ": " + verified.err()).isZero();
      CommandLineRun installed =
          CommandLineRun.of(
              "package",
              "install",
              file.toString(),
              "--trust",
              teamPublic.toString(),
              "--to",
              dir.resolve("installed/" + name).toString());
      assertThat(installed.exitCode()).as(name + ": " + installed.err()).isZero();
      assertThat(dir.resolve("installed/" + name + "/.shipready-package/manifest.json")).exists();
    }
  }

  private static boolean hasRecipe(Path line) {
    try (Stream<Path> files = Files.walk(line)) {
      return files
          .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
          .anyMatch(
              file -> {
                try {
                  return Files.readString(file).lines().anyMatch(l -> l.startsWith("recipe:"));
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Flips one bit of one entry of the package file, leaving everything else as it was. */
  private static void rewrite(Path packageFile, String entryName) throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(packageFile)))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    entries.get(entryName)[100] ^= 0x01;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
    Files.write(packageFile, bytes.toByteArray());
  }
}
