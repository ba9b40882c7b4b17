package io.shipready.app.cli;

import io.shipready.stationpackage.FileRole;
import io.shipready.stationpackage.KdfSettings;
import io.shipready.stationpackage.Manifest;
import io.shipready.stationpackage.PackageBuilder;
import io.shipready.stationpackage.PackageEncryption;
import io.shipready.stationpackage.PackageException;
import io.shipready.stationpackage.PackageInstaller;
import io.shipready.stationpackage.PackageKeys;
import io.shipready.stationpackage.PackageReader;
import io.shipready.stationpackage.Trust;
import io.shipready.stationpackage.VerifiedPackage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Station packages: build one for a factory, verify it, install it on a station. */
@Command(
    name = "package",
    description = "Station packages: a line profile as one signed (and optionally encrypted) file.",
    mixinStandardHelpOptions = true,
    subcommands = {
      PackageCommand.Build.class,
      PackageCommand.Verify.class,
      PackageCommand.Install.class
    })
public final class PackageCommand {

  /** The key a factory trusts, or an explicit choice to accept unsigned packages. */
  static final class TrustOptions {
    @Option(
        names = "--trust",
        paramLabel = "PUBKEY",
        description = "The product team's public key file (.pub of 'shipready keys generate').")
    Path trust;

    @Option(
        names = "--allow-unsigned",
        description =
            "Accept a package without a signature (for a trial only, never in production).")
    boolean allowUnsigned;

    Trust trust(CommandSpec spec) {
      if (trust == null && !allowUnsigned) {
        throw new ParameterException(
            spec.commandLine(),
            "say which key to trust: --trust the product team's .pub file (or, for a trial only,"
                + " --allow-unsigned)");
      }
      return new Trust(trust == null ? null : PackageKeys.readPublic(trust), allowUnsigned);
    }
  }

  /** {@code shipready package build}. */
  // No standard --version here: it names the package's version.
  @Command(
      name = "build",
      description = {
        "Build a station package from a line profile folder: every file with its SHA-256 in a"
            + " manifest, the manifest signed with --sign, all in one file.",
        "With --encrypt the whole package is sealed with a passphrase ($"
            + PassphraseOption.ENVIRONMENT
            + ", --passphrase-file, or a prompt): AES-256-GCM, key from Argon2id."
      })
  public static final class Build implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Show this help message and exit.")
    boolean help;

    @Mixin VerboseOption verbose;

    @Mixin PassphraseOption passphrase;

    @Parameters(index = "0", paramLabel = "LINE_DIR", description = "The line profile's folder.")
    Path lineDir;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Package file.")
    Path out;

    @Option(
        names = "--version",
        required = true,
        paramLabel = "V",
        description = "The package's version, e.g. 1.4.0.")
    String version;

    @Option(
        names = "--name",
        paramLabel = "NAME",
        description = "The package's name (default: the folder's name).")
    String name;

    @Option(
        names = "--sign",
        paramLabel = "KEY",
        description = "Sign with this private key file (.key of 'shipready keys generate').")
    Path signingKey;

    @Option(names = "--encrypt", description = "Seal the package with a passphrase.")
    boolean encrypt;

    @Option(
        names = "--kdf-memory-kib",
        paramLabel = "KIB",
        description =
            "Argon2id memory in KiB (default: ${DEFAULT-VALUE}; lower is easier to guess).",
        defaultValue = "65536")
    int kdfMemoryKib;

    @Option(
        names = "--kdf-iterations",
        paramLabel = "N",
        description = "Argon2id passes (default: ${DEFAULT-VALUE}).",
        defaultValue = "3")
    int kdfIterations;

    @Override
    public Integer call() throws IOException {
      PackageBuilder builder = PackageBuilder.of(lineDir).version(version);
      if (name != null) {
        builder.name(name);
      }
      PackageKeys.SigningKey key = signingKey == null ? null : PackageKeys.readPrivate(signingKey);
      builder.signWith(key);
      PackageBuilder.Built built = builder.build();
      byte[] content = built.zip();
      KdfSettings kdf = null;
      if (encrypt) {
        kdf = new KdfSettings(kdfMemoryKib, kdfIterations, KdfSettings.DEFAULT.parallelism());
        char[] secret = passphrase.toSeal();
        try {
          content = PackageEncryption.encrypt(content, secret, kdf, key);
        } finally {
          Arrays.fill(secret, '\0');
        }
      }
      writeWhole(out, content);
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println(
          "built "
              + out
              + ": package "
              + built.manifest().title()
              + ", "
              + roles(built.manifest()));
      stdout.println("  manifest sha256 " + built.manifestSha256());
      stdout.println(
          key == null
              ? "  NOT SIGNED: stations refuse it unless told --allow-unsigned"
              : "  signed by " + key.keyId() + " " + PackageKeys.fingerprint(key.publicKey()));
      if (kdf != null) {
        stdout.println(
            "  encrypted: AES-256-GCM, Argon2id "
                + kdf.memoryKiB()
                + " KiB, "
                + kdf.iterations()
                + (kdf.iterations() == 1 ? " pass" : " passes"));
      }
      stdout.flush();
      return 0;
    }
  }

  /** {@code shipready package verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Check a package completely: passphrase, signer, signature, and every file against the"
              + " manifest. Exit code 0 when it is intact, 1 when it is refused.")
  public static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin VerboseOption verbose;

    @Mixin PassphraseOption passphrase;

    @Mixin TrustOptions trust;

    @Parameters(index = "0", paramLabel = "FILE", description = "The package file.")
    Path file;

    @Override
    public Integer call() {
      VerifiedPackage verified = PackageReader.check(file, passphrase::toOpen, trust.trust(spec));
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println(file + ": intact. " + describe(verified));
      stdout.flush();
      return 0;
    }
  }

  /** {@code shipready package install}. */
  @Command(
      name = "install",
      mixinStandardHelpOptions = true,
      description = {
        "Verify a package and install it into a new folder. Stations started from it check every"
            + " file again before they run.",
        "Then copy the config template to station-config.yaml in that folder and fill it in."
      })
  public static final class Install implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin VerboseOption verbose;

    @Mixin PassphraseOption passphrase;

    @Mixin TrustOptions trust;

    @Parameters(index = "0", paramLabel = "FILE", description = "The package file.")
    Path file;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "DIR",
        description = "A new (or empty) folder to install into.")
    Path to;

    @Override
    public Integer call() {
      VerifiedPackage verified = PackageReader.read(file, passphrase::toOpen, trust.trust(spec));
      PackageInstaller.install(verified, to);
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.println("installed " + file + " into " + to + ". " + describe(verified));
      verified.manifest().files().stream()
          .filter(entry -> entry.role() == FileRole.RECIPE)
          .forEach(entry -> stdout.println("  recipe: " + to.resolve(entry.path())));
      verified.manifest().files().stream()
          .filter(entry -> entry.role() == FileRole.CONFIG_TEMPLATE)
          .forEach(
              entry ->
                  stdout.println(
                      "  station config template: "
                          + to.resolve(entry.path())
                          + " (copy it, fill in every CHANGE_ME, run with --config)"));
      stdout.flush();
      return 0;
    }
  }

  static String describe(VerifiedPackage verified) {
    return "Package "
        + verified.manifest().title()
        + " ("
        + roles(verified.manifest())
        + "), manifest sha256 "
        + verified.manifestSha256()
        + (verified.signed()
            ? ", signed by " + verified.signer().keyId() + " " + verified.signer().fingerprint()
            : ", NOT SIGNED");
  }

  static String roles(Manifest manifest) {
    Map<FileRole, Integer> counts = new EnumMap<>(FileRole.class);
    manifest.files().forEach(entry -> counts.merge(entry.role(), 1, Integer::sum));
    StringBuilder text = new StringBuilder().append(manifest.files().size()).append(" files:");
    counts.forEach(
        (role, count) -> text.append(' ').append(count).append(' ').append(role.manifestName()));
    return text.toString();
  }

  /** Writes beside the target and moves it in, so a half-written package never exists. */
  private static void writeWhole(Path out, byte[] content) throws IOException {
    Path target = out.toAbsolutePath();
    if (Files.isDirectory(target)) {
      throw new PackageException(out + " is a folder; give the package file's name");
    }
    Files.createDirectories(target.getParent());
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    Files.write(partial, content);
    Files.move(
        partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
