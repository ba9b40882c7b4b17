package io.shipready.output.upload;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Makes a new directory entry survive a power cut, where the platform allows it. */
final class Durable {
  private Durable() {}

  static void forceFolder(Path folder) {
    // Opening a directory for reading works on Linux and macOS; Windows refuses, and there the
    // file system journals the entry anyway, so failing quietly is right.
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // best effort, see above
    }
  }
}
