package io.shipready.backoffice.provisioning;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.shipready.backoffice.HttpFeature;
import io.shipready.backoffice.guard.HttpGuard;
import io.shipready.backoffice.provisioning.auth.Principal;
import io.shipready.backoffice.provisioning.auth.TokenStore;
import io.shipready.backoffice.provisioning.ratelimit.RateCounts;
import io.shipready.backoffice.provisioning.ratelimit.RateDecision;
import io.shipready.backoffice.provisioning.ratelimit.RequestLimits;
import io.shipready.store.ServiceDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The provisioning API, in the shape of Particle's Cloud API: products, device import, SIM
 * activation, groups, rename, claim and serial look-up, behind bearer tokens scoped per product and
 * rate limits per token and per source address (counted in PostgreSQL, and so shared by every
 * instance, when the database is PostgreSQL). Every state-changing request is idempotent and
 * recorded once in the operations table. The OpenAPI description is served at {@value
 * #OPENAPI_PATH}.
 */
public final class ProvisioningFeature implements HttpFeature, AutoCloseable {
  public static final String MIGRATIONS = "io/shipready/backoffice/migration/provisioning";
  public static final String HISTORY_TABLE = "backoffice_provisioning_schema_history";
  public static final String OPENAPI_PATH = "/openapi.json";
  private static final String OPENAPI_RESOURCE =
      "/io/shipready/backoffice/provisioning/openapi.json";

  private final ProvisioningSettings settings;
  private final ServiceDatabase database;
  private final TokenStore tokens;
  private final RequestLimits limits;
  private final OperationWriter writer;
  private final List<ApiRoute> routes;
  // Held here: meters keep only a weak reference to what they read.
  private final OperationCounts operationCounts;

  private ProvisioningFeature(ProvisioningSettings settings, ServiceDatabase database) {
    this.settings = settings;
    this.database = database;
    this.tokens = new TokenStore(database);
    this.limits =
        new RequestLimits(
            settings.rateLimit(),
            settings.sourceRateLimit(),
            RateCounts.forDatabase(database, settings.clock()),
            settings.clock());
    this.writer = new OperationWriter(database);
    List<ApiRoute> all = new ArrayList<>();
    all.addAll(new DeviceRoutes(writer).routes());
    all.addAll(new SimRoutes(writer).routes());
    all.addAll(new GroupRoutes(writer, database.jdbi()).routes());
    all.addAll(new ClaimRoutes(writer, database.jdbi()).routes());
    this.routes = List.copyOf(all);
    this.operationCounts = new OperationCounts(database.jdbi());
  }

  /** Opens (and migrates) the API's database. */
  public static ProvisioningFeature open(ProvisioningSettings settings) {
    requireNonNull(settings, "settings");
    return new ProvisioningFeature(
        settings, ServiceDatabase.open(settings.databaseUrl(), MIGRATIONS, HISTORY_TABLE));
  }

  /** Opens the token table of a database, for {@code shipready backoffice token create}. */
  public static TokenStore tokenStore(ServiceDatabase database) {
    return new TokenStore(database);
  }

  public TokenStore tokens() {
    return tokens;
  }

  /** The API routes this feature registers (besides {@value #OPENAPI_PATH}). */
  public List<ApiRoute> routes() {
    return routes;
  }

  @Override
  public void addTo(Javalin app) {
    // Admission is per route, not a before-handler on /v1/*: other features of the same server
    // (ingestion receipts, health) have /v1 routes with their own rules.
    for (ApiRoute route : routes) {
      app.addHttpHandler(
          route.method(),
          route.path(),
          ctx -> {
            admit(ctx);
            route.handler().handle(ctx);
          });
    }
    app.get(OPENAPI_PATH, ctx -> ctx.contentType("application/json").result(openApi()));
    app.exception(ApiException.class, (failure, ctx) -> Replies.send(ctx, failure.reply()));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    operationCounts.bindTo(registry);
  }

  /** Every operation applied, for counting (tests, audits). */
  public List<AppliedOperation> appliedOperations() {
    return database
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT product, kind, target, detail, repeats FROM operations"
                            + " ORDER BY applied_at, kind, target")
                    .map(
                        (rs, ctx) ->
                            new AppliedOperation(
                                rs.getString("product"),
                                rs.getString("kind"),
                                rs.getString("target"),
                                rs.getString("detail"),
                                rs.getInt("repeats")))
                    .list());
  }

  public String describeDatabase() {
    return database.describe();
  }

  @Override
  public void close() {
    writer.close();
    database.close();
  }

  /** Latency, authentication and the rate limit, before any route. */
  private void admit(Context ctx) throws InterruptedException {
    if (!settings.addedLatency().isZero()) {
      Thread.sleep(
          settings.addedLatency().toMillis(), settings.addedLatency().toNanosPart() % 1_000_000);
    }
    String header = ctx.header("Authorization");
    String secret =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).trim()
            : null;
    Optional<Principal> principal = tokens.verify(secret);
    if (principal.isEmpty()) {
      HttpGuard.refusedToken(ctx);
      ctx.header("WWW-Authenticate", "Bearer");
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", "invalid_token");
      body.put(
          "error_description",
          secret == null
              ? "No access token: send the header Authorization: Bearer <token>"
              : "The access token provided is invalid.");
      throw new ApiException(new ApiReply(401, body));
    }
    // The connection's own remote address: behind a proxy that is the proxy's, for every client
    // (X-Forwarded-For is not trusted; any client could write it).
    RateDecision decision = limits.admit(principal.get().tokenId(), ctx.req().getRemoteAddr());
    ctx.header("X-RateLimit-Limit", Long.toString(decision.limit()));
    ctx.header("X-RateLimit-Remaining", Long.toString(decision.remaining()));
    ctx.header("X-RateLimit-Reset", Long.toString(decision.resetEpochSecond()));
    if (!decision.allowed()) {
      ctx.header("Retry-After", Long.toString(decision.retryAfterSeconds()));
      throw new ApiException(
          ApiReply.error(
              429,
              "Too many requests: the limit is "
                  + decision.rule()
                  + "; retry after "
                  + decision.retryAfterSeconds()
                  + " s"));
    }
    ctx.attribute(Access.PRINCIPAL, principal.get());
  }

  private static byte[] openApi() {
    try (InputStream in = ProvisioningFeature.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }
}
