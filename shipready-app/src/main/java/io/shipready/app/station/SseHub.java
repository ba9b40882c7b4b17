package io.shipready.app.station;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the station's changes to every open page as server-sent events, coalesced: a slot that
 * changes a hundred times between two pushes is sent once, with its latest state, and pushes go out
 * at most once per period. A page that connects first gets a snapshot of everything.
 *
 * <p>Only the push thread writes to the pages, so a slow page never holds up a slot's steps.
 */
public final class SseHub implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SseHub.class);
  private static final Duration FIGURES_EVERY = Duration.ofSeconds(1);

  private final SlotBoard board;
  private final ShiftFigures figures;
  private final Supplier<Map<String, Object>> station;
  private final ObjectMapper json = new ObjectMapper();
  private final Set<String> dirty = ConcurrentHashMap.newKeySet();
  private final Queue<SseClient> joining = new ConcurrentLinkedQueue<>();
  private final List<SseClient> clients = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService pusher;
  private final Stats stats = new Stats();
  private long figuresSent = -1;
  private long figuresSentAtNanos;

  /** Counters of what was pushed, for the benchmark figures. */
  public static final class Stats {
    final AtomicLong messages = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong slotUpdates = new AtomicLong();
    final AtomicLong slotMessages = new AtomicLong();
    final AtomicLong slotBytes = new AtomicLong();
    final AtomicLong changesSeen = new AtomicLong();

    public Map<String, Object> view() {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("messages", messages.get());
      view.put("bytes", bytes.get());
      view.put("slotUpdates", slotUpdates.get());
      view.put("slotMessages", slotMessages.get());
      view.put("slotBytes", slotBytes.get());
      view.put("changesSeen", changesSeen.get());
      return view;
    }
  }

  /**
   * @param board the slots' tiles
   * @param figures the shift's figures
   * @param station what the page shows about the station itself (name, recipe, roles...)
   * @param period the least time between two pushes
   */
  public SseHub(
      SlotBoard board,
      ShiftFigures figures,
      Supplier<Map<String, Object>> station,
      Duration period) {
    this.board = requireNonNull(board, "board");
    this.figures = requireNonNull(figures, "figures");
    this.station = requireNonNull(station, "station");
    this.pusher =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "station-page-push");
              thread.setDaemon(true);
              return thread;
            });
    long periodMillis = Math.max(1, period.toMillis());
    pusher.scheduleWithFixedDelay(
        this::pushSafely, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  /** Marks a slot's tile as changed; it goes out with the next push. */
  public void changed(String slot) {
    stats.changesSeen.incrementAndGet();
    dirty.add(slot);
  }

  /** A page connected: it gets a snapshot at the next push, then the changes. */
  public void join(SseClient client) {
    client.keepAlive();
    client.onClose(() -> clients.remove(client));
    joining.add(client);
  }

  public Stats stats() {
    return stats;
  }

  public int pages() {
    return clients.size() + joining.size();
  }

  /** Everything the page draws, as one object (the snapshot a page gets on connecting). */
  public Map<String, Object> snapshot() {
    Map<String, Object> snapshot = new LinkedHashMap<>();
    snapshot.put("at", System.currentTimeMillis());
    snapshot.put("station", station.get());
    List<Map<String, Object>> tiles = new ArrayList<>();
    board.slots().forEach(slot -> tiles.add(board.tile(slot)));
    snapshot.put("slots", tiles);
    snapshot.put("figures", figures.view());
    return snapshot;
  }

  /** Pushes what changed now, without waiting for the next period. */
  public void flush() {
    try {
      pusher.submit(this::pushSafely).get(5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException
        | java.util.concurrent.TimeoutException
        | java.util.concurrent.RejectedExecutionException notPushed) {
      log.warn("the last station page update was not pushed", notPushed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void pushSafely() {
    try {
      push();
    } catch (RuntimeException broken) {
      // The next push tries again; one bad message must not stop the page's updates for good.
      log.warn("station page push failed", broken);
    }
  }

  private void push() {
    for (SseClient client = joining.poll(); client != null; client = joining.poll()) {
      if (send(client, "snapshot", write(snapshot()))) {
        clients.add(client);
      }
    }
    List<String> changedSlots = new ArrayList<>();
    for (String slot : board.slots()) {
      if (dirty.remove(slot)) {
        changedSlots.add(slot);
      }
    }
    if (!changedSlots.isEmpty()) {
      Map<String, Object> update = new LinkedHashMap<>();
      update.put("at", System.currentTimeMillis());
      List<Map<String, Object>> tiles = new ArrayList<>();
      changedSlots.forEach(slot -> tiles.add(board.tile(slot)));
      update.put("slots", tiles);
      String text = write(update);
      for (SseClient client : clients) {
        if (send(client, "slots", text)) {
          stats.slotUpdates.addAndGet(tiles.size());
          stats.slotMessages.incrementAndGet();
          stats.slotBytes.addAndGet(text.length());
        }
      }
    }
    long version = figures.version();
    long now = System.nanoTime();
    if (version != figuresSent && now - figuresSentAtNanos >= FIGURES_EVERY.toNanos()) {
      figuresSent = version;
      figuresSentAtNanos = now;
      String text = write(figures.view());
      clients.forEach(client -> send(client, "figures", text));
    }
  }

  private boolean send(SseClient client, String event, String data) {
    if (client.terminated()) {
      clients.remove(client);
      return false;
    }
    client.sendEvent(event, data);
    stats.messages.incrementAndGet();
    stats.bytes.addAndGet(data.length());
    return true;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("cannot write the page's update as JSON", impossible);
    }
  }

  /** Stops pushing and closes the pages' streams (they reconnect when a station starts again). */
  @Override
  public void close() {
    pusher.shutdownNow();
    clients.forEach(SseClient::close);
    clients.clear();
  }
}
