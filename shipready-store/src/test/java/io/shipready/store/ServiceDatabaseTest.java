package io.shipready.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's schema and the store's share one database file, opened in either order. */
class ServiceDatabaseTest {
  private static final String ROOT = "io/shipready/store/testservice";

  @Test
  void aServiceSchemaJoinsADatabaseTheStoreAlreadyHolds(@TempDir Path dir) {
    String url = dir.resolve("shared.db").toString();
    try (Store store = Store.open(url)) {
      assertThat(store.checkIntegrity()).isEqualTo("ok");
    }
    try (ServiceDatabase service = ServiceDatabase.open(url, ROOT, "test_service_history")) {
      service.writeJdbi().useHandle(h -> h.execute("INSERT INTO service_things VALUES (1, 'a')"));
      String name =
          service
              .jdbi()
              .withHandle(
                  h -> h.createQuery("SELECT name FROM service_things").mapTo(String.class).one());
      assertThat(name).isEqualTo("a");
    }
  }

  @Test
  void theStoreJoinsADatabaseAServiceAlreadyHolds(@TempDir Path dir) {
    String url = dir.resolve("shared.db").toString();
    try (ServiceDatabase service = ServiceDatabase.open(url, ROOT, "test_service_history")) {
      assertThat(service.postgres()).isFalse();
    }
    try (Store store = Store.open(url)) {
      assertThat(store.checkIntegrity()).isEqualTo("ok");
    }
    try (ServiceDatabase again = ServiceDatabase.open(url, ROOT, "test_service_history")) {
      assertThat(again.describe()).contains("shared.db");
    }
  }
}
