package io.shipready.stationpackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sealed package's header says how costly deriving its key is. A changed header must be refused
 * before the key is derived — and, with a trusted key, before the passphrase is even asked for.
 */
class SealedPackageHeaderTest {
  private static final int MEMORY_AT = 10;
  private static final int ITERATIONS_AT = 14;
  private static final Supplier<char[]> NOT_ASKED =
      () -> {
        throw new AssertionError("the passphrase must not be asked for a refused header");
      };

  @TempDir Path dir;
  private byte[] zip;
  private PackageKeys.SigningKey team;
  private Trust trustTeam;

  @BeforeEach
  void buildAPackage() throws Exception {
    PackageKeys.GeneratedKeys keys = PackageKeys.generate(dir.resolve("keys"), "acme-product");
    team = PackageKeys.readPrivate(keys.privateKeyFile());
    trustTeam = Trust.key(PackageKeys.readPublic(keys.publicKeyFile()));
    zip = PackageBuilder.of(PackageFixture.line(dir)).version("1").signWith(team).build().zip();
  }

  private Path sealed(PackageKeys.SigningKey signer, int field, int value) throws Exception {
    byte[] file =
        PackageEncryption.encrypt(zip, "pw".toCharArray(), PackageFixture.FAST_KDF, signer);
    if (field >= 0) {
      ByteBuffer.wrap(file).putInt(field, value);
    }
    return Files.write(dir.resolve("sealed.srpkg"), file);
  }

  @Test
  void aSignedHeaderOpensWithThePassphrase() throws Exception {
    Path file = sealed(team, -1, 0);

    assertThat(PackageReader.read(file, "pw"::toCharArray, trustTeam).manifest().version())
        .isEqualTo("1");
  }

  @Test
  void aChangedSignedHeaderIsRefusedBeforeThePassphraseIsAsked() throws Exception {
    Path file = sealed(team, ITERATIONS_AT, 2);

    assertThatThrownBy(() -> PackageReader.read(file, NOT_ASKED, trustTeam))
        .isInstanceOf(PackageException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("header is not signed by the trusted key acme-product")
        .hasMessageContaining("get the package again");
  }

  @Test
  void anUnsignedHeaderIsRefusedWhenAKeyIsTrusted() throws Exception {
    Path file = sealed(null, -1, 0);

    assertThatThrownBy(() -> PackageReader.read(file, NOT_ASKED, trustTeam))
        .hasMessageContaining("header is not signed; build it with --sign");
  }

  @Test
  void settingsBeyondTheBoundsAreRefusedBeforeDerivingEvenUnsigned() throws Exception {
    Trust trial = new Trust(null, true);
    Path memory = sealed(null, MEMORY_AT, 512 * 1024);
    long started = System.nanoTime();

    assertThatThrownBy(() -> PackageReader.read(memory, NOT_ASKED, trial))
        .hasMessageContaining("Argon2id memory 524288 KiB is outside 8..262144 KiB")
        .hasMessageContaining("refused before deriving its key");
    Path passes = sealed(null, ITERATIONS_AT, 50);
    assertThatThrownBy(() -> PackageReader.read(passes, NOT_ASKED, trial))
        .hasMessageContaining("Argon2id iterations 50 is outside 1..10");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aPackageSealedInTheOldUnsignedFormatIsRefusedAskingForANewBuild() throws Exception {
    Path file = sealed(team, -1, 0);
    byte[] bytes = Files.readAllBytes(file);
    bytes[PackageEncryption.MAGIC.length] = 1;
    Files.write(file, bytes);

    assertThatThrownBy(() -> PackageReader.read(file, NOT_ASKED, trustTeam))
        .hasMessageContaining("format 1")
        .hasMessageContaining("build the package again");
  }

  @Test
  void aSealedPackageCutShortIsRefused() throws Exception {
    byte[] whole = Files.readAllBytes(sealed(team, -1, 0));
    Path header = Files.write(dir.resolve("header.srpkg"), java.util.Arrays.copyOf(whole, 40));
    Path body = Files.write(dir.resolve("body.srpkg"), java.util.Arrays.copyOf(whole, 400));

    assertThatThrownBy(() -> PackageReader.read(header, NOT_ASKED, trustTeam))
        .hasMessageContaining("cut short");
    assertThatThrownBy(() -> PackageReader.read(body, "pw"::toCharArray, trustTeam))
        .hasMessageContaining("wrong passphrase or damaged package");
  }
}
