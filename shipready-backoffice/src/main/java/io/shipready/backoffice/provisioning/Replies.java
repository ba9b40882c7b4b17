package io.shipready.backoffice.provisioning;

import io.javalin.http.Context;

/** Writes a reply: its status and its JSON body. */
final class Replies {
  private Replies() {}

  static void send(Context ctx, ApiReply reply) {
    ctx.status(reply.status()).json(reply.body());
  }
}
