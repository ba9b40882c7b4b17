package io.shipready.backoffice.ingest;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.shipready.backoffice.HttpFeature;
import io.shipready.backoffice.accounts.FactoryName;
import io.shipready.backoffice.guard.HttpGuard;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The ingestion side of the HTTP API:
 *
 * <ul>
 *   <li>{@code GET /v1/health}: 200 and {@code {"status":"ok"}} while the database answers;
 *   <li>{@code GET /v1/factories/{factory}/receipts/{yyyy-mm-dd}}: the day's receipt (a JSON list
 *       of files received, with state, rows, flagged RSSI rows and reason).
 * </ul>
 *
 * Receipts need {@code Authorization: Bearer <token>} when a token is set. The check is this
 * feature's own and deliberately small, so it can give way to the API's common authentication.
 */
public final class IngestHttpFeature implements HttpFeature {
  private final Receipts receipts;
  private final String token;

  /**
   * @param token the bearer token that reads receipts, or null to leave them open (a warning is
   *     logged by the server)
   */
  public IngestHttpFeature(Receipts receipts, String token) {
    this.receipts = requireNonNull(receipts, "receipts");
    this.token = token;
  }

  @Override
  public void addTo(Javalin app) {
    app.get("/v1/health", this::health);
    app.get("/v1/factories/{factory}/receipts/{day}", this::receipt);
  }

  private void health(Context ctx) {
    receipts.list("", "");
    ctx.json(Map.of("status", "ok"));
  }

  private void receipt(Context ctx) {
    if (token != null && !authorized(ctx.header("Authorization"))) {
      HttpGuard.refusedToken(ctx);
      ctx.status(HttpStatus.UNAUTHORIZED)
          .header("WWW-Authenticate", "Bearer")
          .json(Map.of("error", "send Authorization: Bearer <token> with the receipts token"));
      return;
    }
    String factory = ctx.pathParam("factory");
    if (!FactoryName.isValid(factory)) {
      ctx.status(HttpStatus.BAD_REQUEST)
          .json(Map.of("error", "'" + factory + "' is not a factory name"));
      return;
    }
    String day = ctx.pathParam("day");
    try {
      LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      ctx.status(HttpStatus.BAD_REQUEST)
          .json(Map.of("error", "'" + day + "' is not a day; write it as yyyy-mm-dd (UTC)"));
      return;
    }
    ctx.json(receipts.list(factory, day));
  }

  private boolean authorized(String header) {
    if (header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    byte[] given = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, token.getBytes(StandardCharsets.UTF_8));
  }
}
