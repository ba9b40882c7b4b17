package io.shipready.app.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipready.app.lines.LineProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The demo's back-office side, after the stations: the day's files uploaded and checked against the
 * receipt, and the queued units provisioned; each through the command a user runs for it.
 */
final class DemoBackofficeSide {
  private final Path out;
  private final PrintWriter console;
  private final DemoBackoffice backoffice;

  DemoBackofficeSide(Path out, PrintWriter console, DemoBackoffice backoffice) {
    this.out = requireNonNull(out, "out");
    this.console = requireNonNull(console, "console");
    this.backoffice = requireNonNull(backoffice, "backoffice");
  }

  /**
   * Today's factory files of every line, sent to the back office with {@code upload --today}, and
   * the back office's receipt of them compared with what was sent.
   */
  boolean uploadDay(List<LineProfile> demoLines, Path db) throws IOException {
    boolean clean = true;
    for (LineProfile line : demoLines) {
      Path lineOut = out.resolve(line.folder().getFileName().toString());
      List<Path> sent = dayFiles(lineOut.resolve("files"));
      if (sent.isEmpty()) {
        continue;
      }
      console.println(
          "upload "
              + line.name()
              + ": bin/shipready upload --today --receipt-from "
              + backoffice.receipts()
              + " ...");
      StringWriter printed = new StringWriter();
      int exit =
          backoffice.upload(
              lineOut.resolve("files"),
              lineOut.resolve("archive"),
              db,
              new PrintWriter(printed, true));
      printed
          .toString()
          .lines()
          .filter(text -> !text.isBlank())
          .forEach(text -> console.println("  " + text));
      clean &= exit == 0;
      clean &= compareReceipt(sent);
    }
    return clean;
  }

  /** The factory files the back office reads (by their kinds' readers), in a line's folder. */
  private static List<Path> dayFiles(Path files) throws IOException {
    if (!Files.isDirectory(files)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(files)) {
      return listing.filter(p -> p.getFileName().toString().endsWith(".afero")).sorted().toList();
    }
  }

  /** Files and rows sent against the back office's receipt for today (UTC), and what it lacks. */
  private boolean compareReceipt(List<Path> sent) throws IOException {
    Map<String, JsonNode> received = new HashMap<>();
    for (JsonNode entry : backoffice.receipt(LocalDate.now(ZoneOffset.UTC))) {
      received.put(entry.path("fileName").asText(), entry);
    }
    long rowsSent = 0;
    long rowsTaken = 0;
    int filesTaken = 0;
    List<String> missing = new ArrayList<>();
    for (Path file : sent) {
      long rows;
      try (Stream<String> lines = Files.lines(file)) {
        rows = Math.max(0, lines.count() - 1);
      }
      rowsSent += rows;
      JsonNode entry = received.get(file.getFileName().toString());
      if (entry == null || !entry.path("state").asText().equals("completed")) {
        missing.add(
            file.getFileName()
                + (entry == null
                    ? ": not on the receipt"
                    : ": " + entry.path("state").asText() + " " + entry.path("reason").asText()));
        continue;
      }
      filesTaken++;
      long taken = entry.path("rows").asLong();
      rowsTaken += taken;
      if (taken < rows) {
        missing.add(file.getFileName() + ": " + taken + " of its " + rows + " rows taken in");
      }
    }
    console.printf(
        Locale.ROOT,
        "  receipt: sent %d files, %d rows; the back office took in %d files, %d rows; %s%n",
        sent.size(),
        rowsSent,
        filesTaken,
        rowsTaken,
        missing.isEmpty() ? "nothing missing" : "MISSING:");
    missing.forEach(line -> console.println("    " + line));
    return missing.isEmpty();
  }

  /**
   * The Particle units the programming station queued, provisioned through the back office's
   * provisioning API by the {@code provision} command, with what the API did and how fast.
   */
  boolean provisionQueued(List<LineProfile> demoLines, Path db) throws IOException {
    boolean clean = true;
    for (LineProfile line : demoLines) {
      for (Path queue : queueFiles(out, line)) {
        List<String> rows = Files.readAllLines(queue);
        if (rows.size() < 2) {
          continue;
        }
        List<String> header = List.of(rows.get(0).split(",", -1));
        String product = rows.get(1).split(",", -1)[header.indexOf("product")];
        String token = backoffice.token(product);
        console.println(
            "provision "
                + line.name()
                + ": bin/shipready provision --api "
                + backoffice.api()
                + " --token-file TOKEN --db "
                + db
                + " "
                + queue.getFileName());
        StringWriter printed = new StringWriter();
        long started = System.nanoTime();
        int exit =
            provisionQueue(
                queue,
                db,
                backoffice.api(),
                token,
                backoffice.data(),
                new PrintWriter(printed, true));
        double seconds = (System.nanoTime() - started) / 1e9;
        printed
            .toString()
            .lines()
            .filter(text -> !text.isBlank())
            .forEach(text -> console.println("  " + text));
        Map<String, long[]> done = backoffice.operations(product);
        long requests = done.values().stream().mapToLong(n -> n[0] + n[1]).sum();
        console.printf(
            Locale.ROOT,
            "  provisioned: %d queued, %d added to product %s, %d claimed, %d SIMs activated in"
                + " %.1f s (%d operations, %.0f per second, within the API's limit of %s)%n",
            rows.size() - 1,
            count(done, "import"),
            product,
            count(done, "claim"),
            count(done, "sim_activate"),
            seconds,
            requests,
            requests / Math.max(seconds, 0.001),
            backoffice.rateLimit() + " per token");
        clean &= exit == 0 && count(done, "claim") == rows.size() - 1;
      }
    }
    return clean;
  }

  private static long count(Map<String, long[]> done, String kind) {
    return done.getOrDefault(kind, new long[] {0, 0})[0];
  }

  /** The provisioning queues the line's stations wrote in this demo, in name order. */
  static List<Path> queueFiles(Path out, LineProfile line) throws IOException {
    Path files = out.resolve(line.folder().getFileName().toString()).resolve("files");
    if (!Files.isDirectory(files)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(files)) {
      return listing
          .filter(p -> p.getFileName().toString().startsWith("provisioning-queue_"))
          .filter(p -> p.getFileName().toString().endsWith(".csv"))
          .sorted()
          .toList();
    }
  }

  /**
   * {@code shipready provision} of one queue file, through its command in this process (each row
   * says its product, group, name, claim and SIM activation), writing each operation into the
   * demo's records ({@code --db}), with its journal in {@code journals} (the demo's back office
   * folder): the queue's folder gets none, so the same queue can still be provisioned against
   * another back office.
   */
  static int provisionQueue(
      Path queue, Path db, URI url, String token, Path journals, PrintWriter printed)
      throws IOException {
    CommandLine provision = new CommandLine(new ProvisionCommand());
    provision.setOut(printed);
    provision.setErr(printed);
    Path tokenFile = Files.createTempFile("shipready-demo-token", "");
    try {
      Files.writeString(tokenFile, token);
      return provision.execute(
          "--api",
          url.toString(),
          "--db",
          db.toString(),
          "--token-file",
          tokenFile.toString(),
          "--no-progress",
          "--journal",
          journals.resolve(queue.getFileName() + ".journal").toString(),
          queue.toString());
    } finally {
      Files.deleteIfExists(tokenFile);
    }
  }
}
