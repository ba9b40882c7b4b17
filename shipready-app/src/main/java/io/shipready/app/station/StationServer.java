package io.shipready.app.station;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.shipready.backoffice.guard.HttpGuard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The station page over HTTP: the page itself (plain HTML, JS and CSS from the classpath), a stream
 * of server-sent events with the slots' changes, and a small JSON API for the operator's and the
 * engineer's actions, and the station's metrics for Prometheus at {@code /metrics}. Binds to one
 * address (127.0.0.1 unless told otherwise).
 */
public final class StationServer implements AutoCloseable {
  private static final String WEB = "/io/shipready/app/station/web/";

  /** Prometheus' text exposition format, version 0.0.4. */
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Javalin app;
  private final HttpGuard guard;

  private StationServer(Javalin app, HttpGuard guard) {
    this.app = app;
    this.guard = guard;
  }

  /**
   * Starts serving.
   *
   * @param imagesFolder the folder the recipe's prompt pictures are named from
   * @param host the address to bind, e.g. 127.0.0.1
   * @param port the port, 0 for any free one
   * @param guard the body limits and timeouts, and the host names the page answers to
   */
  public static StationServer start(
      StationControl control,
      SseHub hub,
      Supplier<String> metrics,
      Path imagesFolder,
      String host,
      int port,
      HttpGuard guard) {
    requireNonNull(control, "control");
    requireNonNull(guard, "guard");
    requireNonNull(metrics, "metrics");
    requireNonNull(hub, "hub");
    Path images = imagesFolder.toAbsolutePath().normalize();
    Javalin app =
        Javalin.create(
            config -> {
              guard.configure(config);
              config.showJavalinBanner = false;
              config.startupWatcherEnabled = false;
            });
    // Actions come only as JSON: a page of another site cannot send that to this station without
    // the browser asking first (CORS), which this server never allows.
    app.before(
        "/api/*",
        ctx -> {
          String type = ctx.contentType() == null ? "" : ctx.contentType();
          if (ctx.method() == io.javalin.http.HandlerType.POST
              && !type.startsWith("application/json")) {
            throw new ActionRefusedException(
                415, "send actions as JSON (Content-Type: application/json)");
          }
        });
    app.get("/", ctx -> resource(ctx, "index.html"));
    app.get("/app.js", ctx -> resource(ctx, "app.js"));
    app.get("/app.css", ctx -> resource(ctx, "app.css"));
    app.sse("/events", hub::join);
    app.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.get()));
    app.get("/api/state", ctx -> ctx.json(hub.snapshot()));
    app.get("/api/stats", ctx -> ctx.json(hub.stats().view()));
    app.post(
        "/api/slots/{slot}/start",
        ctx -> done(ctx, control.start(ctx.pathParam("slot"), body(ctx).get("user"))));
    app.post(
        "/api/slots/{slot}/retest",
        ctx -> done(ctx, control.retest(ctx.pathParam("slot"), body(ctx).get("user"))));
    app.post(
        "/api/slots/{slot}/stop",
        ctx -> {
          Map<String, String> body = body(ctx);
          done(
              ctx,
              control.stop(ctx.pathParam("slot"), body.get("user"), body.get("pin"), ctx.ip()));
        });
    app.post(
        "/api/station/stop",
        ctx -> {
          Map<String, String> body = body(ctx);
          done(ctx, control.stopStation(body.get("user"), body.get("pin"), ctx.ip()));
        });
    app.post(
        "/api/prompts/{id}/answer",
        ctx -> {
          Map<String, String> body = body(ctx);
          done(ctx, control.answer(promptId(ctx), body.get("user"), body.get("answer")));
        });
    app.get(
        "/api/prompts/{id}/image",
        ctx -> {
          Path picture = images.resolve(control.imageOf(promptId(ctx))).normalize();
          if (!picture.startsWith(images) || !Files.isRegularFile(picture)) {
            throw new ActionRefusedException(
                404, "the picture " + picture.getFileName() + " is not in the recipe's folder");
          }
          ctx.contentType(imageType(picture));
          ctx.result(Files.newInputStream(picture));
        });
    app.post("/api/units/route", ctx -> done(ctx, control.route(body(ctx), ctx.ip())));
    app.post(
        "/api/scan",
        ctx -> {
          Map<String, String> body = body(ctx);
          done(ctx, control.scan(body.get("slot"), body.get("user"), body.get("code")));
        });
    app.exception(
        ActionRefusedException.class,
        (refused, ctx) -> ctx.status(refused.status()).json(Map.of("error", refused.getMessage())));
    app.exception(
        io.shipready.core.ShipreadyException.class,
        (failed, ctx) ->
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .json(Map.of("error", failed.getMessage())));
    app.start(host, port);
    guard.started(app);
    return new StationServer(app, guard);
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    guard.close();
  }

  private static void resource(Context ctx, String name) throws IOException {
    InputStream in = StationServer.class.getResourceAsStream(WEB + name);
    if (in == null) {
      throw new IllegalStateException("the station page's " + name + " is missing from the jar");
    }
    String type =
        name.endsWith(".html")
            ? "text/html; charset=utf-8"
            : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(type).result(in);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> body(Context ctx) {
    if (ctx.body().isBlank()) {
      return Map.of();
    }
    try {
      Map<String, Object> raw = ctx.bodyAsClass(Map.class);
      Map<String, String> body = new java.util.HashMap<>();
      raw.forEach((key, value) -> body.put(key, value == null ? null : value.toString()));
      return body;
    } catch (RuntimeException notJson) {
      throw new ActionRefusedException(
          400, "the request body must be a JSON object, e.g. {\"user\": \"li.wei\"}");
    }
  }

  private static long promptId(Context ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException notANumber) {
      throw new ActionRefusedException(
          400, "a question id is a number, not " + ctx.pathParam("id"));
    }
  }

  private static void done(Context ctx, String message) {
    ctx.json(Map.of("ok", true, "message", message));
  }

  private static String imageType(Path picture) {
    String name = picture.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".png")) {
      return "image/png";
    }
    if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
      return "image/jpeg";
    }
    if (name.endsWith(".svg")) {
      return "image/svg+xml";
    }
    return "application/octet-stream";
  }
}
