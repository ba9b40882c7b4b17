package io.shipready.backoffice.accounts;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A factory's SFTP account: a password (kept only as a hash) and/or authorized public keys in
 * OpenSSH's one-line form ({@code ssh-ed25519 AAAA... comment}).
 *
 * @param passwordHash a {@link PasswordHash}, or null for key-only accounts
 */
public record Account(String factory, String passwordHash, List<String> authorizedKeys) {
  public Account {
    FactoryName.check(factory);
    authorizedKeys = List.copyOf(requireNonNull(authorizedKeys, "authorizedKeys"));
  }
}
