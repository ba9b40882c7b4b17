package io.shipready.backoffice.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.shipready.backoffice.provisioning.auth.Principal;
import io.shipready.backoffice.provisioning.auth.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Device groups: create one ({@code POST /v1/products/{product}/groups}), read one ({@code GET
 * /v1/products/{product}/groups/{name}}), and add devices to groups in bulk ({@code PUT
 * /v1/products/{product}/devices} with {@code {"action": "groups", "devices": [...], "metadata":
 * {"add": [...]}}}).
 */
final class GroupRoutes {
  // Particle's rule for group names: lower-case letters, digits, dashes and underscores.
  static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,64}");
  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

  private final OperationWriter writer;
  private final Jdbi reads;

  GroupRoutes(OperationWriter writer, Jdbi reads) {
    this.writer = writer;
    this.reads = reads;
  }

  List<ApiRoute> routes() {
    return List.of(
        new ApiRoute(HandlerType.POST, "/v1/products/{product}/groups", this::create),
        new ApiRoute(HandlerType.GET, "/v1/products/{product}/groups/{name}", this::read),
        new ApiRoute(HandlerType.PUT, "/v1/products/{product}/devices", this::batch));
  }

  private void create(Context ctx) {
    String product = ctx.pathParam("product");
    Principal principal = Access.require(ctx, product, Scope.GROUPS_UPDATE);
    RequestParams params = RequestParams.of(ctx);
    String name = params.one("name");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new ApiException(
          ApiReply.badRequest(
              "Group name '" + name + "' must be 1 to 64 lower-case letters, digits, '-' or '_'"));
    }
    String description = params.one("description");
    String color = params.one("color");
    if (color != null && !COLOR.matcher(color).matches()) {
      throw new ApiException(ApiReply.badRequest("color is #RRGGBB, not '" + color + "'"));
    }
    ApiReply reply =
        writer.apply(
            handle -> {
              int inserted =
                  handle
                      .createUpdate(
                          "INSERT INTO device_groups (product, name, description, color,"
                              + " created_at) VALUES (:product, :name, :description, :color,"
                              + " :now) ON CONFLICT (product, name) DO NOTHING")
                      .bind("product", product)
                      .bind("name", name)
                      .bind("description", description)
                      .bind("color", color)
                      .bind("now", System.currentTimeMillis())
                      .execute();
              Operations.record(
                  handle, product, Operations.GROUP_CREATE, name, "", principal.tokenId());
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("group", group(handle, product, name).orElseThrow());
              // 201 when made now; 200 for the same request again (already done).
              return new ApiReply(inserted == 1 ? 201 : 200, body);
            });
    Replies.send(ctx, reply);
  }

  private void read(Context ctx) {
    String product = ctx.pathParam("product");
    Access.require(ctx, product, Scope.GROUPS_UPDATE);
    String name = ctx.pathParam("name");
    Optional<Map<String, Object>> group = reads.withHandle(h -> group(h, product, name));
    if (group.isEmpty()) {
      Replies.send(ctx, ApiReply.notFound("Group " + name + " not found in product " + product));
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("group", group.get());
    Replies.send(ctx, ApiReply.ok(body));
  }

  private void batch(Context ctx) {
    String product = ctx.pathParam("product");
    Principal principal = Access.require(ctx, product, Scope.GROUPS_UPDATE);
    RequestParams params = RequestParams.of(ctx);
    if (!"groups".equals(params.one("action"))) {
      throw new ApiException(
          ApiReply.badRequest(
              "This server supports action \"groups\" only, not " + params.one("action")));
    }
    List<String> devices = params.all("devices");
    JsonNode metadata = params.node("metadata");
    JsonNode add = metadata == null ? null : metadata.get("add");
    if (devices.isEmpty() || add == null || !add.isArray() || add.isEmpty()) {
      throw new ApiException(
          ApiReply.badRequest(
              "Give a JSON body {\"action\": \"groups\", \"devices\": [ids], \"metadata\":"
                  + " {\"add\": [group names]}}"));
    }
    if (metadata.has("remove")) {
      throw new ApiException(
          ApiReply.badRequest(
              "This server adds devices to groups only; metadata.remove is not supported"));
    }
    Set<String> groups = new LinkedHashSet<>();
    add.forEach(g -> groups.add(g.asText()));
    ApiReply reply =
        writer.apply(
            handle -> {
              for (String group : groups) {
                if (!exists(handle, product, group)) {
                  return ApiReply.notFound(
                      "Group " + group + " not found in product " + product + "; create it first");
                }
              }
              List<String> updated = new ArrayList<>();
              List<String> existing = new ArrayList<>();
              List<String> invalid = new ArrayList<>();
              for (String raw : devices) {
                String id = DeviceRoutes.normalize(raw);
                boolean member =
                    handle
                            .createQuery(
                                "SELECT COUNT(*) FROM devices WHERE product = :product AND device_id = :id")
                            .bind("product", product)
                            .bind("id", id)
                            .mapTo(Integer.class)
                            .one()
                        > 0;
                if (!member) {
                  invalid.add(raw);
                  continue;
                }
                boolean fresh = false;
                for (String group : groups) {
                  handle
                      .createUpdate(
                          "INSERT INTO group_members (product, group_name, device_id)"
                              + " VALUES (:product, :group, :id) ON CONFLICT DO NOTHING")
                      .bind("product", product)
                      .bind("group", group)
                      .bind("id", id)
                      .execute();
                  fresh |=
                      Operations.record(
                          handle, product, Operations.GROUP_ADD, id, group, principal.tokenId());
                }
                (fresh ? updated : existing).add(id);
              }
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("ok", invalid.isEmpty());
              body.put("updated", updated.size());
              body.put("updatedDeviceIds", updated);
              body.put("existingDeviceIds", existing);
              body.put("invalidDeviceIds", invalid);
              return ApiReply.ok(body);
            });
    Replies.send(ctx, reply);
  }

  // Not group(): counting the members on every request would grow with the batch.
  private static boolean exists(Handle handle, String product, String name) {
    return handle
        .createQuery("SELECT 1 FROM device_groups WHERE product = :product AND name = :name")
        .bind("product", product)
        .bind("name", name)
        .mapTo(Integer.class)
        .findOne()
        .isPresent();
  }

  private static Optional<Map<String, Object>> group(Handle handle, String product, String name) {
    return handle
        .createQuery(
            "SELECT g.name, g.description, g.color, (SELECT COUNT(*) FROM group_members m"
                + " WHERE m.product = g.product AND m.group_name = g.name) AS device_count"
                + " FROM device_groups g WHERE g.product = :product AND g.name = :name")
        .bind("product", product)
        .bind("name", name)
        .map(
            (rs, ctx) -> {
              Map<String, Object> group = new LinkedHashMap<>();
              group.put("name", rs.getString("name"));
              group.put("description", rs.getString("description"));
              group.put("color", rs.getString("color"));
              group.put("device_count", rs.getLong("device_count"));
              return group;
            })
        .findOne();
  }
}
