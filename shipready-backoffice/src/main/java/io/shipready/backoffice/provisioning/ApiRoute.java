package io.shipready.backoffice.provisioning;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One route of the API. The feature registers exactly these, and the OpenAPI test checks each one
 * is described.
 *
 * @param method the HTTP method
 * @param path Javalin's path, with {@code {name}} parameters as OpenAPI writes them
 * @param handler what answers it
 */
public record ApiRoute(HandlerType method, String path, Handler handler) {
  public ApiRoute {
    requireNonNull(method, "method");
    requireNonNull(path, "path");
    requireNonNull(handler, "handler");
  }
}
