package io.shipready.backoffice.guard;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed logins counted per user and per source (the client's address), for every kind of secret
 * the system checks: the engineer PIN on the station page, SFTP passwords, API tokens. After {@code
 * allowed} failures within the lockout period, the user or the source is locked out for that
 * period, and one line is logged.
 *
 * <p>A check of a secret is reserved with {@link #begin} before it is made, and the reservation
 * counts against the allowance until its outcome is known: a burst of concurrent guesses cannot get
 * more than {@code allowed} of them checked, however the threads interleave. A success clears the
 * user's failures, not the source's, so knowing one secret does not buy guesses at another.
 */
public final class LoginAttempts {
  private static final Logger LOG = LoggerFactory.getLogger(LoginAttempts.class);
  private static final int PRUNE_ABOVE = 10_000;

  private final String what;
  private final int allowed;
  private final Duration lockout;
  private final LongSupplier nanoTime;
  private final Consumer<String> lockouts;
  private final Map<String, Count> counts = new HashMap<>();

  /**
   * @param what what is being guessed, for the log line: "engineer PIN", "SFTP password"
   * @param allowed failures allowed within {@code lockout} before the lockout
   * @param lockout how long a user or source is locked out, and the window failures count in
   * @param nanoTime the clock, {@code System::nanoTime} outside tests
   */
  public LoginAttempts(String what, int allowed, Duration lockout, LongSupplier nanoTime) {
    this(what, allowed, lockout, nanoTime, LOG::warn);
  }

  /** As above, telling {@code lockouts} (instead of the log) of each lockout, in one line. */
  LoginAttempts(
      String what,
      int allowed,
      Duration lockout,
      LongSupplier nanoTime,
      Consumer<String> lockouts) {
    this.what = requireNonNull(what, "what");
    this.lockouts = requireNonNull(lockouts, "lockouts");
    if (allowed < 1) {
      throw new IllegalArgumentException("allowed must be at least 1, not " + allowed);
    }
    if (lockout.isNegative() || lockout.isZero()) {
      throw new IllegalArgumentException("the lockout must be positive, not " + lockout);
    }
    this.allowed = allowed;
    this.lockout = lockout;
    this.nanoTime = requireNonNull(nanoTime, "nanoTime");
  }

  public int allowed() {
    return allowed;
  }

  public Duration lockout() {
    return lockout;
  }

  /**
   * Reserves one check of a secret for a user from a source; the caller reports how it went on the
   * attempt returned. Refused ({@link Attempt#admitted()} false) while the user or the source is
   * locked out, or while the checks already under way would use up the allowance.
   *
   * @param user the user named, or null when the secret names nobody (a token)
   * @param source the client's address
   */
  public synchronized Attempt begin(String user, String source) {
    long now = nanoTime.getAsLong();
    List<Count> keys = keys(user, source, now);
    long locked = 0;
    for (Count count : keys) {
      locked = Math.max(locked, count.lockedForSeconds(now));
      if (locked == 0 && count.failures + count.pending >= allowed) {
        // Checks under way would fill the allowance: refuse for now, lock nobody yet.
        locked = 1;
      }
    }
    if (locked > 0) {
      return new Attempt(this, List.of(), locked);
    }
    keys.forEach(count -> count.pending++);
    return new Attempt(this, keys, 0);
  }

  /** Seconds the user or the source stays locked out; 0 when neither is. */
  public synchronized long lockedForSeconds(String user, String source) {
    long now = nanoTime.getAsLong();
    long locked = 0;
    for (Count count : keys(user, source, now)) {
      locked = Math.max(locked, count.lockedForSeconds(now));
    }
    return locked;
  }

  /** Records a failure that was not reserved with {@link #begin} (a refused API token). */
  public synchronized void failed(String user, String source) {
    long now = nanoTime.getAsLong();
    List<String> lockedOut = new ArrayList<>(2);
    for (Count count : keys(user, source, now)) {
      if (count.fail(now)) {
        lockedOut.add(count.key);
      }
    }
    logLockout(lockedOut);
  }

  private synchronized void finish(List<Count> keys, boolean success) {
    long now = nanoTime.getAsLong();
    List<String> lockedOut = new ArrayList<>(2);
    for (Count count : keys) {
      count.pending--;
      if (!success && count.fail(now)) {
        lockedOut.add(count.key);
      } else if (success && count.isUser) {
        count.failures = 0;
      }
    }
    logLockout(lockedOut);
  }

  /** One line per lockout, naming the user and the source it locks when both lock at once. */
  private void logLockout(List<String> lockedOut) {
    if (!lockedOut.isEmpty()) {
      lockouts.accept(
          what
              + ": "
              + String.join(" and ", lockedOut)
              + " locked out for "
              + lockout.toSeconds()
              + " s after "
              + allowed
              + " failures");
    }
  }

  private List<Count> keys(String user, String source, long now) {
    if (counts.size() > PRUNE_ABOVE) {
      counts.values().removeIf(count -> count.forgettable(now));
    }
    List<Count> keys = new ArrayList<>(2);
    if (user != null) {
      keys.add(counts.computeIfAbsent("user " + user, key -> new Count(key, true)));
    }
    keys.add(
        counts.computeIfAbsent(
            "source " + requireNonNull(source, "source"), key -> new Count(key, false)));
    keys.forEach(count -> count.expire(now));
    return keys;
  }

  /** One reserved check; report its outcome exactly once (a second report is ignored). */
  public static final class Attempt {
    private final LoginAttempts owner;
    private final List<Count> keys;
    private final long lockedForSeconds;
    private boolean finished;

    private Attempt(LoginAttempts owner, List<Count> keys, long lockedForSeconds) {
      this.owner = owner;
      this.keys = keys;
      this.lockedForSeconds = lockedForSeconds;
      this.finished = lockedForSeconds > 0;
    }

    /** True when the secret may be checked; false when refused (see {@link #lockedForSeconds}). */
    public boolean admitted() {
      return lockedForSeconds == 0;
    }

    /** Seconds until a retry may be admitted; 0 when this attempt was admitted. */
    public long lockedForSeconds() {
      return lockedForSeconds;
    }

    public void succeeded() {
      finish(true);
    }

    public void failed() {
      finish(false);
    }

    private void finish(boolean success) {
      synchronized (owner) {
        if (finished) {
          return;
        }
        finished = true;
      }
      owner.finish(keys, success);
    }
  }

  /** Failures of one user or one source within the current window. */
  private final class Count {
    final String key;
    final boolean isUser;
    int failures;
    int pending;
    long windowStart;
    long lockedUntil;
    boolean locked;

    Count(String key, boolean isUser) {
      this.key = key;
      this.isUser = isUser;
    }

    void expire(long now) {
      if (locked && now - lockedUntil >= 0) {
        locked = false;
        failures = 0;
      } else if (!locked && failures > 0 && now - windowStart >= lockout.toNanos()) {
        failures = 0;
      }
    }

    long lockedForSeconds(long now) {
      if (!locked) {
        return 0;
      }
      long left = lockedUntil - now;
      return left <= 0 ? 0 : Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }

    /** Counts a failure; true when it starts a lockout. */
    boolean fail(long now) {
      if (locked) {
        return false;
      }
      if (failures == 0) {
        windowStart = now;
      }
      failures++;
      if (failures >= allowed) {
        locked = true;
        lockedUntil = now + lockout.toNanos();
        return true;
      }
      return false;
    }

    boolean forgettable(long now) {
      expire(now);
      return pending == 0 && !locked && failures == 0;
    }
  }
}
