package io.shipready.app.cli;

import io.shipready.stationpackage.PackageKeys;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Signing keys of a product team. */
@Command(
    name = "keys",
    description = "Signing keys for station packages.",
    mixinStandardHelpOptions = true,
    subcommands = {KeysCommand.Generate.class})
public final class KeysCommand {

  /** {@code shipready keys generate}. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description = {
        "Make an Ed25519 key pair for signing station packages: ID.key (secret, readable by its"
            + " owner only) and ID.pub (give it to the factories).",
        "The .pub file is in the same format as a line of a keystore image."
      })
  public static final class Generate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin VerboseOption verbose;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "DIR",
        description = "Folder to write the keys into.")
    Path out;

    @Option(
        names = "--id",
        paramLabel = "ID",
        defaultValue = "package-signing",
        description = "The key's id, named in signatures and refusals (default ${DEFAULT-VALUE}).")
    String keyId;

    @Override
    public Integer call() {
      PackageKeys.GeneratedKeys keys = PackageKeys.generate(out, keyId);
      var stdout = spec.commandLine().getOut();
      stdout.println("private key: " + keys.privateKeyFile() + "  (keep it secret)");
      stdout.println("public key:  " + keys.publicKeyFile() + "  (give it to the factories)");
      stdout.println("fingerprint: " + keys.fingerprint());
      stdout.flush();
      return 0;
    }
  }
}
