package io.shipready.backoffice.provisioning;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import io.shipready.backoffice.provisioning.auth.Principal;
import io.shipready.backoffice.provisioning.auth.Scope;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Importing devices into a product ({@code POST /v1/products/{product}/devices}, one id or a file
 * of ids) and renaming one ({@code PUT /v1/products/{product}/devices/{deviceId}}).
 */
final class DeviceRoutes {
  static final Pattern DEVICE_ID = Pattern.compile("[0-9a-fA-F]{24}");
  private static final int MAX_IMPORT = 10_000;
  // Invalid ids are named back so they can be fixed, but never the whole upload.
  private static final int MAX_ECHOED = 100;
  private static final int ECHOED_LENGTH = 40;

  private final OperationWriter writer;

  DeviceRoutes(OperationWriter writer) {
    this.writer = writer;
  }

  List<ApiRoute> routes() {
    return List.of(
        new ApiRoute(HandlerType.POST, "/v1/products/{product}/devices", this::importDevices),
        new ApiRoute(HandlerType.PUT, "/v1/products/{product}/devices/{deviceId}", this::update));
  }

  static String normalize(String deviceId) {
    return deviceId.trim().toLowerCase(Locale.ROOT);
  }

  private void importDevices(Context ctx) throws IOException {
    String product = ctx.pathParam("product");
    Principal principal = Access.require(ctx, product, Scope.DEVICES_IMPORT);
    RequestParams params = RequestParams.of(ctx);
    Set<String> ids = new LinkedHashSet<>(params.all("id"));
    UploadedFile file = isMultipart(ctx) ? ctx.uploadedFile("file") : null;
    if (file != null) {
      readIds(file, ids);
    }
    if (ids.isEmpty()) {
      throw new ApiException(
          ApiReply.badRequest("Give a device id (id=...) or a file of ids (file, one per line)"));
    }
    if (ids.size() > MAX_IMPORT) {
      throw new ApiException(
          ApiReply.badRequest("At most " + MAX_IMPORT + " devices per import; split the file"));
    }
    String serial = params.one("serial_number");
    if (serial != null && ids.size() != 1) {
      throw new ApiException(ApiReply.badRequest("serial_number goes with one id, not a file"));
    }
    List<String> invalid = new ArrayList<>();
    List<String> valid = new ArrayList<>();
    int invalidCount = 0;
    for (String id : ids) {
      if (DEVICE_ID.matcher(id.trim()).matches()) {
        valid.add(id);
      } else if (invalidCount++ < MAX_ECHOED) {
        invalid.add(shortened(id));
      }
    }
    int invalidTotal = invalidCount;
    ApiReply reply =
        writer.apply(
            handle -> {
              List<String> updated = new ArrayList<>();
              List<String> existing = new ArrayList<>();
              List<String> nonmember = new ArrayList<>();
              long now = System.currentTimeMillis();
              for (String raw : valid) {
                String id = normalize(raw);
                // The common case (a new device) costs one insert; the owner is read only when
                // the device was there already.
                int inserted =
                    handle
                        .createUpdate(
                            "INSERT INTO devices (product, device_id, serial_number, imported_at)"
                                + " VALUES (:product, :id, :serial, :now)"
                                + " ON CONFLICT (device_id) DO NOTHING")
                        .bind("product", product)
                        .bind("id", id)
                        .bind("serial", serial)
                        .bind("now", now)
                        .execute();
                String owner =
                    inserted == 1
                        ? null
                        : handle
                            .createQuery("SELECT product FROM devices WHERE device_id = :id")
                            .bind("id", id)
                            .mapTo(String.class)
                            .one();
                if (owner != null && !owner.equals(product)) {
                  nonmember.add(id);
                  continue;
                }
                boolean fresh =
                    Operations.record(
                        handle, product, Operations.IMPORT, id, "", principal.tokenId());
                (fresh && owner == null ? updated : existing).add(id);
              }
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("updated", updated.size());
              body.put("updatedDeviceIds", updated);
              body.put("existingDeviceIds", existing);
              body.put("nonmemberDeviceIds", nonmember);
              body.put("invalidDeviceIds", invalid);
              body.put("invalidCount", invalidTotal);
              return ApiReply.ok(body);
            });
    Replies.send(ctx, reply);
  }

  private void update(Context ctx) {
    String product = ctx.pathParam("product");
    String id = normalize(ctx.pathParam("deviceId"));
    Principal principal = Access.require(ctx, product, Scope.DEVICES_UPDATE);
    RequestParams params = RequestParams.of(ctx);
    for (String name : params.names()) {
      if (!name.equals("name")) {
        throw new ApiException(
            ApiReply.badRequest(
                "This server changes only a device's name; '" + name + "' is not supported"));
      }
    }
    String name = params.one("name");
    if (name == null) {
      throw new ApiException(ApiReply.badRequest("Give the device's new name (name=...)"));
    }
    if (name.length() > 64) {
      throw new ApiException(ApiReply.badRequest("A device name has at most 64 characters"));
    }
    ApiReply reply =
        writer.apply(
            handle -> {
              int changed =
                  handle
                      .createUpdate(
                          "UPDATE devices SET name = :name WHERE product = :product"
                              + " AND device_id = :id")
                      .bind("name", name)
                      .bind("product", product)
                      .bind("id", id)
                      .execute();
              if (changed == 0) {
                return ApiReply.notFound(
                    "Device " + id + " is not in product " + product + "; import it first");
              }
              Operations.record(handle, product, Operations.RENAME, id, name, principal.tokenId());
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("id", id);
              body.put("name", name);
              body.put("product_id", product);
              body.put("updated_at", Instant.now().toString());
              return ApiReply.ok(body);
            });
    Replies.send(ctx, reply);
  }

  /**
   * The file's ids (first column), read a line at a time from where the server put the upload:
   * reading stops at the first id past the import's limit.
   */
  private static void readIds(UploadedFile file, Set<String> ids) throws IOException {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(file.content(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null && ids.size() <= MAX_IMPORT; ) {
        String id = line.split(",", 2)[0].trim();
        if (!id.isEmpty()) {
          ids.add(id);
        }
      }
    }
  }

  /** What is sent back of an id that is not one: enough to find it in the file, not all of it. */
  private static String shortened(String id) {
    return id.length() <= ECHOED_LENGTH ? id : id.substring(0, ECHOED_LENGTH) + "...";
  }

  private static boolean isMultipart(Context ctx) {
    String type = ctx.contentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }
}
