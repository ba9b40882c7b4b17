package io.shipready.device.gdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.Image;
import io.shipready.core.device.ImageType;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GdbRemoteProtocolTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Test
  void framesPacketsWithTheModulo256Checksum() {
    assertThat(new String(RspConnection.frame("g".getBytes()), StandardCharsets.ISO_8859_1))
        .isEqualTo("$g#67");
    assertThat(new String(RspConnection.frame("?".getBytes()), StandardCharsets.ISO_8859_1))
        .isEqualTo("$?#3f");
    assertThat(new String(RspConnection.frame("m0,4".getBytes()), StandardCharsets.ISO_8859_1))
        .isEqualTo("$m0,4#fd");
  }

  @Test
  void escapesTheFourSpecialBytesInBinaryData() {
    byte[] data = {'a', '$', '#', '}', '*', 'z'};
    assertThat(RspConnection.escape(data, 0, data.length))
        .containsExactly(
            'a', '}', '$' ^ 0x20, '}', '#' ^ 0x20, '}', '}' ^ 0x20, '}', '*' ^ 0x20, 'z');
  }

  @Test
  void expandsRunLengthEncodedReplies() {
    // "0* " is '0' and 32 - 29 = 3 more of it.
    assertThat(RspConnection.expandRunLength("0* 1".getBytes())).isEqualTo("00001");
  }

  @Test
  void programsAndReadsBackInChunksTheServerTakesWithBinaryWrites() throws Exception {
    try (FakeGdbServer server = new FakeGdbServer(0x200, true, true);
        GdbTarget target = new GdbTarget(settings(server))) {
      byte[] content = randomImage(10_000, 1);
      GdbRemoteProgrammer programmer = new GdbRemoteProgrammer(target);
      Image image = new Image("app", "1.0.0", ImageType.FIRMWARE, null, null, content, null);
      programmer.write(image);

      assertThat(programmer.readBackSha256("app")).isEqualTo(image.sha256());
      assertThat(programmer.version("app")).isEqualTo("1.0.0");
      assertThat(java.util.Arrays.copyOf(server.memory, content.length)).isEqualTo(content);
      assertThat(server.largestPacket.get()).isLessThanOrEqualTo(0x200);
    }
  }

  @Test
  void fallsBackToHexWritesWhenTheServerHasNoBinaryWrites() throws Exception {
    try (FakeGdbServer server = new FakeGdbServer(0x400, false, false);
        GdbTarget target = new GdbTarget(settings(server))) {
      byte[] content = randomImage(5_000, 2);
      GdbRemoteProgrammer programmer = new GdbRemoteProgrammer(target);
      Image image = new Image("app", "", ImageType.FIRMWARE, null, null, content, null);
      programmer.write(image);

      assertThat(java.util.Arrays.copyOf(server.memory, content.length)).isEqualTo(content);
      assertThat(programmer.readBackSha256("app")).isEqualTo(image.sha256());
      assertThat(server.largestPacket.get()).isLessThanOrEqualTo(0x400);
    }
  }

  @Test
  void programsFlashThroughTheServersMemoryMapWithEraseAndFlashWrites() throws Exception {
    try (FakeGdbServer server = new FakeGdbServer(0x200, true, false);
        GdbTarget target = new GdbTarget(settings(server))) {
      server.memoryMap =
          "<?xml version=\"1.0\"?>\n"
              + "<!DOCTYPE memory-map PUBLIC \"+//IDN gnu.org//DTD GDB Memory Map V1.0//EN\""
              + " \"http://sourceware.org/gdb/gdb-memory-map.dtd\">\n"
              + "<memory-map>\n"
              + "<memory type=\"flash\" start=\"0x0\" length=\"0x8000\">"
              + "<property name=\"blocksize\">0x400</property></memory>\n"
              + "<memory type=\"ram\" start=\"0x20000000\" length=\"0x4000\"/>\n"
              + "</memory-map>";
      java.util.Arrays.fill(server.memory, (byte) 0x55);
      byte[] content = randomImage(3_000, 4);
      GdbRemoteProgrammer programmer = new GdbRemoteProgrammer(target);
      Image image = new Image("app", "", ImageType.FIRMWARE, null, null, content, null);
      programmer.write(image);

      assertThat(java.util.Arrays.copyOf(server.memory, content.length)).isEqualTo(content);
      // Whole 1 KiB blocks were erased: the rest of the last block reads as erased flash.
      assertThat(java.util.Arrays.copyOfRange(server.memory, content.length, 0xC00))
          .containsOnly((byte) 0xFF);
      assertThat(server.memory[0xC00]).isEqualTo((byte) 0x55);
      assertThat(server.flashErases.get()).isEqualTo(1);
      assertThat(programmer.readBackSha256("app")).isEqualTo(image.sha256());
      assertThat(server.largestPacket.get()).isLessThanOrEqualTo(0x200);
    }
  }

  @Test
  void readBackShowsAByteChangedOnTheTargetAfterWriting() throws Exception {
    try (FakeGdbServer server = new FakeGdbServer(0x400, true, false);
        GdbTarget target = new GdbTarget(settings(server))) {
      byte[] content = randomImage(3_000, 3);
      GdbRemoteProgrammer programmer = new GdbRemoteProgrammer(target);
      Image image = new Image("app", "", ImageType.FIRMWARE, null, null, content, null);
      programmer.write(image);
      server.memory[1234] ^= 0x01;

      assertThat(programmer.readBackSha256("app")).isNotEqualTo(image.sha256());
    }
  }

  @Test
  void asksForARetransmissionOfACorruptedReply() throws Exception {
    try (FakeGdbServer server = new FakeGdbServer(0x400, true, false);
        GdbTarget target = new GdbTarget(settings(server))) {
      server.memory[16] = 0x5a;
      target.readMemory(0, 4); // connected
      server.corruptNextReply = true;

      assertThat(target.readMemory(16, 1)).containsExactly(0x5a);
    }
  }

  @Test
  void takesAStopReplyTheServerSendsOnItsOwnWhenADebuggerAttaches() throws Exception {
    try (FakeGdbServer server = new FakeGdbServer(0x400, false, false)) {
      server.announceStopOnConnect = true;
      server.memory[0] = 7;
      try (GdbClient client = GdbClient.connect(server.endpoint(), TIMEOUT)) {
        assertThat(client.packetSize()).isEqualTo(0x400);
        assertThat(client.readMemory(0, 1)).containsExactly(7);
      }
    }
  }

  @Test
  void runsMonitorCommandsAndCollectsTheirOutput() throws Exception {
    try (FakeGdbServer server = new FakeGdbServer(0x400, true, true);
        GdbClient client = GdbClient.connect(server.endpoint(), TIMEOUT)) {
      assertThat(client.monitor("reset halt")).isEqualTo("did reset halt\n");
      assertThat(server.lastMonitorCommand).isEqualTo("reset halt");
      assertThatThrownBy(() -> client.monitor("fail"))
          .isInstanceOf(GdbRemoteException.class)
          .hasMessageContaining(server.endpoint().toString())
          .hasMessageContaining("monitor fail");
    }
  }

  @Test
  void bootsWithTheResetCommandOrFromTheVectorTable() throws Exception {
    try (FakeGdbServer server = new FakeGdbServer(0x400, true, false)) {
      try (GdbTarget target = new GdbTarget(settings(server, "system_reset"))) {
        target.boot();
        assertThat(server.lastMonitorCommand).isEqualTo("system_reset");
      }
      // Initial SP 0x20004000, reset handler 0x21d (Thumb bit set).
      byte[] vectors = {0x00, 0x40, 0x00, 0x20, 0x1d, 0x02, 0x00, 0x00};
      System.arraycopy(vectors, 0, server.memory, 0, vectors.length);
      try (GdbTarget target = new GdbTarget(settings(server, ""))) {
        target.boot();
      }
      assertThat(server.registers[13]).isEqualTo(0x20004000L);
      assertThat(server.registers[15]).isEqualTo(0x21cL);
    }
  }

  @Test
  void writesAndReadsTheIdentityBlock() throws Exception {
    try (FakeGdbServer server = new FakeGdbServer(0x400, true, false);
        GdbTarget target = new GdbTarget(settings(server))) {
      GdbIdentityWriter writer = new GdbIdentityWriter(target);
      assertThat(writer.readIdentity()).isEmpty();
      Map<String, String> identity = new LinkedHashMap<>();
      identity.put("serial", "NRF00000042");
      identity.put("model", "tracker-1");
      writer.writeIdentity(identity);

      assertThat(writer.readIdentity()).containsExactlyEntriesOf(identity);
      assertThat(new String(server.memory, 0x8000 + 12, 34, StandardCharsets.US_ASCII))
          .isEqualTo("serial=NRF00000042 model=tracker-1");
    }
  }

  @Test
  void refusesAnImageForARegionTheTargetDoesNotHaveOrThatDoesNotFit() throws Exception {
    try (FakeGdbServer server = new FakeGdbServer(0x400, true, false);
        GdbTarget target = new GdbTarget(settings(server))) {
      GdbRemoteProgrammer programmer = new GdbRemoteProgrammer(target);
      assertThatThrownBy(
              () ->
                  programmer.write(
                      new Image(
                          "bootloader", "", ImageType.FIRMWARE, null, null, new byte[4], null)))
          .hasMessageContaining("no flash region 'bootloader'")
          .hasMessageContaining("app (0x0");
      assertThatThrownBy(
              () ->
                  programmer.write(
                      new Image("app", "", ImageType.FIRMWARE, null, null, new byte[0x8001], null)))
          .hasMessageContaining("does not fit");
    }
  }

  @Test
  void namesTheServerWhenItDoesNotAnswer() throws Exception {
    try (FakeGdbServer server = new FakeGdbServer(0x400, true, false)) {
      server.silent = true;
      GdbTargetSettings quick =
          new GdbTargetSettings(server.endpoint(), Duration.ofMillis(300), List.of(), null, "", 0);
      try (GdbTarget target = new GdbTarget(quick)) {
        assertThatThrownBy(() -> target.readMemory(0, 4))
            .isInstanceOf(GdbRemoteException.class)
            .hasMessageContaining("no answer from the GDB server at " + server.endpoint());
      }
    }
  }

  @Test
  void namesTheServerItCannotReach() throws IOException {
    int unused;
    try (ServerSocket socket = new ServerSocket(0)) {
      unused = socket.getLocalPort();
    }
    Endpoint nobody = new Endpoint("127.0.0.1", unused);
    assertThatThrownBy(() -> GdbClient.connect(nobody, TIMEOUT))
        .isInstanceOf(GdbRemoteException.class)
        .hasMessageContaining("cannot connect to the GDB server at 127.0.0.1:" + unused);
  }

  private static GdbTargetSettings settings(FakeGdbServer server) {
    return settings(server, "");
  }

  private static GdbTargetSettings settings(FakeGdbServer server, String reset) {
    return new GdbTargetSettings(
        server.endpoint(),
        TIMEOUT,
        List.of(new MemoryRegion("app", 0x0, 0x8000)),
        new MemoryRegion("identity", 0x8000, 0x400),
        reset,
        0x0);
  }

  private static byte[] randomImage(int size, long seed) {
    byte[] content = new byte[size];
    new Random(seed).nextBytes(content);
    // Make sure the bytes that must be escaped and long runs both appear.
    for (int i = 0; i < 64; i++) {
      content[100 + i] = 0;
      content[200 + i] = (byte) "$#}*".charAt(i % 4);
    }
    return content;
  }
}
