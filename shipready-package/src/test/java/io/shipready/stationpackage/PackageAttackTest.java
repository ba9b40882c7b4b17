package io.shipready.stationpackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packages made to hurt the PC that verifies them or to pass for what they are not: ZIP bombs,
 * packages cut short, ZIPs whose directory and local headers disagree. Each is refused, naming the
 * package, before anything large is unpacked.
 */
class PackageAttackTest {
  private static final Supplier<char[]> NO_PASSPHRASE =
      () -> {
        throw new AssertionError("a plain package must not ask for a passphrase");
      };

  /** Unpacking any bomb here would allocate at least this much; a refusal allocates far less. */
  private static final long BOMB_BYTES = 64L << 20;

  private static final long ALLOWED_ALLOCATION = 16L << 20;
  private static RawZip.Entry bomb;

  @TempDir Path dir;
  private PackageKeys.PublicKeyFile teamPublic;
  private List<RawZip.Entry> signed;

  @BeforeAll
  static void makeTheBombOnce() {
    bomb = RawZip.zeros("files/images/app.bin", BOMB_BYTES);
  }

  @BeforeEach
  void buildASignedPackage() throws Exception {
    Path line = PackageFixture.line(dir);
    PackageKeys.GeneratedKeys keys = PackageKeys.generate(dir.resolve("keys"), "acme-product");
    teamPublic = PackageKeys.readPublic(keys.publicKeyFile());
    byte[] zip =
        PackageBuilder.of(line)
            .version("1.0.0")
            .signWith(PackageKeys.readPrivate(keys.privateKeyFile()))
            .build()
            .zip();
    signed = new ArrayList<>();
    PackageFixture.unzip(zip)
        .forEach((name, content) -> signed.add(RawZip.deflated(name, content)));
  }

  private record Refusal(String message, long allocatedBytes) {}

  private Refusal refusal(Path file) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    PackageException refused =
        catchThrowableOfType(
            () -> PackageReader.read(file, NO_PASSPHRASE, Trust.key(teamPublic)),
            PackageException.class);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(refused).as("the package is refused").isNotNull();
    assertThat(refused.getMessage()).contains(file.toString());
    return new Refusal(refused.getMessage(), allocated);
  }

  private Path write(List<RawZip.Entry> entries) throws Exception {
    return Files.write(dir.resolve("attack.srpkg"), RawZip.write(entries));
  }

  private Path withAppImage(UnaryOperator<RawZip.Entry> change) throws Exception {
    return write(
        signed.stream()
            .map(entry -> entry.name().equals("files/images/app.bin") ? change.apply(entry) : entry)
            .toList());
  }

  @Test
  void theUntouchedPackageBuiltByteByByteIsIntact() throws Exception {
    assertThat(PackageReader.read(write(signed), NO_PASSPHRASE, Trust.key(teamPublic)).signed())
        .isTrue();
  }

  @Test
  void checkingAPackageStreamsItsFilesInsteadOfHoldingThem() throws Exception {
    Path line = PackageFixture.line(Files.createDirectories(dir.resolve("large")));
    Files.write(line.resolve("images/large.bin"), new byte[(int) BOMB_BYTES]);
    Path file =
        Files.write(dir.resolve("large.srpkg"), PackageBuilder.of(line).version("1").build().zip());
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    long before = threads.getCurrentThreadAllocatedBytes();
    VerifiedPackage checked = PackageReader.check(file, NO_PASSPHRASE, new Trust(null, true));
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(checked.manifest().byPath().get("images/large.bin").size()).isEqualTo(BOMB_BYTES);
    assertThat(allocated).isLessThan(ALLOWED_ALLOCATION);
  }

  @Test
  void aBombDeclaringItsTrueSizeIsRefusedBeforeAnythingIsUnpacked() throws Exception {
    Refusal refusal = refusal(withAppImage(image -> bomb));

    assertThat(refusal.message())
        .contains("images/app.bin: the ZIP declares " + BOMB_BYTES + " bytes, the manifest 8");
    assertThat(refusal.allocatedBytes()).isLessThan(ALLOWED_ALLOCATION);
  }

  @Test
  void aBombDeclaringTheManifestsSizeIsRefusedAtTheFirstByteBeyondIt() throws Exception {
    Refusal refusal = refusal(withAppImage(image -> bomb.declaring(image.size(), image.crc())));

    assertThat(refusal.message())
        .contains("file images/app.bin: unpacks to more than the 8 bytes it declares");
    assertThat(refusal.allocatedBytes()).isLessThan(ALLOWED_ALLOCATION);
  }

  @Test
  void aBombInAnEntryTheManifestDoesNotListIsNeverUnpacked() throws Exception {
    List<RawZip.Entry> entries = new ArrayList<>(signed);
    entries.add(bomb.named("files/images/extra.bin"));

    Refusal refusal = refusal(write(entries));

    assertThat(refusal.message())
        .contains("images/extra.bin: in the package but not in the manifest");
    assertThat(refusal.allocatedBytes()).isLessThan(ALLOWED_ALLOCATION);
  }

  @Test
  void aManifestRewrittenToDeclareTheBombFailsItsSignatureBeforeAnythingIsUnpacked()
      throws Exception {
    List<RawZip.Entry> entries = new ArrayList<>();
    for (RawZip.Entry entry : signed) {
      if (entry.name().equals(ManifestJson.FILE)) {
        String manifest =
            new String(
                PackageFixture.unzip(RawZip.write(List.of(entry))).get(ManifestJson.FILE),
                StandardCharsets.UTF_8);
        entries.add(
            RawZip.deflated(
                ManifestJson.FILE,
                manifest
                    .replace("\"size\" : 8,", "\"size\" : " + BOMB_BYTES + ",")
                    .getBytes(StandardCharsets.UTF_8)));
      } else {
        entries.add(entry.name().equals("files/images/app.bin") ? bomb : entry);
      }
    }

    Refusal refusal = refusal(write(entries));

    assertThat(refusal.message()).contains("manifest.sig does not match manifest.json");
    assertThat(refusal.allocatedBytes()).isLessThan(ALLOWED_ALLOCATION);
  }

  @Test
  void aPackageCutShortAnywhereIsRefusedNamingTheFix() throws Exception {
    byte[] whole = RawZip.write(signed);
    int directory = whole.length - 22 - directoryBytes();
    for (int length :
        new int[] {whole.length - 1, whole.length - 22, directory + 10, directory, 200}) {
      Path file = dir.resolve("cut-" + length + ".srpkg");
      Files.write(file, Arrays.copyOf(whole, length));

      PackageException refused =
          catchThrowableOfType(
              () -> PackageReader.read(file, NO_PASSPHRASE, Trust.key(teamPublic)),
              PackageException.class);

      assertThat(refused).as("cut to " + length + " of " + whole.length + " bytes").isNotNull();
      assertThat(refused.getMessage())
          .contains(file.toString())
          .contains("cut short")
          .contains("copy the whole file again");
    }
  }

  private int directoryBytes() {
    return signed.stream()
        .mapToInt(entry -> 46 + entry.name().getBytes(StandardCharsets.UTF_8).length)
        .sum();
  }

  @Test
  void aNameUsedTwiceIsRefused() throws Exception {
    List<RawZip.Entry> entries = new ArrayList<>(signed);
    entries.add(RawZip.deflated("files/recipe.yaml", "recipe: other\n".getBytes()));

    assertThat(refusal(write(entries)).message()).contains("entry files/recipe.yaml appears twice");
  }

  @Test
  void aDirectoryRecordThatDisagreesWithItsLocalHeaderIsRefused() throws Exception {
    Path renamed = withAppImage(image -> image.withLocalName("files/images/evil.bin"));
    assertThat(refusal(renamed).message())
        .contains(
            "entry files/images/app.bin: its local header differs from the central directory");

    // Other ZIP tools read the directory: what they would unpack must be what was verified.
    Path resized = withAppImage(image -> image.withLocalSize(image.size() + 1));
    assertThat(refusal(resized).message()).contains("its local header differs");
  }

  @Test
  void namesThatLeaveTheInstallFolderAreRefused() throws Exception {
    for (String name : List.of("files/../../evil.sh", "/etc/cron.d/evil", "files/a/../../x")) {
      List<RawZip.Entry> entries = new ArrayList<>(signed);
      entries.add(RawZip.deflated(name, new byte[] {1}));

      assertThat(refusal(write(entries)).message()).contains(name).contains("refused");
    }
  }

  @Test
  void entriesAPackageDoesNotHaveAndFilesMissingAreEachNamed() throws Exception {
    List<RawZip.Entry> entries = new ArrayList<>();
    for (RawZip.Entry entry : signed) {
      if (!entry.name().equals("files/labels/box.json")) {
        entries.add(entry);
      }
    }
    entries.add(RawZip.deflated("autorun.sh", new byte[] {1}));

    assertThat(refusal(write(entries)).message())
        .contains("autorun.sh: an entry a station package does not have")
        .contains("labels/box.json: listed in the manifest but missing from the package");
  }
}
