package io.shipready.backoffice.sftp;

import static java.util.Objects.requireNonNull;

import io.shipready.backoffice.accounts.AccountBook;
import io.shipready.backoffice.accounts.FactoryName;
import io.shipready.backoffice.guard.LoginAttempts;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.server.auth.AsyncAuthException;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.session.ServerSession;

/**
 * Checks SFTP passwords with failed logins counted per account and per client address: past the
 * allowance both are locked out, and every refusal is answered only after a delay, without holding
 * one of the server's few I/O threads while it waits. Public keys are not counted (they cannot be
 * guessed), so a factory that logs in with its key is not locked out by someone guessing its
 * password.
 */
final class PasswordLogins implements PasswordAuthenticator {
  private final AccountBook accounts;
  private final LoginAttempts attempts;
  private final Duration delay;

  PasswordLogins(AccountBook accounts, LoginAttempts attempts, Duration delay) {
    this.accounts = requireNonNull(accounts, "accounts");
    this.attempts = requireNonNull(attempts, "attempts");
    this.delay = requireNonNull(delay, "delay");
  }

  @Override
  public boolean authenticate(String user, String password, ServerSession session) {
    LoginAttempts.Attempt attempt = attempts.begin(user, source(session.getClientAddress()));
    if (!attempt.admitted()) {
      return refuseLater(session);
    }
    boolean ok =
        FactoryName.isValid(user) && accounts.passwordMatches(user, password.toCharArray());
    if (ok) {
      attempt.succeeded();
      return true;
    }
    attempt.failed();
    return refuseLater(session);
  }

  /** Answers "no" after the delay, from the server's scheduler rather than an I/O thread. */
  private boolean refuseLater(ServerSession session) {
    if (delay.isZero()) {
      return false;
    }
    AsyncAuthException later = new AsyncAuthException();
    session
        .getFactoryManager()
        .getScheduledExecutorService()
        .schedule(() -> later.setAuthed(false), delay.toMillis(), TimeUnit.MILLISECONDS);
    throw later;
  }

  private static String source(SocketAddress address) {
    return address instanceof InetSocketAddress inet && inet.getAddress() != null
        ? inet.getAddress().getHostAddress()
        : String.valueOf(address);
  }
}
