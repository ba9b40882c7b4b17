package io.shipready.backoffice.guard;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;

/**
 * What every HTTP server of the system puts in front of its routes ({@link GuardFilter}): body
 * limits and timeouts, a cap on slow senders, a lockout of addresses that send bad tokens, and,
 * where given, the host names it answers to.
 *
 * <pre>{@code
 * HttpGuard guard = HttpGuard.of(ServerLimits.fromSystemProperties());
 * Javalin app = Javalin.create(config -> guard.configure(config));
 * app.start(host, port);
 * guard.started(app);
 * }</pre>
 */
public final class HttpGuard implements AutoCloseable {
  private static final String ATTRIBUTE = HttpGuard.class.getName();

  private final ServerLimits limits;
  private final AllowedHosts hosts;
  private final LoginAttempts tokens;
  private final ScheduledExecutorService clock;

  private HttpGuard(ServerLimits limits, AllowedHosts hosts) {
    this.limits = requireNonNull(limits, "limits");
    this.hosts = hosts;
    this.tokens = limits.tokenAttempts();
    this.clock =
        Executors.newSingleThreadScheduledExecutor(
            run -> {
              Thread thread = new Thread(run, "http-body-timeout");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** A guard for a server that answers to any host name (an API behind its own address). */
  public static HttpGuard of(ServerLimits limits) {
    return new HttpGuard(limits, null);
  }

  /** A guard for a server that answers only to these names (a page a browser opens). */
  public static HttpGuard of(ServerLimits limits, AllowedHosts hosts) {
    return new HttpGuard(limits, requireNonNull(hosts, "hosts"));
  }

  public ServerLimits limits() {
    return limits;
  }

  /** Puts the guard in front of every route of the app being configured. */
  public void configure(JavalinConfig config) {
    String uploads = System.getProperty("java.io.tmpdir");
    GuardFilter filter = new GuardFilter(limits, hosts, tokens, clock, uploads);
    config.http.maxRequestSize = limits.maxBody();
    config.jetty.multipartConfig.cacheDirectory(uploads);
    config.jetty.multipartConfig.maxFileSize(limits.maxUpload(), SizeUnit.BYTES);
    config.jetty.multipartConfig.maxTotalRequestSize(limits.maxUpload(), SizeUnit.BYTES);
    config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
    config.jetty.modifyServletContextHandler(
        handler -> {
          handler.setAttribute(ATTRIBUTE, this);
          handler.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        });
  }

  /** Sets the connections' idle timeout, once the app has made its connectors. */
  public void started(Javalin app) {
    for (Connector connector : app.jettyServer().server().getConnectors()) {
      if (connector instanceof ServerConnector server) {
        server.setIdleTimeout(limits.idleTimeout().toMillis());
      }
    }
  }

  /**
   * Counts a refused token against the request's address; past {@link ServerLimits#badTokens()} the
   * address gets 429 until its lockout ends. Does nothing on a server without a guard.
   */
  public static void refusedToken(Context ctx) {
    Object guard = ctx.req().getServletContext().getAttribute(ATTRIBUTE);
    if (guard instanceof HttpGuard mine) {
      mine.tokens.failed(null, ctx.req().getRemoteAddr());
    }
  }

  @Override
  public void close() {
    clock.shutdownNow();
  }
}
