package io.shipready.device.gdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.model.Identifier;
import io.shipready.core.spi.Console;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.IdentityWriter;
import io.shipready.core.spi.Markings;
import io.shipready.core.spi.Power;
import io.shipready.device.emulated.ProbeDevice;
import io.shipready.device.serial.FakeConsoleServer;
import io.shipready.device.serial.LineConsole;
import io.shipready.device.serial.TcpConsoleLink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A unit on a probe and a console, against fakes of both (the emulated tier uses QEMU). */
class ProbeDeviceTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void bootsWaitsForTheFirmwareAndAsksItWhoItIs() throws Exception {
    AtomicReference<FakeConsoleServer> uart = new AtomicReference<>();
    try (FakeGdbServer probe = new FakeGdbServer(0x400, false, false);
        FakeConsoleServer console =
            new FakeConsoleServer(
                line ->
                    switch (line) {
                      case "id" -> "ID serial=SN123 ficr=1234567800000003";
                      case "version" -> "VERSION 1.0.0";
                      default -> "ERR";
                    },
                false);
        GdbTarget target =
            new GdbTarget(
                new GdbTargetSettings(
                    probe.endpoint(),
                    WAIT,
                    List.of(new MemoryRegion("app", 0, 0x8000)),
                    new MemoryRegion("identity", 0x8000, 0x400),
                    "system_reset",
                    0));
        LineConsole line = new LineConsole(TcpConsoleLink.open(console.endpoint(), WAIT), "\r\n")) {
      uart.set(console);
      probe.onDetach = () -> uart.get().print("BOOT fake 1.0.0");
      ProbeDevice device =
          new ProbeDevice("3", "SN123", target, line, Pattern.compile("BOOT"), WAIT);

      device.require(IdentityWriter.class).writeIdentity(Map.of("serial", "SN123"));
      device.require(Power.class).reboot();

      assertThat(probe.lastMonitorCommand).isEqualTo("system_reset");
      assertThat(device.require(Identity.class).identifiers())
          .containsExactly(new Identifier("serial", "SN123"));
      assertThat(device.require(Identity.class).versions())
          .containsEntry("firmware", "1.0.0")
          .containsEntry("chip_id", "1234567800000003");
      assertThat(device.require(Markings.class).read("serial")).contains("SN123");
      assertThat(device.require(Console.class).exchange("other", WAIT)).isEqualTo("ERR");
      assertThat(device.slot()).isEqualTo("3");
    }
  }
}
