package io.shipready.device.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads one output stream of a tool on its own thread, keeping at most {@code cap} bytes and
 * draining the rest, so a chatty tool never blocks on a full pipe and never fills the station's
 * memory.
 */
final class OutputCapture implements Runnable {
  private final InputStream stream;
  private final int cap;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private volatile boolean truncated;

  OutputCapture(InputStream stream, int cap) {
    this.stream = stream;
    this.cap = cap;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[8192];
    try (stream) {
      int read;
      while ((read = stream.read(buffer)) != -1) {
        int room;
        synchronized (kept) {
          room = cap - kept.size();
          if (room > 0) {
            kept.write(buffer, 0, Math.min(room, read));
          }
        }
        if (read > room) {
          truncated = true;
        }
      }
    } catch (IOException closed) {
      // The process was destroyed under us (timeout, cancel): what was read so far is kept.
    }
  }

  boolean truncated() {
    return truncated;
  }

  String text() {
    synchronized (kept) {
      return kept.toString(StandardCharsets.UTF_8);
    }
  }
}
