package io.shipready.output.upload;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ReceiptBook} in a file of one JSON object per line, for stations without a store.
 *
 * <pre>{"fileName":"01_PC_P1_20250301+0100.afero","size":1234,"sha256":"…",
 *  "remotePath":"/incoming/01_PC_P1_20250301+0100.afero","sentAt":"2025-03-01T17:02:03Z",
 *  "serverListingSize":1234}</pre>
 *
 * <p>Each receipt is appended and forced to disk before {@link #recordReceipt} returns. A line cut
 * short by a crash is a receipt that was never completed: it is ignored (and logged), the next
 * receipt starts on a line of its own, and the file is recognised on the server by the next run.
 * Any other line that cannot be read stops the book from opening, naming the line, because guessing
 * could send a file twice.
 */
public final class JsonLinesReceiptBook implements ReceiptBook {
  private static final Logger log = LoggerFactory.getLogger(JsonLinesReceiptBook.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final List<UploadReceipt> receipts = new ArrayList<>();
  private boolean endsMidLine;

  private JsonLinesReceiptBook(Path file) {
    this.file = file;
  }

  /** Opens the book in this file, creating it (and its folder) on the first receipt. */
  public static JsonLinesReceiptBook open(Path file) {
    requireNonNull(file, "file");
    JsonLinesReceiptBook book = new JsonLinesReceiptBook(file);
    book.load();
    return book;
  }

  public Path file() {
    return file;
  }

  /** Every receipt in the book, oldest first. */
  public synchronized List<UploadReceipt> receipts() {
    return List.copyOf(receipts);
  }

  @Override
  public synchronized boolean alreadySent(String fileName, String sha256) {
    requireNonNull(fileName, "fileName");
    requireNonNull(sha256, "sha256");
    return receipts.stream()
        .anyMatch(r -> r.fileName().equals(fileName) && r.sha256().equalsIgnoreCase(sha256));
  }

  @Override
  public synchronized void recordReceipt(UploadReceipt receipt) {
    requireNonNull(receipt, "receipt");
    String line = (endsMidLine ? "\n" : "") + toJson(receipt) + "\n";
    try {
      Path parent = file.toAbsolutePath().getParent();
      boolean created = !Files.exists(file);
      if (created && parent != null) {
        Files.createDirectories(parent);
      }
      try (FileChannel channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      if (created && parent != null) {
        Durable.forceFolder(parent);
      }
    } catch (IOException e) {
      throw new ReceiptBookException(
          "Could not record the receipt for "
              + receipt.fileName()
              + " in "
              + file
              + " ("
              + e
              + "): the file is on the server but this station will not know it; fix the disk or"
              + " permissions and run again (the file will be recognised on the server, not sent"
              + " twice).",
          e);
    }
    endsMidLine = false;
    receipts.add(receipt);
  }

  private void load() {
    if (!Files.exists(file)) {
      return;
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ReceiptBookException(
          "Cannot read the receipt book " + file + " (" + e + "): fix its permissions.", e);
    }
    endsMidLine = !text.isEmpty() && !text.endsWith("\n");
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        receipts.add(fromJson(line));
      } catch (JsonEOFException e) {
        log.warn(
            "{}: ignoring line {}, cut short (a receipt that was being written when the station"
                + " stopped; the file is recognised on the server instead)",
            file,
            i + 1);
      } catch (IllegalArgumentException | JsonProcessingException | DateTimeParseException e) {
        throw new ReceiptBookException(
            file
                + ":"
                + (i + 1)
                + ": not a receipt ("
                + e.getMessage()
                + "). Fix or remove that line by hand; a file whose receipt is removed is"
                + " recognised on the server by the next run, not sent twice.",
            e);
      }
    }
  }

  private static String toJson(UploadReceipt receipt) {
    ObjectNode node = JSON.createObjectNode();
    node.put("fileName", receipt.fileName());
    node.put("size", receipt.size());
    node.put("sha256", receipt.sha256());
    node.put("remotePath", receipt.remotePath());
    node.put("sentAt", receipt.sentAt().toString());
    node.put("serverListingSize", receipt.serverListingSize());
    return node.toString();
  }

  private static UploadReceipt fromJson(String line) throws JsonProcessingException {
    JsonNode node = JSON.readTree(line);
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return new UploadReceipt(
        text(node, "fileName"),
        number(node, "size"),
        text(node, "sha256"),
        text(node, "remotePath"),
        Instant.parse(text(node, "sentAt")),
        number(node, "serverListingSize"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' is missing or not text");
    }
    return value.asText();
  }

  private static long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException("field '" + field + "' is missing or not a whole number");
    }
    return value.asLong();
  }
}
