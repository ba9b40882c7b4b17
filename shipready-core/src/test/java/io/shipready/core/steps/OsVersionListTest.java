package io.shipready.core.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.ShipreadyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vendor's OS list (mt3620an.json, as download_os_list.py writes it) is read as published. */
class OsVersionListTest {
  @TempDir Path dir;

  @Test
  void theLineProfilesListIsTheVendorsFormat() {
    Map<String, List<String>> versions =
        OsVersionList.read(Path.of("..", "lines", "azure-sphere", "os-versions.json"));

    assertThat(versions).containsOnlyKeys("24.07", "24.10");
    assertThat(versions.get("24.10"))
        .containsExactly(
            "b8ed304d-d305-4599-97af-3ad7c76bd6a7",
            "3d5dc860-c0c8-4a5e-9c98-768708e4b3de",
            "540a08c0-d328-4c30-b3e9-60d1373bfe8d");
  }

  @Test
  void imageIdsAreComparedWithoutCase() throws Exception {
    Path file =
        write(
            "{\"versions\": [{\"name\": \"25.01\", \"images\":"
                + " [{\"cid\": \"C1\", \"iid\": \"AB-CD\"}]}]}");

    assertThat(OsVersionList.read(file)).isEqualTo(Map.of("25.01", List.of("ab-cd")));
  }

  @Test
  void theShortFormIsStillRead() throws Exception {
    assertThat(OsVersionList.read(write("{\"24.10\": [\"a\", \"b\"]}")))
        .isEqualTo(Map.of("24.10", List.of("a", "b")));
  }

  @Test
  void anImageWithoutAnImageIdIsRefusedNamingWhereAndTheFormat() throws Exception {
    Path file = write("{\"versions\": [{\"name\": \"24.10\", \"images\": [{\"cid\": \"c\"}]}]}");

    assertThatThrownBy(() -> OsVersionList.read(file))
        .isInstanceOf(ShipreadyException.class)
        .hasMessageContaining("versions[0].images[0] (it needs \"iid\", the image id)")
        .hasMessageContaining("download_os_list.py");
  }

  @Test
  void aVersionListedTwiceIsRefused() throws Exception {
    Path file =
        write(
            "{\"versions\": [{\"name\": \"24.10\", \"images\": []},"
                + " {\"name\": \"24.10\", \"images\": []}]}");

    assertThatThrownBy(() -> OsVersionList.read(file))
        .hasMessageContaining("version 24.10 is listed twice");
  }

  private Path write(String json) throws Exception {
    Path file = dir.resolve("mt3620an.json");
    Files.writeString(file, json);
    return file;
  }
}
