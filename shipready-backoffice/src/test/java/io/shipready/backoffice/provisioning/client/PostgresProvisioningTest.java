package io.shipready.backoffice.provisioning.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.shipready.backoffice.provisioning.ApiServer;
import io.shipready.backoffice.provisioning.AppliedOperation;
import io.shipready.backoffice.provisioning.ratelimit.RateLimit;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API on a shared PostgreSQL database: the same operations, applied once. Runs when a server is
 * given with -Dshipready.test.postgres.url or SHIPREADY_TEST_POSTGRES_URL; reports itself skipped
 * otherwise.
 */
class PostgresProvisioningTest {
  @TempDir Path dir;

  @Test
  void provisionsOnPostgresqlAndAppliesEachOperationOnce() throws Exception {
    String base =
        System.getProperty(
            "shipready.test.postgres.url", System.getenv("SHIPREADY_TEST_POSTGRES_URL"));
    assumeTrue(
        base != null && !base.isBlank(),
        "PostgreSQL test skipped: no server given. Run it with"
            + " -Dshipready.test.postgres.url=jdbc:postgresql://127.0.0.1:5432/test?user=postgres"
            + " (or set SHIPREADY_TEST_POSTGRES_URL).");
    String schema =
        "provisioning_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    try (ApiServer server = ApiServer.start(url, RateLimit.parse("10000/5m"))) {
      String token = server.token("widget-v1").secret();
      List<UnitRow> units = UnitCsv.read(ProvisionerTest.csv(dir, 30), true, true);
      for (int run = 0; run < 2; run++) {
        try (Journal journal = Journal.open(dir.resolve("j"))) {
          ProvisionReport report =
              new Provisioner(ProvisionerTest.plan(server, "pg-group", 8), token, journal)
                  .run(units, u -> {});
          assertThat(report.clean()).as(report.table()).isTrue();
        }
      }
      List<AppliedOperation> applied = server.feature().appliedOperations();
      assertThat(applied).hasSize(30 * 5 + 1);
      assertThat(applied).allSatisfy(op -> assertThat(op.repeats()).isZero());
    } finally {
      try (Connection c = DriverManager.getConnection(base);
          Statement statement = c.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }
}
