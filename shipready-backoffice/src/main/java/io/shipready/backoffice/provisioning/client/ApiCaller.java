package io.shipready.backoffice.provisioning.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends one API request through the pacer, again and again as needed: 429 waits as the server says,
 * network errors and 5xx answers back off exponentially with full jitter (so many workers do not
 * retry in step). Any other answer goes back to the caller, except a refused token (401), which
 * stops the run.
 */
final class ApiCaller {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long BACKOFF_BASE_MILLIS = 200;
  private static final long BACKOFF_CAP_MILLIS = 10_000;
  private static final int MAX_THROTTLED = 1_000;

  private final URI api;
  private final String token;
  private final Pacer pacer;
  private final int maxAttempts;
  private final HttpClient http;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();

  ApiCaller(URI api, String token, Pacer pacer, int maxAttempts) {
    this.api = requireNonNull(api, "api");
    this.token = requireNonNull(token, "token");
    this.pacer = requireNonNull(pacer, "pacer");
    this.maxAttempts = maxAttempts;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** An answer: its status and JSON body (a null node when it had none). */
  record Answer(int status, JsonNode body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }

    String error() {
      JsonNode error = body.get("error_description");
      if (error == null) {
        error = body.get("error");
      }
      if (error == null) {
        error = body.get("info");
      }
      return "HTTP " + status + (error == null ? "" : ": " + error.asText());
    }
  }

  Answer get(String path) throws InterruptedException {
    return send("GET", path, null, null);
  }

  Answer form(String method, String path, String formBody) throws InterruptedException {
    return send(method, path, "application/x-www-form-urlencoded", formBody);
  }

  Answer json(String method, String path, Object body) throws InterruptedException {
    try {
      return send(method, path, "application/json", JSON.writeValueAsString(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  long requests() {
    return requests.get();
  }

  long retries() {
    return retries.get();
  }

  long throttled() {
    return pacer.throttledCount();
  }

  InFlightFigures inFlight() {
    return pacer.inFlight();
  }

  private Answer send(String method, String path, String contentType, String body)
      throws InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(api.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (body == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder.header("Content-Type", contentType);
      builder.method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpRequest request = builder.build();
    int attempts = 0;
    int throttledTimes = 0;
    String lastProblem = null;
    while (true) {
      pacer.acquire();
      requests.incrementAndGet();
      HttpResponse<String> response;
      long sent = System.nanoTime();
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException failed) {
        pacer.failed();
        lastProblem = "no answer: " + failed;
        attempts++;
        if (attempts >= maxAttempts) {
          throw new ApiCallException(
              0, method + " " + path + ": " + lastProblem + " (after " + attempts + " tries)");
        }
        backOff(attempts);
        continue;
      }
      long latency = System.nanoTime() - sent;
      int status = response.statusCode();
      QuotaHeaders quota = QuotaHeaders.of(response.headers());
      if (status == 429) {
        pacer.throttled(quota);
        throttledTimes++;
        if (throttledTimes > MAX_THROTTLED) {
          throw new ApiCallException(
              429,
              method + " " + path + ": still refused with 429 after " + throttledTimes + " waits");
        }
        retries.incrementAndGet();
        continue;
      }
      pacer.answered(quota, latency);
      Answer answer = new Answer(status, parse(response.body()));
      if (status == 401) {
        throw new RunStoppedException(
            401,
            "The API refused the token ("
                + answer.error()
                + "); check $SHIPREADY_API_TOKEN or --token-file. A back-office token must be"
                + " made in the database its server reads: shipready backoffice token create with"
                + " the same --data (default backoffice-data) and --db as backoffice serve");
      }
      if (status >= 500 || status == 408) {
        pacer.serverError();
        lastProblem = answer.error();
        attempts++;
        if (attempts >= maxAttempts) {
          throw new ApiCallException(
              status, method + " " + path + ": " + lastProblem + " (after " + attempts + " tries)");
        }
        backOff(attempts);
        continue;
      }
      return answer;
    }
  }

  private void backOff(int attempts) throws InterruptedException {
    retries.incrementAndGet();
    long ceiling = Math.min(BACKOFF_CAP_MILLIS, BACKOFF_BASE_MILLIS << Math.min(attempts, 16));
    Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return NullNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException notJson) {
      return JSON.getNodeFactory()
          .objectNode()
          .put("error", body.length() > 200 ? body.substring(0, 200) : body);
    }
  }
}
