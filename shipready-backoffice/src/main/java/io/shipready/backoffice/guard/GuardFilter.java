package io.shipready.backoffice.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;

/**
 * Runs before every route of a server, whatever its content type: refuses addresses locked out for
 * bad tokens (429), foreign {@code Host}/{@code Origin} where the server keeps to its names (403),
 * bodies over their limit (413), and more slow senders than allowed (503); then reads the body
 * whole, within its time, so a handler never waits on a client. A client still sending when its
 * time is up is cut off.
 */
final class GuardFilter implements Filter {
  /** Jetty's request attribute for the multipart limits (Request.MULTIPART_CONFIG_ELEMENT). */
  private static final String MULTIPART_CONFIG = "org.eclipse.jetty.multipartConfig";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServerLimits limits;
  private final AllowedHosts hosts;
  private final LoginAttempts tokens;
  private final BodyReaders readers;
  private final ScheduledExecutorService clock;
  private final String uploadFolder;

  GuardFilter(
      ServerLimits limits,
      AllowedHosts hosts,
      LoginAttempts tokens,
      ScheduledExecutorService clock,
      String uploadFolder) {
    this.limits = limits;
    this.hosts = hosts;
    this.tokens = tokens;
    this.readers = new BodyReaders(limits.bodyReaders(), limits.bodyReadersPerSource());
    this.clock = clock;
    this.uploadFolder = uploadFolder;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest req = (HttpServletRequest) request;
    HttpServletResponse res = (HttpServletResponse) response;
    if (hosts != null) {
      String refusal = hosts.refusal(req.getHeader("Host"), req.getHeader("Origin"));
      if (refusal != null) {
        refuse(res, 403, refusal);
        return;
      }
    }
    String source = req.getRemoteAddr();
    long locked = tokens.lockedForSeconds(null, source);
    if (locked > 0) {
      res.setHeader("Retry-After", Long.toString(locked));
      refuse(
          res,
          429,
          "Too many requests with a bad token from "
              + source
              + ": retry after "
              + locked
              + " s with a valid token");
      return;
    }
    if (!hasBody(req)) {
      chain.doFilter(req, res);
      return;
    }
    boolean multipart = isMultipart(req);
    long limit = multipart ? limits.maxUpload() : limits.maxBody();
    String property = multipart ? ServerLimits.MAX_UPLOAD : ServerLimits.MAX_BODY;
    if (req.getContentLengthLong() > limit) {
      tooLarge(res, limit, property);
      return;
    }
    if (!readers.tryAcquire(source)) {
      res.setHeader("Retry-After", "1");
      refuse(res, 503, "Too many requests are sending their body at once; retry in a moment");
      return;
    }
    HttpServletRequest read;
    ScheduledFuture<?> cut = cutOffAfterBodyTimeout(req);
    try {
      read = multipart ? readParts(req, limit) : readBody(req, limit);
    } catch (LimitedBody.TooLarge tooLarge) {
      tooLarge(res, limit, property);
      return;
    } catch (IOException | IllegalStateException | ServletException failed) {
      if (cut.isDone()) {
        return; // the connection is gone: nobody to answer
      }
      if (isTooLarge(failed)) {
        tooLarge(res, limit, property);
      } else {
        refuse(res, 400, "The request body could not be read: " + failed.getMessage());
      }
      return;
    } finally {
      cut.cancel(false);
      readers.release(source);
    }
    chain.doFilter(read, res);
  }

  private ScheduledFuture<?> cutOffAfterBodyTimeout(HttpServletRequest req) {
    Request jetty = Request.getBaseRequest(req);
    return clock.schedule(
        () -> jetty.getHttpChannel().getEndPoint().close(),
        limits.bodyTimeout().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private HttpServletRequest readBody(HttpServletRequest req, long limit) throws IOException {
    byte[] body = LimitedBody.read(req.getInputStream(), limit, req.getContentLengthLong());
    return new ReadRequest(req, body);
  }

  /** Jetty reads the parts (files over 1 MiB to disk) and keeps them for the route. */
  private HttpServletRequest readParts(HttpServletRequest req, long limit)
      throws IOException, ServletException {
    req.setAttribute(
        MULTIPART_CONFIG, new MultipartConfigElement(uploadFolder, limit, limit, 1 << 20));
    req.getParts();
    return req;
  }

  private static boolean hasBody(HttpServletRequest req) {
    return req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null;
  }

  private static boolean isMultipart(HttpServletRequest req) {
    String type = req.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  private static boolean isTooLarge(Throwable failed) {
    for (Throwable t = failed; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && message.contains("exceeds max")) {
        return true;
      }
    }
    return false;
  }

  private static void tooLarge(HttpServletResponse res, long limit, String property)
      throws IOException {
    // The rest of the body is not read: the connection closes after the answer.
    res.setHeader("Connection", "close");
    refuse(
        res,
        413,
        "The request body is larger than this server takes ("
            + limit
            + " bytes); send less, or raise the limit with -D"
            + property
            + "=BYTES");
  }

  private static void refuse(HttpServletResponse res, int status, String message)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ok", false);
    body.put("error", message);
    res.setStatus(status);
    res.setContentType("application/json");
    res.getOutputStream().write(JSON.writeValueAsBytes(body));
  }

  /** The request with its body already read, for the route to read as often as it likes. */
  private static final class ReadRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    ReadRequest(HttpServletRequest req, byte[] body) {
      super(req);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] into, int offset, int length) {
          return in.read(into, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body is already read");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
