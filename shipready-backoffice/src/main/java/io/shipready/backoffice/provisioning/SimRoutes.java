package io.shipready.backoffice.provisioning;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.shipready.backoffice.provisioning.auth.Principal;
import io.shipready.backoffice.provisioning.auth.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Importing and activating SIM cards in a product ({@code POST /v1/products/{product}/sims} with
 * {@code sims[]=ICCID}). Activation is recorded at once; the carrier's delay (up to an hour at
 * Particle) is not simulated. A SIM already in another product is listed as invalid.
 */
final class SimRoutes {
  static final Pattern ICCID = Pattern.compile("89\\d{16,18}[Ff]?");

  private final OperationWriter writer;

  SimRoutes(OperationWriter writer) {
    this.writer = writer;
  }

  List<ApiRoute> routes() {
    return List.of(new ApiRoute(HandlerType.POST, "/v1/products/{product}/sims", this::activate));
  }

  private void activate(Context ctx) {
    String product = ctx.pathParam("product");
    Principal principal = Access.require(ctx, product, Scope.SIMS_ACTIVATE);
    List<String> sims = new ArrayList<>(new LinkedHashSet<>(RequestParams.of(ctx).all("sims")));
    if (sims.isEmpty()) {
      throw new ApiException(ApiReply.badRequest("Give one or more ICCIDs (sims[]=...)"));
    }
    List<String> invalid = new ArrayList<>();
    List<String> valid = new ArrayList<>();
    for (String iccid : sims) {
      (ICCID.matcher(iccid.trim()).matches() ? valid : invalid).add(iccid);
    }
    ApiReply reply =
        writer.apply(
            handle -> {
              List<String> updated = new ArrayList<>();
              List<String> existing = new ArrayList<>();
              for (String raw : valid) {
                String iccid = raw.trim().toUpperCase(java.util.Locale.ROOT);
                String owner =
                    handle
                        .createQuery("SELECT product FROM sims WHERE iccid = :iccid")
                        .bind("iccid", iccid)
                        .mapTo(String.class)
                        .findOne()
                        .orElse(null);
                if (owner != null && !owner.equals(product)) {
                  invalid.add(raw);
                  continue;
                }
                if (owner == null) {
                  handle
                      .createUpdate(
                          "INSERT INTO sims (product, iccid, status, activated_at)"
                              + " VALUES (:product, :iccid, 'active', :now)")
                      .bind("product", product)
                      .bind("iccid", iccid)
                      .bind("now", System.currentTimeMillis())
                      .execute();
                }
                boolean fresh =
                    Operations.record(
                        handle, product, Operations.SIM_ACTIVATE, iccid, "", principal.tokenId());
                (fresh && owner == null ? updated : existing).add(iccid);
              }
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("ok", invalid.isEmpty());
              body.put("updated", updated.size());
              body.put("updatedSims", updated);
              body.put("existingSims", existing);
              body.put("invalidSims", invalid);
              return ApiReply.ok(body);
            });
    Replies.send(ctx, reply);
  }
}
