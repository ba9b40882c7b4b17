package io.shipready.app.cli;

import io.shipready.backoffice.BackofficeException;
import io.shipready.backoffice.DataFolder;
import io.shipready.backoffice.accounts.Account;
import io.shipready.backoffice.accounts.AccountBook;
import io.shipready.backoffice.accounts.FactoryName;
import io.shipready.backoffice.accounts.PasswordHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code shipready backoffice account}: the factories' SFTP accounts. */
@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description = "Manage the factories' SFTP accounts.",
    subcommands = {BackofficeAccountCommand.Add.class, BackofficeAccountCommand.ListAccounts.class})
public final class BackofficeAccountCommand implements Runnable {
  static final String PASSWORD = "SHIPREADY_BACKOFFICE_PASSWORD";

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name an account command: add, list");
  }

  /** {@code shipready backoffice account add}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add a factory's account, or replace its password and keys. The factory logs in with its"
            + " name and sees only its own folder (uploads go to /incoming).",
        "The password comes from $"
            + PASSWORD
            + " (--password-env names another variable) or --password-file, never the command"
            + " line; keys from --public-key files (OpenSSH .pub)."
      })
  public static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin VerboseOption verbose;

    @Mixin BackofficeDataOption data;

    @Option(names = "--factory", required = true, description = "Factory name (its SFTP user).")
    String factory;

    @Option(
        names = "--password-env",
        paramLabel = "VAR",
        description = "Environment variable holding the password (default " + PASSWORD + ").")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding it.")
    Path passwordFile;

    @Option(
        names = "--public-key",
        paramLabel = "FILE",
        description = "An authorized public key file; repeat for several.")
    List<Path> publicKeys = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      FactoryName.check(factory);
      String password = password();
      List<String> keys = new ArrayList<>();
      for (Path file : publicKeys) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank() && !line.strip().startsWith("#")) {
            keys.add(AccountBook.checkAuthorizedKey(line));
          }
        }
      }
      if (password == null && keys.isEmpty()) {
        throw new BackofficeException(
            "no password and no public key for factory "
                + factory
                + ": set $"
                + PASSWORD
                + ", or give --password-file or --public-key");
      }
      DataFolder folder = new DataFolder(data.data);
      AccountBook.open(folder.accounts())
          .put(
              new Account(
                  factory,
                  password == null ? null : PasswordHash.hash(password.toCharArray()),
                  keys));
      Files.createDirectories(folder.incoming(factory));
      spec.commandLine()
          .getOut()
          .printf(
              "account %s: %s%s; uploads go to /%s%n",
              factory,
              password == null ? "no password" : "password set",
              keys.isEmpty() ? "" : ", " + keys.size() + " key(s)",
              DataFolder.INCOMING);
      return 0;
    }

    private String password() throws java.io.IOException {
      if (passwordFile != null) {
        if (passwordEnv != null) {
          throw new ParameterException(
              spec.commandLine(), "give --password-env or --password-file, not both");
        }
        String text = Files.readString(passwordFile).strip();
        if (text.isEmpty()) {
          throw new BackofficeException("the password file " + passwordFile + " is empty");
        }
        return text;
      }
      String variable = passwordEnv != null ? passwordEnv : PASSWORD;
      String value = System.getenv(variable);
      if (passwordEnv != null && (value == null || value.isEmpty())) {
        throw new BackofficeException("$" + variable + " is not set; put the password in it");
      }
      return value == null || value.isEmpty() ? null : value;
    }
  }

  /** {@code shipready backoffice account list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the factories' accounts.")
  public static final class ListAccounts implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin BackofficeDataOption data;

    @Override
    public Integer call() {
      var out = spec.commandLine().getOut();
      for (Account account : AccountBook.open(new DataFolder(data.data).accounts()).all()) {
        out.printf(
            "%s\t%s\t%d key(s)%n",
            account.factory(),
            account.passwordHash() == null ? "no password" : "password",
            account.authorizedKeys().size());
      }
      out.flush();
      return 0;
    }
  }
}
