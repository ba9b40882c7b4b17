package io.shipready.app.station;

import static java.util.Objects.requireNonNull;

import io.shipready.core.spi.Prompter;
import io.shipready.core.step.StepFailedException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The operator of a station page: a step that asks something is parked here until the page answers
 * (or the step's wait runs out, or its run is aborted). Every change is told to a listener so the
 * page can show and hide the question.
 */
public final class PromptQueue implements Prompter {
  /** A question waiting for its answer; {@code id} names it in the page's answer. */
  public record Pending(long id, Prompt prompt, long askedAtMillis) {}

  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final Map<Long, CompletableFuture<String>> answers = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final Consumer<String> changedSlot;

  /**
   * @param changedSlot told the slot whose question appeared or went away
   */
  public PromptQueue(Consumer<String> changedSlot) {
    this.changedSlot = requireNonNull(changedSlot, "changedSlot");
  }

  @Override
  public String ask(Prompt prompt, Duration timeout) throws InterruptedException {
    requireNonNull(prompt, "prompt");
    long id = ids.incrementAndGet();
    CompletableFuture<String> answer = new CompletableFuture<>();
    answers.put(id, answer);
    pending.put(id, new Pending(id, prompt, System.currentTimeMillis()));
    changedSlot.accept(prompt.slot());
    try {
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException nobody) {
      throw new StepFailedException(
          "nobody answered '" + prompt.message() + "' within " + describe(timeout));
    } catch (ExecutionException impossible) {
      throw new IllegalStateException(impossible.getCause());
    } finally {
      pending.remove(id);
      answers.remove(id);
      changedSlot.accept(prompt.slot());
    }
  }

  /**
   * Answers a waiting question.
   *
   * @return the question answered, or empty when it is no longer waiting
   */
  public Optional<Pending> answer(long id, String answer) {
    requireNonNull(answer, "answer");
    Pending question = pending.get(id);
    CompletableFuture<String> future = answers.get(id);
    if (question == null || future == null || !future.complete(answer)) {
      return Optional.empty();
    }
    return Optional.of(question);
  }

  /**
   * The question a scanned barcode answers: the oldest waiting scan (or value entry) of the slot,
   * or of any slot when {@code slot} is empty.
   */
  public Optional<Pending> waitingForScan(String slot) {
    return pending.values().stream()
        .filter(p -> p.prompt().kind() == Kind.SCAN || p.prompt().kind() == Kind.VALUE)
        .filter(p -> slot == null || slot.isEmpty() || p.prompt().slot().equals(slot))
        .min(
            Comparator.comparing((Pending p) -> p.prompt().kind() != Kind.SCAN)
                .thenComparingLong(Pending::id));
  }

  /** The slot's waiting question, if it has one (the oldest). */
  public Optional<Pending> of(String slot) {
    return pending.values().stream()
        .filter(p -> p.prompt().slot().equals(slot))
        .min(Comparator.comparingLong(Pending::id));
  }

  public Optional<Pending> byId(long id) {
    return Optional.ofNullable(pending.get(id));
  }

  public List<Pending> all() {
    return pending.values().stream().sorted(Comparator.comparingLong(Pending::id)).toList();
  }

  private static String describe(Duration timeout) {
    long seconds = timeout.toSeconds();
    return seconds >= 120 ? seconds / 60 + " min" : seconds + " s";
  }
}
