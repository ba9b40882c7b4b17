package io.shipready.output.upload;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After an upload, the back office's receipt for the day: which files it received and how many rows
 * of each it took in. Every file sent that the receipt lacks, or took with fewer rows than the file
 * has, or refused, is named, so the station knows before the day is forgotten.
 *
 * <p>The receipt is {@code GET <url>/<yyyy-mm-dd>} (the day the back office received the file, in
 * UTC) with {@code Authorization: Bearer <token>}; the token comes from {@value #TOKEN}.
 */
public final class BackofficeReceipt {
  /** The variable holding the back office's receipts token. */
  public static final String TOKEN = "SHIPREADY_BACKOFFICE_TOKEN";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SETTLED = Set.of("completed", "rejected", "duplicate");
  private static final Duration POLL = Duration.ofMillis(500);

  private final URI receipts;
  private final String token;
  private final Duration wait;
  private final Clock clock;
  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * @param receipts the factory's receipts, e.g. {@code
   *     https://backoffice/v1/factories/acme/receipts}
   * @param token the bearer token, or null when the back office asks for none
   * @param wait how long to wait for the back office to finish reading the files
   */
  public BackofficeReceipt(URI receipts, String token, Duration wait, Clock clock) {
    this.receipts = requireNonNull(receipts, "receipts");
    this.token = token;
    this.wait = requireNonNull(wait, "wait");
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * What the back office says of each file sent.
   *
   * @param rows how many rows each file sent has, by file name
   */
  public Check check(List<UploadReceipt> sent, Map<String, Long> rows) throws InterruptedException {
    long deadline = clock.millis() + wait.toMillis();
    Map<String, JsonNode> entries = fetch(sent);
    while (!settled(sent, entries) && clock.millis() < deadline) {
      Thread.sleep(POLL.toMillis());
      entries = fetch(sent);
    }
    List<String> confirmed = new ArrayList<>();
    List<String> lacking = new ArrayList<>();
    for (UploadReceipt file : sent) {
      JsonNode entry = entries.get(file.sha256());
      long expected = rows.getOrDefault(file.fileName(), 0L);
      if (entry == null) {
        lacking.add(file.fileName() + ": not on the back office's receipt");
        continue;
      }
      String state = entry.path("state").asText();
      long taken = entry.path("rows").asLong(0);
      if (state.equals("completed") && taken >= expected) {
        confirmed.add(file.fileName() + ": " + taken + " rows taken in");
      } else if (state.equals("completed")) {
        lacking.add(
            file.fileName() + ": the receipt has " + taken + " of its " + expected + " rows");
      } else if (state.equals("duplicate")) {
        confirmed.add(file.fileName() + ": " + entry.path("reason").asText());
      } else if (state.equals("rejected")) {
        lacking.add(
            file.fileName()
                + ": rejected, none of its "
                + expected
                + " rows taken in: "
                + entry.path("reason").asText());
      } else {
        lacking.add(
            file.fileName()
                + ": still "
                + state
                + " after "
                + wait.toSeconds()
                + " s; ask for the receipt again later");
      }
    }
    return new Check(confirmed, lacking);
  }

  /**
   * @param confirmed a line per file the back office took in whole
   * @param lacking a line per file, or its rows, that the receipt lacks, and why
   */
  public record Check(List<String> confirmed, List<String> lacking) {
    public Check {
      confirmed = List.copyOf(confirmed);
      lacking = List.copyOf(lacking);
    }
  }

  private static boolean settled(List<UploadReceipt> sent, Map<String, JsonNode> entries) {
    for (UploadReceipt file : sent) {
      JsonNode entry = entries.get(file.sha256());
      if (entry == null || !SETTLED.contains(entry.path("state").asText())) {
        return false;
      }
    }
    return true;
  }

  /** The receipts' entries of the days the files were sent, by content hash. */
  private Map<String, JsonNode> fetch(List<UploadReceipt> sent) throws InterruptedException {
    Map<String, JsonNode> entries = new LinkedHashMap<>();
    for (String day :
        sent.stream()
            .map(file -> file.sentAt().atOffset(ZoneOffset.UTC).toLocalDate().toString())
            .distinct()
            .toList()) {
      for (JsonNode entry : get(day)) {
        entries.put(entry.path("sha256").asText(), entry);
      }
    }
    return entries;
  }

  private JsonNode get(String day) throws InterruptedException {
    URI uri = URI.create(receipts.toString().replaceAll("/+$", "") + "/" + day);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    if (token != null && !token.isBlank()) {
      request.header("Authorization", "Bearer " + token.strip());
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UploadException(
          "cannot fetch the back office's receipt " + uri + ": " + e + "; check the URL", e);
    }
    if (response.statusCode() == 401) {
      throw new UploadException(
          "the back office refused the receipt "
              + uri
              + " (401): set "
              + TOKEN
              + " to its receipts token");
    }
    if (response.statusCode() != 200) {
      throw new UploadException(
          "the back office answered "
              + response.statusCode()
              + " for the receipt "
              + uri
              + ": "
              + response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UploadException("the receipt " + uri + " is not JSON: " + e.getMessage(), e);
    }
  }
}
