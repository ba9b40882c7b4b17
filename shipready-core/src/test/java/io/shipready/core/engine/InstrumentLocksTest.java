package io.shipready.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.event.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InstrumentLocksTest {
  private static final Duration LONG = Duration.ofHours(1);
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-05-06T12:01:02Z"), ZoneOffset.UTC);

  private final InstrumentLocks locks = new InstrumentLocks(List.of("rf_tester"), CLOCK);

  @Test
  void handsTheInstrumentOutInTheOrderItWasAskedFor() throws Exception {
    Instrument.Hold first = locks.acquire("rf_tester", "1", "radio", LONG);
    List<String> served = new CopyOnWriteArrayList<>();
    List<Thread> waiters = new java.util.ArrayList<>();
    for (String slot : List.of("2", "3", "4")) {
      Thread waiter =
          start(
              () -> {
                Instrument.Hold hold = locks.acquire("rf_tester", slot, "radio", LONG);
                served.add(slot);
                locks.release(hold);
                return null;
              });
      waiters.add(waiter);
      int inLine = waiters.size();
      awaitUntil(() -> waiting().size() == inLine);
    }
    assertThat(waiting()).containsExactly("2", "3", "4");

    locks.release(first);

    for (Thread waiter : waiters) {
      waiter.join(TimeUnit.SECONDS.toMillis(30));
    }
    assertThat(served).containsExactly("2", "3", "4");
    assertThat(state().holder()).isNull();
  }

  @Test
  void aWaitPastItsTimeoutFailsNamingTheHolderAndLeavesTheLine() throws Exception {
    Instrument.Hold held = locks.acquire("rf_tester", "1", "radio", LONG);

    CompletableFuture<Instrument.Hold> late =
        async(() -> locks.acquire("rf_tester", "2", "measure", Duration.ofMillis(200)));

    assertThatThrownBy(() -> late.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(InstrumentUnavailableException.class)
        .hasMessage(
            "waited 200ms for rf_tester, held by slot 1 in step 'radio' since 12:01:02Z; if"
                + " that slot is stuck check it, else give this step a longer timeout");
    assertThat(waiting()).isEmpty();
    locks.release(held);
    Instrument.Hold next = locks.acquire("rf_tester", "2", "measure", Duration.ZERO);
    assertThat(next.holder().slot()).isEqualTo("2");
  }

  @Test
  void anInterruptEndsTheWaitAndTheNextInLineStillGetsItsTurn() throws Exception {
    Instrument.Hold held = locks.acquire("rf_tester", "1", "radio", LONG);
    CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
    Thread stopped =
        start(
            () -> {
              try {
                locks.acquire("rf_tester", "2", "radio", LONG);
                interrupted.complete(false);
              } catch (InterruptedException expected) {
                interrupted.complete(true);
              }
              return null;
            });
    awaitUntil(() -> waiting().size() == 1);
    CompletableFuture<Instrument.Hold> behind =
        async(() -> locks.acquire("rf_tester", "3", "radio", LONG));
    awaitUntil(() -> waiting().size() == 2);

    stopped.interrupt();

    assertThat(interrupted.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(waiting()).containsExactly("3");
    locks.release(held);
    assertThat(behind.get(30, TimeUnit.SECONDS).holder().slot()).isEqualTo("3");
  }

  @Test
  void anInstrumentWhoseHolderHungFailsEveryWaiterAndEveryLaterStep() throws Exception {
    Instrument.Hold hung = locks.acquire("rf_tester", "3", "radio", LONG);
    CompletableFuture<Instrument.Hold> waiter =
        async(() -> locks.acquire("rf_tester", "1", "radio", LONG));
    awaitUntil(() -> waiting().size() == 1);
    String why =
        "rf_tester is out of service: slot 3 hung in step 'radio' holding it since 12:01:02Z;"
            + " check the instrument and restart the station";

    Event.InstrumentOutOfService event = locks.takeOutOfService(hung);

    assertThat(event.instrument()).isEqualTo("rf_tester");
    assertThat(event.heldBySlot()).isEqualTo("3");
    assertThat(event.stepId()).isEqualTo("radio");
    assertThat(event.message()).isEqualTo(why);
    assertThat(event.slot()).isEmpty();
    assertThatThrownBy(() -> waiter.get(30, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(InstrumentUnavailableException.class)
        .hasMessage(why);
    assertThatThrownBy(() -> locks.acquire("rf_tester", "2", "radio", LONG))
        .isInstanceOf(InstrumentUnavailableException.class)
        .hasMessage(why)
        .matches(e -> ((InstrumentUnavailableException) e).outOfService());
    // The hung step coming back later must not put the instrument back in anyone's hands.
    locks.release(hung);
    assertThat(state().inService()).isFalse();
    assertThat(state().outOfService()).isEqualTo(why);
    assertThat(state().holder().slot()).isEqualTo("3");
    assertThat(locks.takeOutOfService(hung)).isNull();
  }

  @Test
  void aHoldAlreadyGivenBackCannotTakeTheInstrumentOutOfService() throws Exception {
    Instrument.Hold returned = locks.acquire("rf_tester", "1", "radio", LONG);
    locks.release(returned);
    Instrument.Hold current = locks.acquire("rf_tester", "2", "radio", LONG);

    assertThat(locks.takeOutOfService(returned)).isNull();
    locks.release(returned);

    assertThat(state().inService()).isTrue();
    assertThat(state().holder()).isEqualTo(current.holder());
  }

  private InstrumentState state() {
    return locks.states().get(0);
  }

  private List<String> waiting() {
    return state().waiting();
  }

  interface Body<T> {
    T run() throws Exception;
  }

  private static <T> CompletableFuture<T> async(Body<T> body) {
    CompletableFuture<T> result = new CompletableFuture<>();
    start(
        () -> {
          try {
            result.complete(body.run());
          } catch (Exception | Error failed) {
            result.completeExceptionally(failed);
          }
          return null;
        });
    return result;
  }

  private static Thread start(Body<Void> body) {
    Thread thread =
        new Thread(
            () -> {
              try {
                body.run();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Polls for a state another thread reaches; the bound is generous, not a measurement. */
  static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > giveUp) {
        throw new AssertionError("the expected state was not reached within 30s");
      }
      Thread.sleep(5);
    }
  }
}
