package io.shipready.backoffice.provisioning;

import io.shipready.core.ShipreadyException;

/** A request refused before it reaches the data: bad body, missing scope, other product. */
public final class ApiException extends ShipreadyException {
  private final transient ApiReply reply;

  public ApiException(ApiReply reply) {
    super(String.valueOf(reply.body().get("error")));
    this.reply = reply;
  }

  public ApiReply reply() {
    return reply;
  }
}
