package io.shipready.backoffice.accounts;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shipready.backoffice.BackofficeException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * The factories' accounts, kept in a JSON file ({@code {"accounts": [{"factory": ..., "password":
 * "pbkdf2-sha256$...", "authorized_keys": ["ssh-ed25519 AAAA..."]}]}}). The file is read again when
 * it changes, so an account added while the server runs can log in at once.
 */
public final class AccountBook {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private FileTime loadedModified;
  private Map<String, Account> accounts = Map.of();

  private AccountBook(Path file) {
    this.file = requireNonNull(file, "file");
  }

  /** The accounts in {@code file}; none when it does not exist yet. */
  public static AccountBook open(Path file) {
    AccountBook book = new AccountBook(file);
    book.reloadIfChanged();
    return book;
  }

  public synchronized Optional<Account> find(String factory) {
    reloadIfChanged();
    return Optional.ofNullable(accounts.get(factory));
  }

  public synchronized List<Account> all() {
    reloadIfChanged();
    return List.copyOf(accounts.values());
  }

  /** True when the factory has an account and {@code password} is its password. */
  public boolean passwordMatches(String factory, char[] password) {
    return find(factory)
        .map(a -> a.passwordHash() != null && PasswordHash.matches(password, a.passwordHash()))
        .orElse(false);
  }

  /** True when the factory has an account and {@code key} is one of its authorized keys. */
  public boolean keyMatches(String factory, PublicKey key) {
    Optional<Account> account = find(factory);
    if (account.isEmpty()) {
      return false;
    }
    for (String line : account.get().authorizedKeys()) {
      try {
        PublicKey authorized =
            AuthorizedKeyEntry.parseAuthorizedKeyEntry(line)
                .resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
        if (KeyUtils.compareKeys(authorized, key)) {
          return true;
        }
      } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
        // A key this Java cannot read matches nothing; `account add` refuses such keys up front.
      }
    }
    return false;
  }

  /**
   * Adds an account, or replaces the password and keys of an existing one, writing the file
   * atomically and readable by its owner only.
   */
  public synchronized void put(Account account) {
    requireNonNull(account, "account");
    reloadIfChanged();
    Map<String, Account> updated = new LinkedHashMap<>(accounts);
    updated.put(account.factory(), account);
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("accounts");
    for (Account a : updated.values()) {
      ObjectNode node = list.addObject();
      node.put("factory", a.factory());
      if (a.passwordHash() != null) {
        node.put("password", a.passwordHash());
      }
      ArrayNode keys = node.putArray("authorized_keys");
      a.authorizedKeys().forEach(keys::add);
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temporary = file.resolveSibling("." + file.getFileName() + ".new");
      Files.deleteIfExists(temporary);
      Files.createFile(
          temporary,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new BackofficeException("Cannot write the accounts file " + file + ": " + e, e);
    }
    accounts = Map.copyOf(updated);
    loadedModified = null;
  }

  /** Checks that a public key line can be used, before it is stored. */
  public static String checkAuthorizedKey(String line) {
    try {
      AuthorizedKeyEntry.parseAuthorizedKeyEntry(line.strip())
          .resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
      return line.strip();
    } catch (Exception e) {
      throw new BackofficeException(
          "'"
              + line.strip()
              + "' is not a public key in OpenSSH's one-line form (e.g. the content of"
              + " id_ed25519.pub): "
              + e.getMessage());
    }
  }

  private void reloadIfChanged() {
    FileTime modified;
    try {
      modified = Files.getLastModifiedTime(file);
    } catch (NoSuchFileException e) {
      accounts = Map.of();
      loadedModified = null;
      return;
    } catch (IOException e) {
      throw new BackofficeException("Cannot read the accounts file " + file + ": " + e, e);
    }
    if (modified.equals(loadedModified)) {
      return;
    }
    accounts = read(file);
    loadedModified = modified;
  }

  private static Map<String, Account> read(Path file) {
    try {
      JsonNode root = JSON.readTree(file.toFile());
      Map<String, Account> accounts = new LinkedHashMap<>();
      for (JsonNode node : root.path("accounts")) {
        List<String> keys = new ArrayList<>();
        node.path("authorized_keys").forEach(k -> keys.add(k.asText()));
        String password = node.hasNonNull("password") ? node.get("password").asText() : null;
        Account account = new Account(node.path("factory").asText(), password, keys);
        accounts.put(account.factory(), account);
      }
      return Map.copyOf(accounts);
    } catch (IOException | RuntimeException e) {
      throw new BackofficeException(
          "The accounts file "
              + file
              + " cannot be read: "
              + e.getMessage()
              + ". Fix it or add accounts with `shipready backoffice account add`.",
          e);
    }
  }
}
