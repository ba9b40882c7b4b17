package io.shipready.backoffice.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginAttemptsTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong();
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final LoginAttempts attempts =
      new LoginAttempts("engineer PIN", 5, Duration.ofMinutes(1), now::get, logged::add);

  @Test
  void fiveFailuresLockTheUserForAMinuteThenTheCountStartsAgain() {
    for (int i = 0; i < 4; i++) {
      attempts.begin("li.wei", "10.0.0.7").failed();
    }
    assertThat(attempts.lockedForSeconds("li.wei", "10.0.0.7")).isZero();
    attempts.begin("li.wei", "10.0.0.7").failed();
    assertThat(attempts.lockedForSeconds("li.wei", "10.0.0.9")).isEqualTo(60);
    assertThat(attempts.begin("li.wei", "10.0.0.9").admitted()).isFalse();

    now.addAndGet(59 * SECOND);
    assertThat(attempts.lockedForSeconds("li.wei", "10.0.0.7")).isEqualTo(1);
    now.addAndGet(SECOND);
    assertThat(attempts.lockedForSeconds("li.wei", "10.0.0.7")).isZero();
    attempts.begin("li.wei", "10.0.0.7").failed();
    assertThat(attempts.lockedForSeconds("li.wei", "10.0.0.7")).as("counted afresh").isZero();
  }

  @Test
  void oneAddressTryingManyUserNamesIsLockedOutToo() {
    for (int i = 0; i < 5; i++) {
      attempts.begin("user" + i, "10.0.0.7").failed();
    }
    assertThat(attempts.begin("someone.else", "10.0.0.7").admitted()).isFalse();
    assertThat(attempts.begin("someone.else", "10.0.0.8").admitted()).isTrue();
    assertThat(logged)
        .containsExactly("engineer PIN: source 10.0.0.7 locked out for 60 s after 5 failures");
  }

  @Test
  void aSuccessClearsTheUsersFailuresButNotTheAddresss() {
    for (int i = 0; i < 4; i++) {
      attempts.begin("li.wei", "10.0.0.7").failed();
    }
    attempts.begin("li.wei", "10.0.0.7").succeeded();
    attempts.begin("li.wei", "10.0.0.8").failed();
    assertThat(attempts.lockedForSeconds("li.wei", "10.0.0.8")).isZero();
    attempts.begin("eng.ana", "10.0.0.7").failed();
    assertThat(attempts.lockedForSeconds("eng.ana", "10.0.0.7")).isEqualTo(60);
  }

  @Test
  void failuresOlderThanTheLockoutAreForgotten() {
    for (int i = 0; i < 4; i++) {
      attempts.begin("li.wei", "10.0.0.7").failed();
    }
    now.addAndGet(61 * SECOND);
    attempts.begin("li.wei", "10.0.0.7").failed();
    assertThat(attempts.lockedForSeconds("li.wei", "10.0.0.7")).isZero();
  }

  @Test
  void aBurstOfConcurrentGuessesGetsNoMoreChecksThanAllowed() throws Exception {
    int burst = 39;
    ExecutorService threads = Executors.newFixedThreadPool(burst);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> checked = new ArrayList<>();
    try {
      for (int i = 0; i < burst; i++) {
        checked.add(
            threads.submit(
                () -> {
                  go.await();
                  LoginAttempts.Attempt attempt = attempts.begin("li.wei", "10.0.0.7");
                  if (!attempt.admitted()) {
                    return false;
                  }
                  Thread.sleep(20); // checking a hashed PIN takes a while
                  attempt.failed();
                  return true;
                }));
      }
      go.countDown();
      int admitted = 0;
      for (Future<Boolean> one : checked) {
        admitted += one.get() ? 1 : 0;
      }
      assertThat(admitted).isEqualTo(5);
      assertThat(attempts.lockedForSeconds("li.wei", "10.0.0.7")).isEqualTo(60);
      assertThat(logged)
          .containsExactly(
              "engineer PIN: user li.wei and source 10.0.0.7 locked out for 60 s after 5"
                  + " failures");
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void refusedTokensCountPerAddressOnly() {
    LoginAttempts tokens = new LoginAttempts("API token", 30, Duration.ofMinutes(1), now::get);
    for (int i = 0; i < 29; i++) {
      tokens.failed(null, "10.0.0.7");
    }
    assertThat(tokens.lockedForSeconds(null, "10.0.0.7")).isZero();
    tokens.failed(null, "10.0.0.7");
    assertThat(tokens.lockedForSeconds(null, "10.0.0.7")).isEqualTo(60);
    assertThat(tokens.lockedForSeconds(null, "10.0.0.8")).isZero();
  }
}
