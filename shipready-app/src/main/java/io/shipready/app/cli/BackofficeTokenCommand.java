package io.shipready.app.cli;

import io.shipready.backoffice.provisioning.ProvisioningFeature;
import io.shipready.backoffice.provisioning.auth.IssuedToken;
import io.shipready.backoffice.provisioning.auth.Scope;
import io.shipready.store.ServiceDatabase;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shipready backoffice token}: API tokens of the provisioning API. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "API tokens of the provisioning API.",
    subcommands = {BackofficeTokenCommand.Create.class})
public final class BackofficeTokenCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a token command (create)");
  }

  /** {@code shipready backoffice token create}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Make a bearer token for one product with the given scopes and print it, once: only its"
            + " SHA-256 is kept, in the back office's database (the one backoffice serve uses with"
            + " the same --data and --db). Keep it in a file or the environment (SHIPREADY_API_TOKEN), never"
            + " on a command line.",
        "Scopes: devices:import, sims:activate, groups:update, devices:update, devices:claim,"
            + " devices:read, or all."
      })
  public static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin VerboseOption verbose;

    @Mixin BackofficeDataOption data;

    @Mixin BackofficeDatabaseOption database;

    @Option(
        names = "--product",
        required = true,
        paramLabel = "P",
        description = "Product id or slug.")
    String product;

    @Option(
        names = "--scope",
        required = true,
        split = ",",
        paramLabel = "SCOPE",
        description = "One or more scopes (repeat or separate with commas), or all.")
    List<String> scopes;

    @Override
    public Integer call() {
      Set<Scope> wanted = EnumSet.noneOf(Scope.class);
      for (String scope : scopes) {
        if (scope.trim().equals("all")) {
          wanted.addAll(EnumSet.allOf(Scope.class));
        } else {
          wanted.add(Scope.parse(scope));
        }
      }
      try (ServiceDatabase opened =
          ServiceDatabase.open(
              database.url(data),
              ProvisioningFeature.MIGRATIONS,
              ProvisioningFeature.HISTORY_TABLE)) {
        IssuedToken token = ProvisioningFeature.tokenStore(opened).create(product, wanted);
        spec.commandLine().getOut().println(token.secret());
        spec.commandLine().getOut().flush();
        spec.commandLine()
            .getErr()
            .printf(
                "token %s for product %s (%s) stored in %s, the database backoffice serve uses"
                    + " with the same --data and --db; it is shown only this once%n",
                token.tokenId(),
                product,
                String.join(" ", wanted.stream().map(Scope::text).toList()),
                opened.describe());
        spec.commandLine().getErr().flush();
      }
      return 0;
    }
  }
}
