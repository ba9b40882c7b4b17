package io.shipready.backoffice.provisioning;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.shipready.backoffice.provisioning.auth.Principal;
import io.shipready.backoffice.provisioning.auth.Scope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Claiming a device ({@code POST /v1/devices}, {@code id=...}) to the account of the token's
 * product, and looking a device up by its serial number ({@code GET /v1/serial_numbers/{serial}}).
 * Neither path names a product, so the token's product is the one meant.
 */
final class ClaimRoutes {
  private final OperationWriter writer;
  private final Jdbi reads;

  ClaimRoutes(OperationWriter writer, Jdbi reads) {
    this.writer = writer;
    this.reads = reads;
  }

  List<ApiRoute> routes() {
    return List.of(
        new ApiRoute(HandlerType.POST, "/v1/devices", this::claim),
        new ApiRoute(HandlerType.GET, "/v1/serial_numbers/{serial}", this::serial));
  }

  private void claim(Context ctx) {
    Principal principal = Access.principal(ctx);
    Access.require(ctx, principal.product(), Scope.DEVICES_CLAIM);
    String raw = RequestParams.of(ctx).one("id");
    if (raw == null || !DeviceRoutes.DEVICE_ID.matcher(raw.trim()).matches()) {
      throw new ApiException(
          ApiReply.badRequest("Give the device id to claim (id=24 hexadecimal characters)"));
    }
    String id = DeviceRoutes.normalize(raw);
    String owner = "product:" + principal.product();
    ApiReply reply =
        writer.apply(
            handle -> {
              int claimed =
                  handle
                      .createUpdate(
                          "UPDATE devices SET claimed_by = :owner WHERE device_id = :id"
                              + " AND product = :product")
                      .bind("owner", owner)
                      .bind("id", id)
                      .bind("product", principal.product())
                      .execute();
              if (claimed == 0) {
                // A device of another product gets the answer an unknown one gets: a token
                // must not learn which ids exist outside its product.
                return ApiReply.notFound("Device " + id + " not found; import it first");
              }
              Operations.record(
                  handle, principal.product(), Operations.CLAIM, id, "", principal.tokenId());
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("ok", true);
              body.put("id", id);
              body.put("user_id", owner);
              return ApiReply.ok(body);
            });
    Replies.send(ctx, reply);
  }

  private void serial(Context ctx) {
    Principal principal = Access.principal(ctx);
    Access.require(ctx, principal.product(), Scope.DEVICES_READ);
    String serial = ctx.pathParam("serial");
    Optional<Map<String, Object>> found =
        reads.withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT device_id, product FROM devices WHERE serial_number = :serial"
                            + " AND product = :product")
                    .bind("serial", serial)
                    .bind("product", principal.product())
                    .map(
                        (rs, c) -> {
                          Map<String, Object> body = new LinkedHashMap<>();
                          body.put("ok", true);
                          body.put("device_id", rs.getString("device_id"));
                          body.put("product_id", rs.getString("product"));
                          return body;
                        })
                    .findOne());
    Replies.send(
        ctx, found.map(ApiReply::ok).orElseGet(() -> ApiReply.notFound("Serial number not found")));
  }
}
