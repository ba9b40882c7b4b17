package io.shipready.output.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code lp:} printer against the machine's real print service: a raw CUPS queue of this test's
 * own, whose device is a socket this test listens on, as a networked label printer would. What
 * arrives there must be exactly the ZPL shipready sent. Skipped, saying why, where CUPS is not
 * installed or its scheduler is not running, or queues cannot be added (lpadmin needs root or the
 * lpadmin group).
 */
class LpPrinterCupsTest {
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String HOW_TO_ENABLE =
      "Install CUPS (Debian: cups cups-client cups-bsd) and start its scheduler (cupsd) as a user"
          + " that may add queues (root or the lpadmin group).";

  @TempDir Path dir;
  private ServerSocket printer;
  private String queue;

  @BeforeEach
  void addQueue() throws Exception {
    Run status = run("lpstat", "-r");
    skipUnless(status != null, "CUPS tests are skipped: lpstat is not installed. " + HOW_TO_ENABLE);
    skipUnless(
        status.output().contains("scheduler is running"),
        "CUPS tests are skipped: the CUPS scheduler is not running ("
            + status.output()
            + "). "
            + HOW_TO_ENABLE);
    printer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    queue = "shipready-test-" + UUID.randomUUID().toString().substring(0, 8);
    Run added =
        run(
            "lpadmin",
            "-p",
            queue,
            "-E",
            "-v",
            "socket://127.0.0.1:" + printer.getLocalPort(),
            "-m",
            "raw");
    skipUnless(
        added != null && added.exit() == 0,
        "CUPS tests are skipped: lpadmin could not add a queue ("
            + (added == null ? "lpadmin is not installed" : added.output())
            + "). "
            + HOW_TO_ENABLE);
  }

  @AfterEach
  void removeQueue() throws Exception {
    if (queue != null) {
      run("lpadmin", "-x", queue);
    }
    if (printer != null) {
      printer.close();
    }
  }

  @Test
  void aLabelReachesThePrinterThroughARawQueueByteForByte() throws Exception {
    String zpl = TestPage.render("lp:" + queue, 203, Instant.now()).zpl();
    CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(this::receiveOneJob);

    LabelPrinter lp = PrinterAddress.open("lp:" + queue, dir, dir);
    lp.print(zpl, "cups-test");

    assertThat(
            new String(
                received.get(PATIENCE.toSeconds(), TimeUnit.SECONDS), StandardCharsets.UTF_8))
        .isEqualTo(zpl);
    assertThat(lp.name()).isEqualTo("print queue " + queue);
  }

  @Test
  void aQueueCupsDoesNotKnowIsRefusedWithWhatLpSaid() {
    String missing = queue + "-missing";
    LabelPrinter lp = PrinterAddress.open("lp:" + missing, dir, dir);

    assertThatThrownBy(() -> lp.print("^XA^XZ", "unit-7"))
        .isInstanceOf(PrinterException.class)
        .hasMessageContaining("print queue " + missing + ": lp refused label 'unit-7'")
        .hasMessageContaining("lpstat -p " + missing);
  }

  private byte[] receiveOneJob() {
    try {
      printer.setSoTimeout((int) PATIENCE.toMillis());
      try (Socket job = printer.accept();
          InputStream in = job.getInputStream()) {
        return in.readAllBytes();
      }
    } catch (IOException failed) {
      throw new IllegalStateException("no print job arrived from CUPS: " + failed, failed);
    }
  }

  private static void skipUnless(boolean condition, String reason) {
    if (!condition) {
      // Printed as well, so a run that skips says so in its log and not only in its report.
      System.out.println(reason);
    }
    assumeTrue(condition, reason);
  }

  private record Run(int exit, String output) {}

  /** Runs a CUPS command; null when it is not installed. */
  private static Run run(String... command) throws InterruptedException {
    try {
      Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
      String output =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Run(-1, String.join(" ", command) + " did not finish");
      }
      return new Run(process.exitValue(), output);
    } catch (IOException notInstalled) {
      return null;
    }
  }
}
