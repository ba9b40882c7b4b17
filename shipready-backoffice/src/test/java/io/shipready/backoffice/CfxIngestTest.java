package io.shipready.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.backoffice.ingest.SampleFactoryFiles;
import io.shipready.core.spi.MessageOutbox.OutgoingMessage;
import io.shipready.output.cfx.CfxSettings;
import io.shipready.store.ServiceDatabase;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.sftp.client.SftpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The back office as a CFX endpoint: each units file it takes in is one CFX transaction, its
 * WorkStarted (the file's units) and WorkCompleted written in the ingest's own transaction. The
 * broker here is a port nobody listens on, so the messages wait in the outbox, as they would
 * through an outage.
 */
class CfxIngestTest {
  private static final String PROGRAMMING = "01_LINE-PC-3_acme-plug_20250115+0800.afero";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path folder;

  @Test
  void aFileTakenInIsWorkStartedAndCompletedForItsUnits() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CfxSettings cfx =
        new CfxSettings(
            "acme.backoffice", null, null, URI.create("tcp://127.0.0.1:" + closedPort), null);
    Path file = Files.createTempFile(folder, "sample", ".afero");
    SampleFactoryFiles.programming(file, 1, 3);
    try (TestBackoffice backoffice =
        TestBackoffice.start(folder, Duration.ofMillis(50), cfx, "acme")) {
      try (SftpClient sftp = backoffice.sftp("acme", TestBackoffice.PASSWORD)) {
        TestBackoffice.upload(sftp, PROGRAMMING, Files.readAllBytes(file));
      }
      assertThat(backoffice.awaitFile("acme", PROGRAMMING).path("state").asText())
          .isEqualTo("completed");
    }

    List<OutgoingMessage> pending;
    try (ServiceDatabase db =
        ServiceDatabase.open(
            folder.resolve("backoffice.db").toString(),
            BackofficeServer.MIGRATIONS,
            BackofficeServer.HISTORY_TABLE)) {
      pending = db.cfxOutbox("acme.backoffice").pending(100);
    }
    assertThat(pending)
        .extracting(OutgoingMessage::name)
        .containsExactly(
            "CFX.EndpointConnected",
            "CFX.Production.WorkStarted",
            "CFX.Production.WorkCompleted",
            "CFX.EndpointShutdown");
    JsonNode started = JSON.readTree(pending.get(1).body());
    assertThat(started.get("Source").asText()).isEqualTo("acme.backoffice");
    JsonNode body = started.get("MessageBody");
    assertThat(body.get("UnitCount").asInt()).isEqualTo(3);
    List<String> units = new ArrayList<>();
    body.get("Units").forEach(unit -> units.add(unit.get("UnitIdentifier").asText()));
    assertThat(units)
        .containsExactly(
            SampleFactoryFiles.deviceId(1),
            SampleFactoryFiles.deviceId(2),
            SampleFactoryFiles.deviceId(3));
    JsonNode completed = JSON.readTree(pending.get(2).body()).get("MessageBody");
    assertThat(completed.get("TransactionID").asText())
        .isEqualTo(body.get("TransactionID").asText());
    assertThat(completed.get("Result").asText()).isEqualTo("Completed");
  }
}
