package io.shipready.backoffice.provisioning;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A status and a JSON body, as Particle answers: {@code {"ok": false, "error": "..."}} for a
 * refused request, the resource or a summary for a done one.
 */
public record ApiReply(int status, Map<String, Object> body) {
  public ApiReply {
    requireNonNull(body, "body");
  }

  public static ApiReply ok(Map<String, Object> body) {
    return new ApiReply(200, body);
  }

  public static ApiReply error(int status, String error) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ok", false);
    body.put("error", error);
    return new ApiReply(status, body);
  }

  public static ApiReply notFound(String error) {
    return error(404, error);
  }

  public static ApiReply badRequest(String error) {
    return error(400, error);
  }
}
