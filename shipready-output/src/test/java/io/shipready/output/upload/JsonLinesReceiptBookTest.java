package io.shipready.output.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesReceiptBookTest {
  private static final String SHA_A = "a".repeat(64);
  private static final String SHA_B = "b".repeat(64);

  @TempDir Path dir;

  @Test
  void receiptsSurviveReopening() {
    Path file = dir.resolve("upload/receipts.jsonl");
    UploadReceipt receipt = receipt("01_A.afero", SHA_A);

    JsonLinesReceiptBook.open(file).recordReceipt(receipt);
    JsonLinesReceiptBook reopened = JsonLinesReceiptBook.open(file);

    assertThat(reopened.receipts()).containsExactly(receipt);
    assertThat(reopened.alreadySent("01_A.afero", SHA_A)).isTrue();
    assertThat(reopened.alreadySent("01_A.afero", SHA_B)).isFalse();
    assertThat(reopened.alreadySent("02_B.afero", SHA_A)).isFalse();
    assertThat(file).content().startsWith("{\"fileName\":\"01_A.afero\",\"size\":10,");
  }

  @Test
  void aLastLineCutShortIsIgnoredAndTheNextReceiptStartsOnItsOwnLine() throws Exception {
    Path file = dir.resolve("receipts.jsonl");
    JsonLinesReceiptBook.open(file).recordReceipt(receipt("01_A.afero", SHA_A));
    Files.writeString(file, "{\"fileName\":\"02_B.af", StandardOpenOption.APPEND);

    JsonLinesReceiptBook book = JsonLinesReceiptBook.open(file);
    assertThat(book.receipts()).extracting(UploadReceipt::fileName).containsExactly("01_A.afero");
    book.recordReceipt(receipt("02_B.afero", SHA_B));

    assertThat(JsonLinesReceiptBook.open(file).receipts())
        .extracting(UploadReceipt::fileName)
        .containsExactly("01_A.afero", "02_B.afero");
  }

  @Test
  void aBrokenLineInTheMiddleIsNamed() throws Exception {
    Path file = dir.resolve("receipts.jsonl");
    JsonLinesReceiptBook.open(file).recordReceipt(receipt("01_A.afero", SHA_A));
    Files.writeString(file, "{\"fileName\":\"02_B.afero\"}\n", StandardOpenOption.APPEND);

    assertThatThrownBy(() -> JsonLinesReceiptBook.open(file))
        .isInstanceOf(ReceiptBookException.class)
        .hasMessageStartingWith(file + ":2: not a receipt (field 'size' is missing");
  }

  private static UploadReceipt receipt(String name, String sha) {
    return new UploadReceipt(
        name, 10, sha, "/incoming/" + name, Instant.parse("2025-03-01T17:30:00Z"), 10);
  }
}
