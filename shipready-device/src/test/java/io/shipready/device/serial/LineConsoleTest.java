package io.shipready.device.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceUnreachableException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LineConsoleTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void returnsTheReplySkippingTheEchoAndWhatWasPrintedBefore() throws Exception {
    try (FakeConsoleServer unit =
            new FakeConsoleServer(line -> line.equals("version") ? "VERSION 2.0" : "ERR", true);
        LineConsole console = new LineConsole(TcpConsoleLink.open(unit.endpoint(), WAIT), "\r\n")) {
      unit.print("BOOT old output nobody asked for");
      console.expect(Pattern.compile("BOOT"), WAIT);
      unit.print("a log line that arrives unasked");
      Thread.sleep(100); // let it arrive, so that it has to be dropped rather than not yet seen

      assertThat(console.exchange("version", WAIT)).isEqualTo("VERSION 2.0");
    }
  }

  @Test
  void namesTheConsoleAndWhatItPrintedWhenNoReplyComes() throws Exception {
    try (FakeConsoleServer unit = new FakeConsoleServer(line -> null, false);
        LineConsole console = new LineConsole(TcpConsoleLink.open(unit.endpoint(), WAIT), "\r\n")) {
      assertThatThrownBy(() -> console.exchange("selftest", Duration.ofMillis(300)))
          .isInstanceOf(DeviceUnreachableException.class)
          .hasMessageContaining("no reply to 'selftest' from the console at tcp " + unit.endpoint())
          .hasMessageContaining("it printed nothing");
    }
  }

  @Test
  void expectWaitsForAMatchingLineAndKeepsItsGroups() throws Exception {
    try (FakeConsoleServer unit = new FakeConsoleServer(line -> null, false);
        LineConsole console = new LineConsole(TcpConsoleLink.open(unit.endpoint(), WAIT), "\r\n")) {
      unit.print("starting");
      unit.print("VDD=3.31 V");
      var match = console.expect(Pattern.compile("VDD=(?<vdd>[0-9.]+)"), WAIT);

      assertThat(match.group(1)).isEqualTo("3.31");
    }
  }

  @Test
  void namesTheEndpointItCannotReach() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var nobody = new io.shipready.device.gdb.Endpoint("127.0.0.1", port);
    assertThatThrownBy(() -> TcpConsoleLink.open(nobody, WAIT))
        .isInstanceOf(DeviceUnreachableException.class)
        .hasMessageContaining("tcp 127.0.0.1:" + port);
  }
}
