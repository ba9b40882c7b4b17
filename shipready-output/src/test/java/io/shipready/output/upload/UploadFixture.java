package io.shipready.output.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A station's side of an upload test: the day's folder, the archive and the receipt book. */
final class UploadFixture {
  static final Instant NOW = Instant.parse("2025-03-01T17:30:00Z");

  final Path dir;
  final Path day;
  final Path archive;
  final Path receiptFile;

  /** The station's known_hosts file; these tests take a new test server on first use. */
  final Path knownHosts;

  UploadFixture(Path dir) throws IOException {
    this.dir = dir;
    this.day = Files.createDirectories(dir.resolve("day"));
    this.archive = dir.resolve("archive");
    this.receiptFile = dir.resolve("receipts.jsonl");
    this.knownHosts = dir.resolve("known_hosts");
  }

  /** A day's file of {@code size} random bytes (the same bytes for the same name and size). */
  Path dayFile(String name, int size) throws IOException {
    byte[] bytes = new byte[size];
    new Random(name.hashCode() * 31L + size).nextBytes(bytes);
    return Files.write(day.resolve(name), bytes);
  }

  UploadSettings.Builder settings(SftpTestServer server, SftpCredentials credentials) {
    return UploadSettings.builder(UploadTarget.parse(server.url()), credentials, archive)
        .hostKeys(HostKeyPolicy.trustingNew(knownHosts))
        .attempts(4)
        .backoff(Duration.ofMillis(10), Duration.ofMillis(40))
        .connectTimeout(Duration.ofSeconds(5))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static SftpCredentials password() {
    return new SftpCredentials.Password(SftpTestServer.PASSWORD, "test");
  }

  JsonLinesReceiptBook receipts() {
    return JsonLinesReceiptBook.open(receiptFile);
  }

  DayUploader uploader(SftpTestServer server) {
    return new DayUploader(settings(server, password()).build(), receipts());
  }

  /** Every file under a folder with its size and modification time, to show nothing changed. */
  static Map<String, String> snapshot(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(folder)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            folder.relativize(p).toString(),
            Sha256.of(p) + " " + Files.getLastModifiedTime(p).toMillis());
      }
    }
    return files;
  }

  /** The names in a folder, hidden ones included. */
  static Stream<String> names(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }
}
