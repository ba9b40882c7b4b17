package io.shipready.backoffice.provisioning.auth;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * Who made a request: one token, good for one product and some scopes.
 *
 * @param tokenId the token's public id (shown in logs and in the operations table, never the
 *     secret)
 * @param product the product the token was made for
 * @param scopes what it may do there
 */
public record Principal(String tokenId, String product, Set<Scope> scopes) {
  public Principal {
    requireNonNull(tokenId, "tokenId");
    requireNonNull(product, "product");
    scopes = Set.copyOf(scopes);
  }

  public boolean may(Scope scope) {
    return scopes.contains(scope);
  }
}
