package io.shipready.store.internal;

import static java.util.Objects.requireNonNull;

import io.shipready.core.event.Event;
import io.shipready.core.event.SafeEvents;
import io.shipready.store.CommitObserver;
import io.shipready.store.RecordNotStoredException;
import io.shipready.store.StationPackage;
import io.shipready.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue between a station's threads and its one writer thread. Producers only append (under a
 * short lock); the writer takes everything queued (group commit), writes it in one transaction and
 * then wakes whoever waits for those events to be durable. Events are numbered as they are queued,
 * so "durable" is simply "the last committed number has reached the run's last queued number".
 */
public final class WriterLoop implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WriterLoop.class);

  /** Most events written in one transaction; more queued go in the next. */
  static final int MAX_BATCH = 20_000;

  /**
   * Most events waiting for the store before the station takes no new units; it takes them again
   * once the writer has caught up to half of it. Runs in progress keep recording past it: their
   * events are never refused, so the queue holds what running units add on top.
   */
  public static final int MAX_PENDING = 10_000;

  /**
   * Longest text the store keeps in one field. The station already cuts far shorter; this guards
   * every other way into the store, so it never receives what its engine cannot keep.
   */
  static final int STORE_TEXT_LIMIT = 1_000_000;

  private static final int MAX_CONFLICT_RETRIES = 50;
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

  private final Database database;
  private final String stationId;
  private final BatchWriter writer;
  private final Thread thread;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition queued = lock.newCondition();
  private final Condition committed = lock.newCondition();
  // Guarded by lock:
  private ArrayDeque<Event> queue = new ArrayDeque<>();
  private volatile CommitObserver commits = CommitObserver.NONE;
  private long queuedCount;
  private long committedCount;
  private boolean writerWaiting;
  private int maxPending = MAX_PENDING;
  private boolean full;
  private boolean closing;
  private volatile boolean abandon;
  private final Map<String, Long> lastQueuedByRun = new HashMap<>();
  private final Map<String, RuntimeException> failedRuns = new HashMap<>();
  private RuntimeException stopped;

  // Writer thread only:
  private final Map<String, RunState> states = new HashMap<>();

  public WriterLoop(Database database, String stationId, String operator) {
    this(database, stationId, operator, null);
  }

  /** A writer whose runs are all recorded as built with {@code stationPackage} (null: none). */
  public WriterLoop(
      Database database, String stationId, String operator, StationPackage stationPackage) {
    this(database, stationId, operator, stationPackage, null);
  }

  /**
   * A writer that also writes the station's IPC-CFX messages into the outbox, as sent by the
   * endpoint {@code cfxHandle} (null: none).
   */
  public WriterLoop(
      Database database,
      String stationId,
      String operator,
      StationPackage stationPackage,
      String cfxHandle) {
    this.database = requireNonNull(database, "database");
    this.stationId = requireNonNull(stationId, "stationId");
    this.writer =
        new BatchWriter(
            database.engine(),
            stationId,
            requireNonNull(operator, "operator"),
            stationPackage,
            cfxHandle == null ? null : new CfxRecorder(cfxHandle, stationId, operator));
    this.thread = new Thread(this::runLoop, "shipready-record-writer-" + stationId);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Queues the event for writing. Never blocks on the database: when the store is behind, {@link
   * #awaitRoom} holds back new units instead.
   */
  public void enqueue(Event event) {
    requireNonNull(event, "event");
    if (event instanceof Event.RunRecorded || event instanceof Event.Notice) {
      return;
    }
    event = storable(event);
    lock.lock();
    try {
      if (stopped != null) {
        throw new RecordNotStoredException(
            "The record writer of station "
                + stationId
                + " stopped after a failure ("
                + Database.rootMessage(stopped)
                + "), so "
                + event.getClass().getSimpleName()
                + (event.runId() == null ? "" : " of run " + event.runId())
                + " cannot be stored. Fix the store "
                + database.url().described()
                + " and open a new writer before running units.",
            stopped);
      }
      if (closing) {
        throw new StoreException(
            "The record writer of station "
                + stationId
                + " is closed, so "
                + event.getClass().getSimpleName()
                + (event.runId() == null ? "" : " of run " + event.runId())
                + " cannot be stored. Open a new writer with Store.openWriter before running"
                + " units.");
      }
      queue.addLast(event);
      queuedCount++;
      if (queuedCount - committedCount >= maxPending) {
        full = true;
      }
      if (event.runId() != null) {
        lastQueuedByRun.put(event.runId(), queuedCount);
      }
      if (writerWaiting) {
        writerWaiting = false;
        queued.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  private Event storable(Event event) {
    SafeEvents.Made safe = SafeEvents.of(event, STORE_TEXT_LIMIT);
    if (!safe.changedFields().isEmpty()) {
      log.warn(
          "{} of run {} at station {} stored with control characters escaped or cut to {}"
              + " characters: {}",
          event.getClass().getSimpleName(),
          event.runId(),
          stationId,
          STORE_TEXT_LIMIT,
          safe.changedFields());
    }
    return safe.event();
  }

  /**
   * Waits while the store is too far behind to take another unit: from {@code maxPending} events
   * waiting until half of them are stored. Returns at once when the writer stopped, so the next
   * event meets its failure instead of a wait.
   *
   * @return true when there is room, false when the timeout passed first
   */
  public boolean awaitRoom(Duration timeout) throws InterruptedException {
    requireNonNull(timeout, "timeout");
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      while (full && stopped == null) {
        if (remaining <= 0) {
          return false;
        }
        remaining = committed.awaitNanos(remaining);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** How many events waiting for the store hold back new units (a test sets a small number). */
  public void limitPending(int max) {
    if (max < 2) {
      throw new IllegalArgumentException("at least 2 pending events, not " + max);
    }
    lock.lock();
    try {
      maxPending = max;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until every event of the run queued so far is committed.
   *
   * @return true when durable, false when the timeout passed first
   * @throws RecordNotStoredException when the run's record could not be stored
   */
  public boolean awaitDurable(String runId, Duration timeout) throws InterruptedException {
    requireNonNull(runId, "runId");
    requireNonNull(timeout, "timeout");
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      Long target = lastQueuedByRun.get(runId);
      while (true) {
        RuntimeException failure = failedRuns.get(runId);
        if (failure != null) {
          throw notStored(runId, failure);
        }
        if (target == null || committedCount >= target) {
          return true;
        }
        if (stopped != null) {
          throw notStored(runId, stopped);
        }
        if (remaining <= 0) {
          return false;
        }
        remaining = committed.awaitNanos(remaining);
      }
    } finally {
      lock.unlock();
    }
  }

  private RecordNotStoredException notStored(String runId, RuntimeException failure) {
    return new RecordNotStoredException(
        "The record of run "
            + runId
            + " at station "
            + stationId
            + " could not be stored in "
            + database.url().described()
            + ": "
            + Database.rootMessage(failure)
            + ". Do not ship the unit on this run's outcome: fix the store and run the unit again.",
        failure);
  }

  private void runLoop() {
    try {
      while (true) {
        ArrayDeque<Event> taken;
        long firstNumber;
        lock.lock();
        try {
          while (queue.isEmpty() && !closing) {
            writerWaiting = true;
            queued.await();
          }
          if (queue.isEmpty()) {
            return;
          }
          taken = queue;
          queue = new ArrayDeque<>();
          firstNumber = queuedCount - taken.size() + 1;
        } finally {
          lock.unlock();
        }
        while (!taken.isEmpty()) {
          List<Event> batch = new ArrayList<>(Math.min(taken.size(), MAX_BATCH));
          while (!taken.isEmpty() && batch.size() < MAX_BATCH) {
            batch.add(taken.pollFirst());
          }
          long start = System.nanoTime();
          write(batch);
          commits.committed(batch.size(), Duration.ofNanos(System.nanoTime() - start));
          firstNumber += batch.size();
          markCommitted(firstNumber - 1);
        }
      }
    } catch (InterruptedException | Abandoned stop) {
      fail(new StoreException("the record writer was stopped before it had stored everything"));
    } catch (RuntimeException | Error broken) {
      log.error("the record writer of station {} stopped", stationId, broken);
      fail(
          broken instanceof RuntimeException r ? r : new StoreException(broken.toString(), broken));
    }
  }

  private void markCommitted(long number) {
    lock.lock();
    try {
      committedCount = number;
      lastQueuedByRun.values().removeIf(last -> last <= number);
      if (full && queuedCount - committedCount <= maxPending / 2) {
        full = false;
      }
      committed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void fail(RuntimeException failure) {
    lock.lock();
    try {
      stopped = failure;
      closing = true;
      committed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Writes the batch; a batch that cannot be written is retried run by run. */
  private void write(List<Event> batch) throws InterruptedException {
    List<Event> writable = withoutFailedRuns(batch);
    if (writable.isEmpty()) {
      return;
    }
    try {
      writeRetrying(writable);
      return;
    } catch (Abandoned stop) {
      throw stop;
    } catch (SQLException | RuntimeException failed) {
      log.warn(
          "a batch of {} events could not be written ({}); writing it run by run",
          writable.size(),
          Database.rootMessage(failed));
    }
    Map<String, List<Event>> byRun = new LinkedHashMap<>();
    for (Event event : writable) {
      byRun.computeIfAbsent(String.valueOf(event.runId()), run -> new ArrayList<>()).add(event);
    }
    for (Map.Entry<String, List<Event>> run : byRun.entrySet()) {
      try {
        writeRetrying(run.getValue());
      } catch (Abandoned stop) {
        throw stop;
      } catch (SQLException | RuntimeException failed) {
        RuntimeException failure =
            failed instanceof RuntimeException r
                ? r
                : new StoreException(failed.getMessage(), failed);
        String runId = run.getValue().get(0).runId();
        if (runId == null) {
          log.error("slot states of station {} could not be stored", stationId, failed);
          continue;
        }
        log.error("the record of run {} could not be stored", runId, failed);
        states.remove(runId);
        lock.lock();
        try {
          failedRuns.put(runId, failure);
        } finally {
          lock.unlock();
        }
      }
    }
  }

  private List<Event> withoutFailedRuns(List<Event> batch) {
    lock.lock();
    try {
      if (failedRuns.isEmpty()) {
        return batch;
      }
      return batch.stream().filter(e -> !failedRuns.containsKey(e.runId())).toList();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes in one transaction; retries while the database is unreachable (until the writer is
   * abandoned) and a bounded number of times when another writer got in the way.
   */
  private void writeRetrying(List<Event> events) throws SQLException, InterruptedException {
    long backoffMillis = 5;
    int conflicts = 0;
    int outage = 0;
    while (true) {
      try {
        Map<String, RunState> touched = writeOnce(events);
        touched.forEach(
            (runId, state) -> {
              if (state.finished) {
                states.remove(runId);
              } else {
                states.put(runId, state);
              }
            });
        if (outage > 0) {
          log.info("the store {} is writable again", database.url().described());
        }
        return;
      } catch (SQLException | RuntimeException failed) {
        SqlErrors.Kind kind = SqlErrors.classify(failed);
        if (kind == SqlErrors.Kind.PERMANENT
            || (kind == SqlErrors.Kind.CONFLICT && ++conflicts > MAX_CONFLICT_RETRIES)) {
          throw failed;
        }
        if (kind == SqlErrors.Kind.CONNECTION && outage++ % 20 == 0) {
          log.warn(
              "cannot write to the store {} ({}); retrying",
              database.url().described(),
              Database.rootMessage(failed));
        }
        if (abandon) {
          throw new Abandoned();
        }
        TimeUnit.MILLISECONDS.sleep(backoffMillis);
        backoffMillis = Math.min(backoffMillis * 2, 2_000);
      }
    }
  }

  private Map<String, RunState> writeOnce(List<Event> events) throws SQLException {
    try (Connection c = database.writeConnection()) {
      c.setAutoCommit(false);
      try {
        Map<String, RunState> touched = writer.write(c, events, states);
        c.commit();
        return touched;
      } catch (SQLException | RuntimeException failed) {
        try {
          c.rollback();
        } catch (SQLException rollback) {
          failed.addSuppressed(rollback);
        }
        throw failed;
      }
    }
  }

  /** Events queued and not yet committed. */
  public long pending() {
    lock.lock();
    try {
      return queuedCount - committedCount;
    } finally {
      lock.unlock();
    }
  }

  public void observeCommits(CommitObserver observer) {
    this.commits = requireNonNull(observer, "observer");
  }

  /** Stores everything queued, then stops the writer thread. */
  @Override
  public void close() {
    lock.lock();
    try {
      closing = true;
      queued.signal();
    } finally {
      lock.unlock();
    }
    try {
      thread.join(CLOSE_TIMEOUT.toMillis());
      if (thread.isAlive()) {
        abandon = true;
        thread.interrupt();
        thread.join(5_000);
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    lock.lock();
    try {
      long left = queuedCount - committedCount;
      if (left > 0) {
        throw new RecordNotStoredException(
            left
                + " events of station "
                + stationId
                + " could not be stored in "
                + database.url().described()
                + " before the writer closed"
                + (stopped == null ? "" : ": " + Database.rootMessage(stopped))
                + ". The runs they belong to are not recorded: run those units again once the"
                + " store is reachable.",
            stopped);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Thrown inside the writer thread when close gave up waiting for an unreachable database. */
  private static final class Abandoned extends RuntimeException {}
}
