package io.shipready.backoffice.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.backoffice.BackofficeServer;
import io.shipready.store.ServiceDatabase;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request racing the writer's close is answered, applied or refused, never left waiting. A
 * request that found the writer open used to queue its work after close had already let the writer
 * stop, and then waited for an answer forever.
 */
class OperationWriterCloseTest {
  @TempDir Path folder;

  @Test
  void aRequestThatFoundTheWriterOpenIsAnsweredWhenCloseOvertakesIt() throws Exception {
    CountDownLatch closing = new CountDownLatch(1);
    // Replays the unlucky schedule: the request is handed over only after close has begun and
    // the writer had all the time it needs to stop.
    LinkedBlockingQueue<OperationWriter.Pending> slowHandOver =
        new LinkedBlockingQueue<>() {
          @Override
          public boolean add(OperationWriter.Pending pending) {
            if (pending != OperationWriter.STOP) {
              try {
                closing.await(5, TimeUnit.SECONDS);
                Thread.sleep(500);
              } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
              }
            }
            return super.add(pending);
          }
        };
    try (ServiceDatabase database =
        ServiceDatabase.open(
            folder.resolve("backoffice.db").toString(),
            BackofficeServer.MIGRATIONS,
            BackofficeServer.HISTORY_TABLE)) {
      OperationWriter writer = new OperationWriter(database, slowHandOver);
      CompletableFuture<ApiReply> request =
          CompletableFuture.supplyAsync(() -> writer.apply(handle -> ApiReply.ok(Map.of())));
      Thread.sleep(100);
      CompletableFuture<Void> close =
          CompletableFuture.runAsync(
              () -> {
                closing.countDown();
                writer.close();
              });

      ApiReply reply;
      try {
        reply = request.get(15, TimeUnit.SECONDS);
      } catch (TimeoutException hung) {
        throw new AssertionError("the request racing close was never answered", hung);
      }
      assertThat(reply.status()).isIn(200, 503);
      close.get(15, TimeUnit.SECONDS);
      assertThat(writer.apply(handle -> ApiReply.ok(Map.of())).status()).isEqualTo(503);
    }
  }
}
