package io.shipready.backoffice.provisioning;

import io.javalin.Javalin;
import io.shipready.backoffice.guard.HttpGuard;
import io.shipready.backoffice.guard.ServerLimits;
import io.shipready.backoffice.provisioning.auth.IssuedToken;
import io.shipready.backoffice.provisioning.auth.Scope;
import io.shipready.backoffice.provisioning.ratelimit.RateLimit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/** The provisioning feature in a real Javalin server on a loopback port, for tests. */
public final class ApiServer implements AutoCloseable {
  private final ProvisioningFeature feature;
  private final Javalin app;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final HttpGuard guard;

  private ApiServer(ProvisioningFeature feature, Javalin app, HttpGuard guard) {
    this.feature = feature;
    this.app = app;
    this.guard = guard;
  }

  public static ApiServer start(Path dir, RateLimit limit) {
    return start(dir.resolve("backoffice.db").toString(), limit);
  }

  /** As {@link #start(Path, RateLimit)}, with {@code latency} added before each request. */
  public static ApiServer start(Path dir, RateLimit limit, Duration latency) {
    return start(
        dir.resolve("backoffice.db").toString(),
        limit,
        ServerLimits.fromSystemProperties(),
        latency);
  }

  public static ApiServer start(String databaseUrl, RateLimit limit) {
    return start(databaseUrl, limit, ServerLimits.fromSystemProperties());
  }

  /** As {@link #start(String, RateLimit)}, with the server's own body and login limits. */
  public static ApiServer start(String databaseUrl, RateLimit limit, ServerLimits limits) {
    return start(databaseUrl, limit, limits, Duration.ZERO);
  }

  private static ApiServer start(
      String databaseUrl, RateLimit limit, ServerLimits limits, Duration latency) {
    return start(
        ProvisioningSettings.builder(databaseUrl).rateLimit(limit).addedLatency(latency).build(),
        limits);
  }

  /** The API as {@code settings} say, with the server's own body and login limits. */
  public static ApiServer start(ProvisioningSettings settings, ServerLimits limits) {
    ProvisioningFeature feature = ProvisioningFeature.open(settings);
    HttpGuard guard = HttpGuard.of(limits);
    Javalin app =
        Javalin.create(
            config -> {
              guard.configure(config);
              config.showJavalinBanner = false;
            });
    feature.addTo(app);
    app.start("127.0.0.1", 0);
    guard.started(app);
    return new ApiServer(feature, app, guard);
  }

  public ProvisioningFeature feature() {
    return feature;
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + app.port());
  }

  public IssuedToken token(String product, Scope... scopes) {
    return feature
        .tokens()
        .create(product, scopes.length == 0 ? EnumSet.allOf(Scope.class) : Set.of(scopes));
  }

  public HttpResponse<String> send(
      String method, String path, String token, String contentType, String body) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri().resolve(path));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    if (body == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder
          .header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> form(String method, String path, String token, String body)
      throws Exception {
    return send(method, path, token, "application/x-www-form-urlencoded", body);
  }

  public HttpResponse<String> json(String method, String path, String token, String body)
      throws Exception {
    return send(method, path, token, "application/json", body);
  }

  @Override
  public void close() {
    app.stop();
    guard.close();
    feature.close();
  }
}
