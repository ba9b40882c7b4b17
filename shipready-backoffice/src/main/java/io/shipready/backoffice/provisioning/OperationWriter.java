package io.shipready.backoffice.provisioning;

import static java.util.Objects.requireNonNull;

import io.shipready.store.ServiceDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the API's writes on one thread, many requests per transaction (group commit). A durable
 * commit costs a disk flush of a few milliseconds; one per request would cap the server far below
 * the rate limits it enforces. Each request still gets its answer only after its transaction is
 * durable. A work item returns its reply rather than throwing, so one refused request never undoes
 * the others in its batch; if a batch fails as a whole, its items are tried again one by one.
 */
final class OperationWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OperationWriter.class);
  private static final int MAX_BATCH = 256;
  static final Pending STOP = new Pending(handle -> null);

  private final ServiceDatabase database;
  private final BlockingQueue<Pending> queue;
  private final Thread thread;
  // Guarded by this: a request is queued only while the writer is open, and close queues STOP
  // after it, so the writer answers every request it was given before it stops.
  private boolean closed;

  OperationWriter(ServiceDatabase database) {
    this(database, new LinkedBlockingQueue<>());
  }

  /** A writer taking work from the given queue (a test slows hand-offs to replay a race). */
  OperationWriter(ServiceDatabase database, BlockingQueue<Pending> queue) {
    this.database = requireNonNull(database, "database");
    this.queue = requireNonNull(queue, "queue");
    this.thread = new Thread(this::loop, "provisioning-writer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Runs the work in a write transaction and waits until it is committed. */
  ApiReply apply(Function<Handle, ApiReply> work) {
    Pending pending = new Pending(work);
    synchronized (this) {
      if (closed) {
        return stopping();
      }
      queue.add(pending);
    }
    try {
      return pending.done.get();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return ApiReply.error(503, "The request was interrupted; try again");
    } catch (ExecutionException failed) {
      LOG.error("A provisioning write failed", failed.getCause());
      return ApiReply.error(500, "The database refused the write; try again");
    }
  }

  private void loop() {
    List<Pending> batch = new ArrayList<>();
    boolean stopping = false;
    while (!stopping) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException stop) {
        break;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      stopping = batch.remove(STOP);
      if (batch.isEmpty()) {
        continue;
      }
      try {
        write(batch);
      } catch (RuntimeException failed) {
        if (batch.size() == 1) {
          batch.get(0).done.completeExceptionally(failed);
        } else {
          for (Pending alone : batch) {
            try {
              write(List.of(alone));
            } catch (RuntimeException again) {
              alone.done.completeExceptionally(again);
            }
          }
        }
      }
      batch.clear();
    }
    // Stopped by close or by an interrupt: either way nothing more is queued, and what is left
    // is answered rather than left waiting.
    synchronized (this) {
      closed = true;
    }
    for (Pending left; (left = queue.poll()) != null; ) {
      left.done.complete(stopping());
    }
  }

  private static ApiReply stopping() {
    return ApiReply.error(503, "The server is stopping; try again");
  }

  private void write(List<Pending> batch) {
    List<ApiReply> replies =
        database
            .writeJdbi()
            .inTransaction(
                handle -> {
                  List<ApiReply> out = new ArrayList<>(batch.size());
                  for (Pending pending : batch) {
                    out.add(pending.work.apply(handle));
                  }
                  return out;
                });
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).done.complete(replies.get(i));
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (!closed) {
        closed = true;
        queue.add(STOP);
      }
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  record Pending(Function<Handle, ApiReply> work, CompletableFuture<ApiReply> done) {
    Pending(Function<Handle, ApiReply> work) {
      this(work, new CompletableFuture<>());
    }
  }
}
