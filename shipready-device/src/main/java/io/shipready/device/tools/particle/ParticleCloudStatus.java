package io.shipready.device.tools.particle;

import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolResult;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code particle usb cloud-status <device>} prints: the device's cloud connection state in
 * lower case, one of unknown, disconnected, connecting, connected, disconnecting, after the
 * "Querying device..." spinner (which only a terminal shows).
 */
final class ParticleCloudStatus {
  static final String CONNECTED = "connected";
  static final Set<String> STATES =
      Set.of("unknown", "disconnected", "connecting", CONNECTED, "disconnecting");

  private ParticleCloudStatus() {}

  /**
   * The state the device reported.
   *
   * @throws ToolOutputException when the last line printed is not one of the states
   */
  static String read(ToolResult result) {
    List<String> lines =
        ParticleOutput.lines(result.stdout()).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("Querying device"))
            .toList();
    String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1).toLowerCase(Locale.ROOT);
    if (!STATES.contains(last)) {
      throw new ToolOutputException(
          result, "one of " + String.join(", ", STATES.stream().sorted().toList()));
    }
    return last;
  }
}
