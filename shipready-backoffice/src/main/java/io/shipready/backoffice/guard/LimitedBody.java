package io.shipready.backoffice.guard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body whole, refusing it as soon as it passes its limit. */
final class LimitedBody {
  private static final int CHUNK = 8192;

  private LimitedBody() {}

  /** The body is larger than its limit; nothing past the limit was kept. */
  static final class TooLarge extends IOException {
    TooLarge(long limit) {
      super("the body is larger than " + limit + " bytes");
    }
  }

  /**
   * @param expected the length the client announced, or -1; sizes the buffer, never trusted
   */
  static byte[] read(InputStream in, long limit, long expected) throws IOException {
    ByteArrayOutputStream body =
        new ByteArrayOutputStream(
            (int) Math.min(Math.max(expected, CHUNK), Math.min(limit, 1 << 20)));
    byte[] chunk = new byte[CHUNK];
    long total = 0;
    for (int n; (n = in.read(chunk)) != -1; ) {
      total += n;
      if (total > limit) {
        throw new TooLarge(limit);
      }
      body.write(chunk, 0, n);
    }
    return body.toByteArray();
  }
}
