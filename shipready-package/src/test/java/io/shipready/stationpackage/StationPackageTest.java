package io.shipready.stationpackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationPackageTest {
  private static final Supplier<char[]> NO_PASSPHRASE =
      () -> {
        throw new AssertionError("a plain package must not ask for a passphrase");
      };

  @TempDir Path dir;
  private Path line;
  private PackageKeys.SigningKey team;
  private PackageKeys.PublicKeyFile teamPublic;

  @BeforeEach
  void makeLineAndKeys() throws Exception {
    line = PackageFixture.line(dir);
    PackageKeys.GeneratedKeys keys = PackageKeys.generate(dir.resolve("keys"), "acme-product");
    team = PackageKeys.readPrivate(keys.privateKeyFile());
    teamPublic = PackageKeys.readPublic(keys.publicKeyFile());
  }

  private Path build(String fileName) throws Exception {
    PackageBuilder.Built built = PackageBuilder.of(line).version("1.0.0").signWith(team).build();
    Path file = dir.resolve(fileName);
    Files.write(file, built.zip());
    return file;
  }

  @Test
  void aSignedPackageVerifiesAndInstallsWithEveryFileAndItsRole() throws Exception {
    Path file = build("widget.srpkg");

    VerifiedPackage verified = PackageReader.read(file, NO_PASSPHRASE, Trust.key(teamPublic));
    InstalledPackage installed = PackageInstaller.install(verified, dir.resolve("station"));

    assertThat(verified.manifest().name()).isEqualTo("widget-line");
    assertThat(verified.manifest().byPath())
        .extractingFromEntries(entry -> entry.getKey() + "=" + entry.getValue().role())
        .containsExactly(
            "README.txt=OTHER",
            "hooks/pre-test.sh=OTHER",
            "images/app.bin=IMAGE",
            "labels/box.json=LABEL",
            "recipe.yaml=RECIPE",
            "station-config.template.yaml=CONFIG_TEMPLATE");
    assertThat(dir.resolve("station/images/app.bin"))
        .hasBinaryContent(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    assertThat(installed.manifestSha256()).isEqualTo(verified.manifestSha256());
    if (Files.getFileStore(line).supportsFileAttributeView("posix")) {
      assertThat(verified.manifest().byPath().get("hooks/pre-test.sh").executable()).isTrue();
      assertThat(Files.isExecutable(dir.resolve("station/hooks/pre-test.sh"))).isTrue();
      assertThat(Files.isExecutable(dir.resolve("station/images/app.bin"))).isFalse();
    }
    assertThat(installed.signer())
        .get()
        .extracting(PackageKeys.PublicKeyFile::fingerprint)
        .isEqualTo(teamPublic.fingerprint());
    installed.verify(teamPublic, false, List.of(dir.resolve("station/recipe.yaml")));
  }

  @Test
  void oneFlippedByteInAnImageIsRefusedNamingTheFile() throws Exception {
    Path file = build("widget.srpkg");
    PackageFixture.rewrite(
        file,
        entries -> {
          entries.get("files/images/app.bin")[3] ^= 0x01;
          return entries;
        });

    assertThatThrownBy(() -> PackageReader.read(file, NO_PASSPHRASE, Trust.key(teamPublic)))
        .isInstanceOf(PackageException.class)
        .hasMessageContaining("images/app.bin: SHA-256 differs from the manifest")
        .hasMessageNotContaining("recipe.yaml:");
  }

  @Test
  void missingAndExtraFilesAreEachNamed() throws Exception {
    Path file = build("widget.srpkg");
    PackageFixture.rewrite(
        file,
        entries -> {
          entries.remove("files/labels/box.json");
          entries.put("files/images/extra.bin", new byte[] {9});
          return entries;
        });

    assertThatThrownBy(() -> PackageReader.read(file, NO_PASSPHRASE, Trust.key(teamPublic)))
        .hasMessageContaining("labels/box.json: listed in the manifest but missing")
        .hasMessageContaining("images/extra.bin: in the package but not in the manifest");
  }

  @Test
  void aPackageSignedByAnotherKeyIsRefusedNamingBothKeys() throws Exception {
    Path file = build("widget.srpkg");
    PackageKeys.GeneratedKeys other = PackageKeys.generate(dir.resolve("other"), "someone-else");
    PackageKeys.PublicKeyFile otherPublic = PackageKeys.readPublic(other.publicKeyFile());

    assertThatThrownBy(() -> PackageReader.read(file, NO_PASSPHRASE, Trust.key(otherPublic)))
        .isInstanceOf(PackageException.class)
        .hasMessageContaining(
            "signed by key acme-product "
                + teamPublic.fingerprint()
                + ", not the trusted someone-else "
                + otherPublic.fingerprint());
  }

  @Test
  void aManifestChangedAfterSigningIsRefused() throws Exception {
    Path file = build("widget.srpkg");
    PackageFixture.rewrite(
        file,
        entries -> {
          String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
          entries.put(
              "manifest.json",
              manifest.replace("\"1.0.0\"", "\"1.0.1\"").getBytes(StandardCharsets.UTF_8));
          return entries;
        });

    assertThatThrownBy(() -> PackageReader.read(file, NO_PASSPHRASE, Trust.key(teamPublic)))
        .hasMessageContaining("manifest.sig does not match manifest.json");
  }

  @Test
  void anUnsignedPackageIsRefusedUnlessAllowed() throws Exception {
    Path file = dir.resolve("unsigned.srpkg");
    Files.write(file, PackageBuilder.of(line).version("1").build().zip());

    assertThatThrownBy(() -> PackageReader.read(file, NO_PASSPHRASE, Trust.key(teamPublic)))
        .hasMessageContaining("the package is not signed");
    assertThat(PackageReader.read(file, NO_PASSPHRASE, new Trust(null, true)).signed()).isFalse();
  }

  @Test
  void entriesThatWouldLeaveTheInstallFolderAreRefused() throws Exception {
    Path file = build("widget.srpkg");
    PackageFixture.rewrite(
        file,
        entries -> {
          entries.put("files/../../evil.sh", new byte[] {1});
          return entries;
        });

    assertThatThrownBy(() -> PackageReader.read(file, NO_PASSPHRASE, Trust.key(teamPublic)))
        .hasMessageContaining("files/../../evil.sh")
        .hasMessageContaining("escapes its folder");
    assertThat(dir.getParent().resolve("evil.sh")).doesNotExist();
  }

  @Test
  void anEncryptedPackageOpensWithItsPassphraseAndAWrongOneGetsAClearError() throws Exception {
    byte[] zip = PackageBuilder.of(line).version("2").signWith(team).build().zip();
    Path file = dir.resolve("sealed.srpkg");
    Files.write(
        file,
        PackageEncryption.encrypt(
            zip, "correct horse".toCharArray(), PackageFixture.FAST_KDF, team));

    assertThat(PackageEncryption.isEncrypted(Files.readAllBytes(file))).isTrue();
    assertThat(
            PackageReader.read(file, "correct horse"::toCharArray, Trust.key(teamPublic))
                .manifest()
                .version())
        .isEqualTo("2");
    assertThatThrownBy(
            () -> PackageReader.read(file, "battery staple"::toCharArray, Trust.key(teamPublic)))
        .isInstanceOf(PackageException.class)
        .hasMessageContaining("wrong passphrase or damaged package");
  }

  @Test
  void aDamagedEncryptedPackageIsRefusedLikeAWrongPassphrase() throws Exception {
    byte[] zip = PackageBuilder.of(line).version("2").signWith(team).build().zip();
    byte[] sealed =
        PackageEncryption.encrypt(zip, "pw".toCharArray(), PackageFixture.FAST_KDF, team);
    sealed[sealed.length - 40] ^= 0x10;
    Path file = dir.resolve("damaged.srpkg");
    Files.write(file, sealed);

    assertThatThrownBy(() -> PackageReader.read(file, "pw"::toCharArray, Trust.key(teamPublic)))
        .hasMessageContaining("wrong passphrase or damaged package");
  }

  @Test
  void anInstalledRecipeEditedAfterInstallIsCaught() throws Exception {
    InstalledPackage installed =
        PackageInstaller.install(
            PackageReader.read(build("widget.srpkg"), NO_PASSPHRASE, Trust.key(teamPublic)),
            dir.resolve("station"));
    Path recipe = dir.resolve("station/recipe.yaml");
    recipe.toFile().setWritable(true);
    Files.writeString(recipe, "recipe: widget\nversion: \"1.0\"\nsteps: [] # faster\n");

    assertThatThrownBy(() -> installed.verify(teamPublic, false, List.of(recipe)))
        .hasMessageContaining("the station will not start")
        .hasMessageContaining("recipe.yaml: SHA-256 differs from the manifest");
  }

  @Test
  void filesAddedAfterInstallAreCaughtWhenTheyCouldBeUsedButTheFactorysOwnAreNot()
      throws Exception {
    InstalledPackage installed =
        PackageInstaller.install(
            PackageReader.read(build("widget.srpkg"), NO_PASSPHRASE, Trust.key(teamPublic)),
            dir.resolve("station"));
    Path station = dir.resolve("station");
    Files.writeString(station.resolve("station-config.yaml"), "stationId: PROG-1\n");
    Files.write(station.resolve("shipready.db"), new byte[] {0});
    installed.verify(teamPublic, false, List.of(station.resolve("recipe.yaml")));

    Files.write(station.resolve("images/other.bin"), new byte[] {7});
    Files.writeString(station.resolve("quick.yaml"), "recipe: quick\nsteps: []\n");
    assertThatThrownBy(
            () -> installed.verify(teamPublic, false, List.of(station.resolve("quick.yaml"))))
        .hasMessageContaining("images/other.bin: not in the manifest")
        .hasMessageContaining("quick.yaml: not in the package's manifest");
  }

  @Test
  void aSignatureRemovedAfterInstallIsRefusedUnlessUnsignedIsAllowed() throws Exception {
    InstalledPackage installed =
        PackageInstaller.install(
            PackageReader.read(build("widget.srpkg"), NO_PASSPHRASE, Trust.key(teamPublic)),
            dir.resolve("station"));
    Files.delete(dir.resolve("station/.shipready-package/manifest.sig"));
    Files.delete(dir.resolve("station/.shipready-package/signer.pub"));
    List<Path> recipe = List.of(dir.resolve("station/recipe.yaml"));

    assertThatThrownBy(() -> installed.verify(null, false, recipe))
        .hasMessageContaining("is not signed");
    assertThatThrownBy(() -> installed.verify(teamPublic, false, recipe))
        .hasMessageContaining("is not signed");
    installed.verify(null, true, recipe);
  }

  @Test
  void installRefusesAFolderThatIsNotEmpty() throws Exception {
    VerifiedPackage verified =
        PackageReader.read(build("widget.srpkg"), NO_PASSPHRASE, Trust.key(teamPublic));
    Path target = Files.createDirectories(dir.resolve("busy"));
    Files.writeString(target.resolve("something"), "x");

    assertThatThrownBy(() -> PackageInstaller.install(verified, target))
        .hasMessageContaining("is not empty");
  }

  @Test
  void theInstalledPackageIsFoundFromTheRecipe() throws Exception {
    PackageInstaller.install(
        PackageReader.read(build("widget.srpkg"), NO_PASSPHRASE, Trust.key(teamPublic)),
        dir.resolve("station"));

    assertThat(InstalledPackage.containing(dir.resolve("station/recipe.yaml")))
        .get()
        .extracting(found -> found.manifest().title())
        .isEqualTo("widget-line 1.0.0");
    assertThat(InstalledPackage.containing(line.resolve("recipe.yaml"))).isEmpty();
  }

  @Test
  void thePrivateKeyIsReadableByItsOwnerOnly() throws Exception {
    Path key = dir.resolve("keys/acme-product.key");
    if (Files.getFileStore(key).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(key))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
    assertThat(team.publicKey()).isEqualTo(teamPublic.key());
    assertThatThrownBy(() -> PackageKeys.generate(dir.resolve("keys"), "acme-product"))
        .hasMessageContaining("already exists");
  }

  @Test
  void theBundledSampleLineBuildsVerifiesAndInstalls() throws Exception {
    Path sample = Path.of("..", "lines", "sample");
    PackageBuilder.Built built = PackageBuilder.of(sample).version("1.0").signWith(team).build();
    Path file = dir.resolve("sample.srpkg");
    Files.write(file, built.zip());

    VerifiedPackage verified = PackageReader.read(file, NO_PASSPHRASE, Trust.key(teamPublic));
    PackageInstaller.install(verified, dir.resolve("sample"))
        .verify(teamPublic, false, List.of(dir.resolve("sample/recipe.yaml")));

    Map<String, Manifest.Entry> files = verified.manifest().byPath();
    assertThat(files.get("recipe.yaml").role()).isEqualTo(FileRole.RECIPE);
    assertThat(files.get("images/ncp-0.0.7.bin").role()).isEqualTo(FileRole.IMAGE);
  }
}
