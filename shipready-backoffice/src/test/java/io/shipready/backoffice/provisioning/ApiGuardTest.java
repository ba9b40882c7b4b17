package io.shipready.backoffice.provisioning;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.backoffice.guard.ServerLimits;
import io.shipready.backoffice.provisioning.auth.IssuedToken;
import io.shipready.backoffice.provisioning.ratelimit.RateLimit;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits in front of the provisioning API, over real HTTP on loopback: slow bodies, large
 * bodies and uploads, bad tokens, and what a claim tells of other products' devices.
 */
class ApiGuardTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String IMPORT = "/v1/products/widget-v1/devices";
  private static final String DEVICE = "e00fce68aaaaaaaaaaaaaaaa";

  @TempDir Path dir;
  private ApiServer server;
  private final List<Socket> sockets = new ArrayList<>();

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private ApiServer start(String... properties) {
    Properties given = new Properties();
    for (int i = 0; i < properties.length; i += 2) {
      given.setProperty(properties[i], properties[i + 1]);
    }
    server =
        ApiServer.start(
            dir.resolve("backoffice.db").toString(),
            RateLimit.parse("100000/5m"),
            ServerLimits.from(given));
    return server;
  }

  @Test
  void slowBodiesWithAValidTokenDoNotFreezeTheApiAndAreCutOff() throws Exception {
    start(ServerLimits.BODY_TIMEOUT, "2");
    IssuedToken token = server.token("widget-v1");
    // More slow senders than the server has workers (250): each announces a body, sends 3 bytes.
    for (int i = 0; i < 260; i++) {
      Socket socket = new Socket("127.0.0.1", server.uri().getPort());
      sockets.add(socket);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + IMPORT
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + token.secret()
                  + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                  + "Content-Length: 100000\r\n\r\nid=")
              .getBytes(US_ASCII));
      out.flush();
    }

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long started = System.nanoTime();
    HttpResponse<String> openApi =
        http.send(
            HttpRequest.newBuilder(server.uri().resolve(ProvisioningFeature.OPENAPI_PATH))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(openApi.statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

    // The first ones were being read, and are cut off when their time is up.
    Socket first = sockets.get(0);
    first.setSoTimeout(10_000);
    assertThat(readAll(first.getInputStream())).doesNotContain("200 OK");
    // Once the slow ones are gone, a body is read again (a client retries 503 as it says).
    HttpResponse<String> imported = server.form("POST", IMPORT, token.secret(), "id=" + DEVICE);
    for (int tries = 0; imported.statusCode() == 503 && tries < 50; tries++) {
      Thread.sleep(100);
      imported = server.form("POST", IMPORT, token.secret(), "id=" + DEVICE);
    }
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
  }

  @Test
  void aBodyOverTheLimitIs413NamingTheLimitChunkedOrNot() throws Exception {
    start(ServerLimits.MAX_BODY, "1000");
    IssuedToken token = server.token("widget-v1");
    HttpResponse<String> announced =
        server.json("POST", IMPORT, token.secret(), "{\"id\": \"" + "a".repeat(2000) + "\"}");
    assertThat(announced.statusCode()).isEqualTo(413);
    assertThat(announced.body()).contains("1000 bytes").contains(ServerLimits.MAX_BODY);

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    // A publisher of unknown length makes the client send the body chunked.
    HttpResponse<String> chunked =
        http.send(
            HttpRequest.newBuilder(server.uri().resolve(IMPORT))
                .header("Authorization", "Bearer " + token.secret())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(new byte[5000])))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).isEqualTo(413);
  }

  @Test
  void anUploadOverTheLimitIs413AndInvalidIdsAreNotEchoedWhole() throws Exception {
    start(ServerLimits.MAX_UPLOAD, Integer.toString(256 * 1024));
    IssuedToken token = server.token("widget-v1");
    HttpResponse<String> tooLarge =
        server.send(
            "POST", IMPORT, token.secret(), multipartType(), multipart("x".repeat(1 << 20)));
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.body()).contains(ServerLimits.MAX_UPLOAD);

    // 2000 lines that are not ids, 100 characters each: 200 kB the answer must not repeat.
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      lines.append(String.format("%05d", i)).append("z".repeat(95)).append('\n');
    }
    HttpResponse<String> invalid =
        server.send("POST", IMPORT, token.secret(), multipartType(), multipart(lines.toString()));
    assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(200);
    assertThat(invalid.body().length()).isLessThan(10_000);
    JsonNode body = JSON.readTree(invalid.body());
    assertThat(body.get("invalidCount").asInt()).isEqualTo(2000);
    assertThat(body.get("invalidDeviceIds")).hasSize(100);
    assertThat(body.get("invalidDeviceIds").get(0).asText()).startsWith("00000zzz").endsWith("...");
  }

  @Test
  void thirtyBadTokensFromOneAddressGet429WithRetryAfterEvenWithAGoodOne() throws Exception {
    start();
    IssuedToken token = server.token("widget-v1");
    for (int i = 0; i < 30; i++) {
      HttpResponse<String> refused =
          server.form("POST", IMPORT, "srt_000000000000_" + "0".repeat(40), "id=" + DEVICE);
      assertThat(refused.statusCode()).isEqualTo(401);
    }
    HttpResponse<String> locked = server.form("POST", IMPORT, token.secret(), "id=" + DEVICE);
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").get())).isBetween(1L, 60L);
    assertThat(server.feature().appliedOperations()).isEmpty();
  }

  @Test
  void claimingAnotherProductsDeviceAnswersAsForAnUnknownOne() throws Exception {
    start();
    IssuedToken widgets = server.token("widget-v1");
    IssuedToken gadgets = server.token("gadget-v2");
    assertThat(server.form("POST", IMPORT, widgets.secret(), "id=" + DEVICE).statusCode())
        .isEqualTo(200);
    String unknown = "e00fce68cccccccccccccccc";

    HttpResponse<String> others =
        server.form("POST", "/v1/devices", gadgets.secret(), "id=" + DEVICE);
    HttpResponse<String> nobodys =
        server.form("POST", "/v1/devices", gadgets.secret(), "id=" + unknown);

    assertThat(others.statusCode()).isEqualTo(404).isEqualTo(nobodys.statusCode());
    assertThat(others.body().replace(DEVICE, "ID"))
        .isEqualTo(nobodys.body().replace(unknown, "ID"));
  }

  private static String multipartType() {
    return "multipart/form-data; boundary=shipready-boundary";
  }

  private static String multipart(String file) {
    return "--shipready-boundary\r\nContent-Disposition: form-data; name=\"file\";"
        + " filename=\"ids.txt\"\r\nContent-Type: text/plain\r\n\r\n"
        + file
        + "\r\n--shipready-boundary--\r\n";
  }

  /** What the server sent before it closed the connection. */
  private static String readAll(InputStream in) throws IOException {
    try {
      return new String(in.readAllBytes(), US_ASCII);
    } catch (SocketTimeoutException stillOpen) {
      throw new AssertionError("the server kept a slow sender's connection open", stillOpen);
    } catch (IOException reset) {
      return "";
    }
  }
}
