package io.shipready.backoffice.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.backoffice.guard.ServerLimits;
import io.shipready.backoffice.provisioning.auth.IssuedToken;
import io.shipready.backoffice.provisioning.auth.Scope;
import io.shipready.backoffice.provisioning.ratelimit.RateLimit;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provisioning API over real HTTP on loopback. */
class ProvisioningApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEVICE = "e00fce68aaaaaaaaaaaaaaaa";
  private static final String DEVICE_2 = "e00fce68bbbbbbbbbbbbbbbb";

  @TempDir Path dir;
  ApiServer server;
  IssuedToken token;

  @BeforeEach
  void start() {
    server = ApiServer.start(dir, RateLimit.parse("10000/5m"));
    token = server.token("widget-v1");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void noTokenIs401WithAJsonError() throws Exception {
    HttpResponse<String> answer =
        server.form("POST", "/v1/products/widget-v1/devices", null, "id=" + DEVICE);
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.get("error").asText()).isEqualTo("invalid_token");
    assertThat(body.get("error_description").asText()).contains("Authorization: Bearer");
    assertThat(server.feature().appliedOperations()).isEmpty();
  }

  @Test
  void anUnknownTokenIs401() throws Exception {
    HttpResponse<String> answer =
        server.form(
            "POST",
            "/v1/products/widget-v1/devices",
            "srt_000000000000_" + "0".repeat(40),
            "id=" + DEVICE);
    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(answer.body()).get("error").asText()).isEqualTo("invalid_token");
  }

  @Test
  void anotherProductsTokenIs403() throws Exception {
    IssuedToken other = server.token("gadget-v2");
    HttpResponse<String> answer =
        server.form("POST", "/v1/products/widget-v1/devices", other.secret(), "id=" + DEVICE);
    assertThat(answer.statusCode()).isEqualTo(403);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.get("ok").asBoolean()).isFalse();
    assertThat(body.get("error").asText()).contains("gadget-v2").contains("widget-v1");
    assertThat(server.feature().appliedOperations()).isEmpty();
  }

  @Test
  void aTokenWithoutTheScopeIs403NamingIt() throws Exception {
    IssuedToken importOnly = server.token("widget-v1", Scope.DEVICES_IMPORT);
    assertThat(
            server
                .form("POST", "/v1/products/widget-v1/devices", importOnly.secret(), "id=" + DEVICE)
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> claim =
        server.form("POST", "/v1/devices", importOnly.secret(), "id=" + DEVICE);
    assertThat(claim.statusCode()).isEqualTo(403);
    assertThat(claim.body()).contains("devices:claim");
  }

  @Test
  void overTheLimitIs429WithRetryAfterAndQuotaHeaders() throws Exception {
    server.close();
    server = ApiServer.start(dir, new RateLimit(3, Duration.ofHours(1)));
    IssuedToken limited = server.token("widget-v1");
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> answer =
          server.send("GET", "/v1/products/widget-v1/groups/none", limited.secret(), null, null);
      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(answer.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
      assertThat(answer.headers().firstValue("X-RateLimit-Remaining"))
          .hasValue(String.valueOf(2 - i));
    }
    HttpResponse<String> refused =
        server.form("POST", "/v1/products/widget-v1/devices", limited.secret(), "id=" + DEVICE);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    long reset = Long.parseLong(refused.headers().firstValue("X-RateLimit-Reset").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 3600L);
    assertThat(reset % 3600).as("windows are aligned on the hour").isZero();
    assertThat(JSON.readTree(refused.body()).get("error").asText()).contains("Too many requests");
    assertThat(server.feature().appliedOperations())
        .as("a refused request changes nothing")
        .isEmpty();
    // Another token has its own quota.
    IssuedToken second = server.token("widget-v1");
    assertThat(
            server
                .form("POST", "/v1/products/widget-v1/devices", second.secret(), "id=" + DEVICE)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void oneSourceAddressIsLimitedWhicheverTokenItUses() throws Exception {
    server.close();
    server =
        ApiServer.start(
            ProvisioningSettings.builder(dir.resolve("backoffice.db").toString())
                .rateLimit(RateLimit.parse("100/1h"))
                .sourceRateLimit(RateLimit.parse("3/1h"))
                .build(),
            ServerLimits.fromSystemProperties());
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> answer =
          server.send(
              "GET",
              "/v1/products/widget-v1/groups/none",
              server.token("widget-v1").secret(),
              null,
              null);
      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(answer.headers().firstValue("X-RateLimit-Limit"))
          .as("the headers describe the limit closer to refusing: the address's")
          .hasValue("3");
      assertThat(answer.headers().firstValue("X-RateLimit-Remaining"))
          .hasValue(String.valueOf(2 - i));
    }
    HttpResponse<String> refused =
        server.form(
            "POST",
            "/v1/products/widget-v1/devices",
            server.token("widget-v1").secret(),
            "id=" + DEVICE);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
        .as("when the first request's second slides out of the hour")
        .isBetween(3599L, 3601L);
    assertThat(JSON.readTree(refused.body()).get("error").asText())
        .contains("3 per 3600 s (sliding) per source address");
    assertThat(server.feature().appliedOperations()).isEmpty();
  }

  @Test
  void aRepeatedImportIsAnsweredAsAlreadyDoneAndAppliedOnce() throws Exception {
    JsonNode first =
        JSON.readTree(
            server
                .form(
                    "POST",
                    "/v1/products/widget-v1/devices",
                    token.secret(),
                    "id=" + DEVICE.toUpperCase())
                .body());
    assertThat(first.get("updated").asInt()).isEqualTo(1);
    assertThat(first.get("updatedDeviceIds").get(0).asText()).isEqualTo(DEVICE);
    JsonNode again =
        JSON.readTree(
            server
                .json(
                    "POST",
                    "/v1/products/widget-v1/devices",
                    token.secret(),
                    "{\"id\": \"" + DEVICE + "\"}")
                .body());
    assertThat(again.get("updated").asInt()).isZero();
    assertThat(again.get("existingDeviceIds").get(0).asText()).isEqualTo(DEVICE);
    assertThat(server.feature().appliedOperations())
        .containsExactly(new AppliedOperation("widget-v1", Operations.IMPORT, DEVICE, "", 1));
    // The same device into another product is refused as a non-member.
    IssuedToken other = server.token("gadget-v2");
    JsonNode elsewhere =
        JSON.readTree(
            server
                .form(
                    "POST",
                    "/v1/products/gadget-v2/devices",
                    other.secret(),
                    "id=" + DEVICE + "&id=nothex")
                .body());
    assertThat(elsewhere.get("nonmemberDeviceIds").get(0).asText()).isEqualTo(DEVICE);
    assertThat(elsewhere.get("invalidDeviceIds").get(0).asText()).isEqualTo("nothex");
  }

  @Test
  void importsAFileOfIds() throws Exception {
    String boundary = "shipready-boundary";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ids.txt\"\r\n"
            + "Content-Type: text/plain\r\n\r\n"
            + DEVICE
            + "\n"
            + DEVICE_2
            + "\n\r\n--"
            + boundary
            + "--\r\n";
    HttpResponse<String> answer =
        server.send(
            "POST",
            "/v1/products/widget-v1/devices",
            token.secret(),
            "multipart/form-data; boundary=" + boundary,
            body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(JSON.readTree(answer.body()).get("updated").asInt()).isEqualTo(2);
  }

  @Test
  void simsGroupsRenameClaimAndSerialLookUpInParticlesShape() throws Exception {
    String p = "/v1/products/widget-v1";
    server.form("POST", p + "/devices", token.secret(), "id=" + DEVICE + "&serial_number=WDG-0001");
    JsonNode sims =
        JSON.readTree(
            server
                .form("POST", p + "/sims", token.secret(), "sims%5B%5D=89014103211118510720")
                .body());
    assertThat(sims.get("updatedSims").get(0).asText()).isEqualTo("89014103211118510720");

    HttpResponse<String> created =
        server.form("POST", p + "/groups", token.secret(), "name=20261201_ab12&color=%23ff0000");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(created.body()).at("/group/name").asText()).isEqualTo("20261201_ab12");
    assertThat(
            server
                .form("POST", p + "/groups", token.secret(), "name=20261201_ab12&color=%23ff0000")
                .statusCode())
        .isEqualTo(200);
    assertThat(server.form("POST", p + "/groups", token.secret(), "name=Bad Name").statusCode())
        .isEqualTo(400);

    String add =
        "{\"action\":\"groups\",\"devices\":[\""
            + DEVICE
            + "\"],\"metadata\":{\"add\":[\"20261201_ab12\"]}}";
    JsonNode added = JSON.readTree(server.json("PUT", p + "/devices", token.secret(), add).body());
    assertThat(added.get("updatedDeviceIds").get(0).asText()).isEqualTo(DEVICE);
    String toMissing = add.replace("20261201_ab12", "nosuchgroup");
    assertThat(server.json("PUT", p + "/devices", token.secret(), toMissing).statusCode())
        .isEqualTo(404);
    JsonNode group =
        JSON.readTree(
            server.send("GET", p + "/groups/20261201_ab12", token.secret(), null, null).body());
    assertThat(group.at("/group/device_count").asInt()).isEqualTo(1);

    JsonNode renamed =
        JSON.readTree(
            server.form("PUT", p + "/devices/" + DEVICE, token.secret(), "name=WDG-0001").body());
    assertThat(renamed.get("name").asText()).isEqualTo("WDG-0001");
    assertThat(
            server.form("PUT", p + "/devices/" + DEVICE_2, token.secret(), "name=x").statusCode())
        .isEqualTo(404);
    assertThat(server.form("PUT", p + "/devices/" + DEVICE, token.secret(), "notes=x").statusCode())
        .isEqualTo(400);

    JsonNode claimed =
        JSON.readTree(server.form("POST", "/v1/devices", token.secret(), "id=" + DEVICE).body());
    assertThat(claimed.get("ok").asBoolean()).isTrue();
    assertThat(server.form("POST", "/v1/devices", token.secret(), "id=" + DEVICE_2).statusCode())
        .isEqualTo(404);

    JsonNode serial =
        JSON.readTree(
            server.send("GET", "/v1/serial_numbers/WDG-0001", token.secret(), null, null).body());
    assertThat(serial.get("device_id").asText()).isEqualTo(DEVICE);
    assertThat(
            server
                .send("GET", "/v1/serial_numbers/WDG-9999", token.secret(), null, null)
                .statusCode())
        .isEqualTo(404);

    Map<String, Integer> kinds = new java.util.TreeMap<>();
    server.feature().appliedOperations().forEach(op -> kinds.merge(op.kind(), 1, Integer::sum));
    assertThat(kinds)
        .containsEntry(Operations.IMPORT, 1)
        .containsEntry(Operations.SIM_ACTIVATE, 1)
        .containsEntry(Operations.GROUP_CREATE, 1)
        .containsEntry(Operations.GROUP_ADD, 1)
        .containsEntry(Operations.RENAME, 1)
        .containsEntry(Operations.CLAIM, 1);
  }

  @Test
  void badJsonIs400NamingTheProblem() throws Exception {
    HttpResponse<String> answer =
        server.json("POST", "/v1/products/widget-v1/devices", token.secret(), "{\"id\": ");
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(answer.body()).get("error").asText()).contains("not valid JSON");
  }

  @Test
  void theOpenApiDescriptionNamesEveryRoute() throws Exception {
    HttpResponse<String> answer =
        server.send("GET", ProvisioningFeature.OPENAPI_PATH, null, null, null);
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonNode spec = JSON.readTree(answer.body());
    assertThat(spec.get("openapi").asText()).startsWith("3.");
    Set<String> described = new HashSet<>();
    Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue()
          .fieldNames()
          .forEachRemaining(method -> described.add(method.toUpperCase() + " " + path.getKey()));
    }
    Set<String> registered = new HashSet<>();
    for (ApiRoute route : server.feature().routes()) {
      registered.add(route.method().name() + " " + route.path());
    }
    assertThat(described).isEqualTo(registered);
  }

  @Test
  void otherFeaturesRoutesUnderV1AreLeftAlone() throws Exception {
    io.javalin.Javalin app = io.javalin.Javalin.create(config -> config.showJavalinBanner = false);
    app.get("/v1/health", ctx -> ctx.result("ok"));
    try (ProvisioningFeature feature =
        ProvisioningFeature.open(
            ProvisioningSettings.builder(dir.resolve("other.db").toString()).build())) {
      feature.addTo(app);
      app.start("127.0.0.1", 0);
      var http = java.net.http.HttpClient.newHttpClient();
      var health =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + app.port() + "/v1/health"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      var devices =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(
                          "http://127.0.0.1:" + app.port() + "/v1/products/p/devices"))
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString("id=" + DEVICE))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(devices.statusCode()).isEqualTo(401);
    } finally {
      app.stop();
    }
  }
}
