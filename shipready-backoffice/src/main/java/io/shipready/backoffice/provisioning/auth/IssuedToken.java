package io.shipready.backoffice.provisioning.auth;

/**
 * A token just made: the secret is here once, to be shown to its owner, and is never stored.
 *
 * @param tokenId the public id
 * @param secret the bearer token, {@code srt_<id>_<random>}
 * @param principal what it allows
 */
public record IssuedToken(String tokenId, String secret, Principal principal) {
  @Override
  public String toString() {
    return "IssuedToken[" + tokenId + " for " + principal.product() + "]";
  }
}
