package io.shipready.backoffice.provisioning.auth;

import static java.util.Objects.requireNonNull;

import io.shipready.core.ShipreadyException;
import io.shipready.store.ServiceDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * API tokens, kept as the SHA-256 of the secret. A secret has 160 random bits, so a plain hash is
 * enough (no salt or slow hash needed: there is nothing to guess). Verified tokens are remembered
 * in memory, so a busy client costs no database read per request.
 */
public final class TokenStore {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private final ServiceDatabase database;
  private final ConcurrentMap<String, Principal> verified = new ConcurrentHashMap<>();

  public TokenStore(ServiceDatabase database) {
    this.database = requireNonNull(database, "database");
  }

  /** Makes a token for the product (creating the product if it is new). */
  public IssuedToken create(String product, Set<Scope> scopes) {
    requireNonNull(product, "product");
    if (!product.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")) {
      throw new ShipreadyException(
          "Product '"
              + product
              + "' is not a product id or slug: use letters, digits, '-' and '_' (e.g. 1337 or"
              + " my-product-v1)");
    }
    if (scopes.isEmpty()) {
      throw new ShipreadyException("A token needs at least one scope: " + Scope.allText());
    }
    byte[] idBytes = new byte[6];
    byte[] secretBytes = new byte[20];
    RANDOM.nextBytes(idBytes);
    RANDOM.nextBytes(secretBytes);
    String tokenId = HEX.formatHex(idBytes);
    String secret = "srt_" + tokenId + "_" + HEX.formatHex(secretBytes);
    String scopeText = scopes.stream().map(Scope::text).sorted().collect(Collectors.joining(" "));
    long now = System.currentTimeMillis();
    database
        .writeJdbi()
        .useTransaction(
            handle -> {
              handle
                  .createUpdate(
                      "INSERT INTO products (name, created_at) VALUES (:name, :now)"
                          + " ON CONFLICT (name) DO NOTHING")
                  .bind("name", product)
                  .bind("now", now)
                  .execute();
              handle
                  .createUpdate(
                      "INSERT INTO api_tokens (token_id, token_hash, product, scopes, created_at)"
                          + " VALUES (:id, :hash, :product, :scopes, :now)")
                  .bind("id", tokenId)
                  .bind("hash", hash(secret))
                  .bind("product", product)
                  .bind("scopes", scopeText)
                  .bind("now", now)
                  .execute();
            });
    return new IssuedToken(tokenId, secret, new Principal(tokenId, product, scopes));
  }

  /** The principal of a bearer token, or empty when the token is unknown. */
  public Optional<Principal> verify(String secret) {
    if (secret == null || secret.isBlank() || secret.length() > 200) {
      return Optional.empty();
    }
    String hash = hash(secret);
    Principal known = verified.get(hash);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Principal> found =
        database
            .jdbi()
            .withHandle(
                handle ->
                    handle
                        .createQuery(
                            "SELECT token_id, product, scopes FROM api_tokens"
                                + " WHERE token_hash = :hash")
                        .bind("hash", hash)
                        .map(
                            (rs, ctx) ->
                                new Principal(
                                    rs.getString("token_id"),
                                    rs.getString("product"),
                                    parseScopes(rs.getString("scopes"))))
                        .findOne());
    found.ifPresent(principal -> verified.put(hash, principal));
    return found;
  }

  static Set<Scope> parseScopes(String text) {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    Arrays.stream(text.split("[\\s,]+"))
        .filter(s -> !s.isBlank())
        .forEach(s -> scopes.add(Scope.parse(s)));
    return scopes;
  }

  static String hash(String secret) {
    try {
      return HEX.formatHex(
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
    }
  }
}
