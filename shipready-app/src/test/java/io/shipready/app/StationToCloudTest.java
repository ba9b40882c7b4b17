package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.shipready.backoffice.provisioning.AppliedOperation;
import io.shipready.backoffice.provisioning.ProvisioningFeature;
import io.shipready.backoffice.provisioning.ProvisioningSettings;
import io.shipready.backoffice.provisioning.auth.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From the line to the cloud: the Particle programming station queues the units that passed, and
 * the provisioning client takes that very file to the back office's API, which imports, activates,
 * groups, names and claims each of them once.
 */
class StationToCloudTest {
  private static final Path LINE = Path.of("..", "lines", "particle-cellular");

  @Test
  void theUnitsAStationQueuedAreProvisionedOnceEach(@TempDir Path dir) throws Exception {
    Path config = ParticleLineTest.filledConfig(dir);
    CommandLineRun station =
        CommandLineRun.of(
            "run",
            "--recipe",
            LINE.resolve("programming.yaml").toString(),
            "--simulate",
            "6",
            "--seed",
            "11",
            "--time-scale",
            "0.005",
            "--config",
            config.toString(),
            "--db",
            dir.resolve("line.db").toString(),
            "--json");
    assertThat(station.exitCode()).as(station.err()).isZero();
    Path queue;
    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
      queue =
          files
              .filter(p -> p.getFileName().toString().startsWith("provisioning-queue_"))
              .findFirst()
              .orElseThrow();
    }
    List<String> rows = Files.readAllLines(queue);
    int units = rows.size() - 1;
    assertThat(units).isPositive();
    String product = rows.get(1).split(",")[3];
    String group = rows.get(1).split(",")[4];

    ProvisioningFeature feature =
        ProvisioningFeature.open(
            ProvisioningSettings.builder(dir.resolve("backoffice.db").toString()).build());
    Javalin app = Javalin.create(c -> c.showJavalinBanner = false);
    try {
      feature.addTo(app);
      app.start("127.0.0.1", 0);
      Path token = dir.resolve("token");
      Files.writeString(
          token, feature.tokens().create(product, EnumSet.allOf(Scope.class)).secret());

      CommandLineRun provision =
          CommandLineRun.of(
              "provision",
              "--api",
              "http://127.0.0.1:" + app.port(),
              "--product",
              product,
              "--group",
              group,
              "--claim",
              "--activate-sims",
              "--name-from",
              "serial",
              "--token-file",
              token.toString(),
              "--no-progress",
              queue.toString());
      assertThat(provision.exitCode()).as(provision.out() + provision.err()).isZero();

      Map<String, Integer> perKind = new HashMap<>();
      for (AppliedOperation op : feature.appliedOperations()) {
        perKind.merge(op.kind(), 1, Integer::sum);
      }
      assertThat(perKind)
          .containsEntry("import", units)
          .containsEntry("rename", units)
          .containsEntry("claim", units)
          .containsEntry("group_add", units)
          .containsEntry("group_create", 1);
    } finally {
      app.stop();
      feature.close();
    }
  }
}
