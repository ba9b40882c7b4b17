package io.shipready.backoffice;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.shipready.backoffice.accounts.AccountBook;
import io.shipready.backoffice.guard.HttpGuard;
import io.shipready.backoffice.ingest.IngestPoller;
import io.shipready.backoffice.ingest.Ingester;
import io.shipready.backoffice.sftp.SftpDrop;
import io.shipready.output.cfx.CfxPublisher;
import io.shipready.store.CfxOutbox;
import io.shipready.store.ServiceDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back office as one process: the SFTP drop factories upload to, the ingester that takes their
 * files in, and one Javalin app to which every {@link HttpFeature} adds its routes; the server's
 * metrics for Prometheus are at {@code /metrics} ({@link BackofficeMetrics}).
 *
 * <pre>{@code
 * try (BackofficeServer server = BackofficeServer.start(settings, ctx -> List.of(
 *     new IngestHttpFeature(ctx.receipts(), token)))) {
 *   ...
 * }
 * }</pre>
 */
public final class BackofficeServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BackofficeServer.class);
  public static final String MIGRATIONS = "io/shipready/backoffice/migration/ingest";
  public static final String HISTORY_TABLE = "backoffice_ingest_schema_history";

  /** What the server opened, for the features to use. */
  public record Parts(
      BackofficeSettings settings,
      DataFolder data,
      ServiceDatabase ingestDatabase,
      AccountBook accounts,
      Ingester ingester) {}

  private final List<AutoCloseable> opened;
  private final Javalin http;
  private final SftpDrop sftp;
  private final List<HttpFeature> features;
  private final Parts parts;

  private BackofficeServer(
      List<AutoCloseable> opened,
      Javalin http,
      SftpDrop sftp,
      List<HttpFeature> features,
      Parts parts) {
    this.opened = opened;
    this.http = http;
    this.sftp = sftp;
    this.features = features;
    this.parts = parts;
  }

  /**
   * Opens the database, starts the SFTP drop, the ingester and the HTTP API.
   *
   * @param features builds the HTTP features from what the server opened
   */
  public static BackofficeServer start(
      BackofficeSettings settings, Function<Parts, List<HttpFeature>> features) {
    requireNonNull(settings, "settings");
    requireNonNull(features, "features");
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      DataFolder data = new DataFolder(settings.dataFolder());
      ServiceDatabase db = ServiceDatabase.open(settings.databaseUrl(), MIGRATIONS, HISTORY_TABLE);
      opened.add(db);
      // The back office's CFX messages are written with the rows they describe (see Ingester);
      // the publisher stops after the ingester, before the database closes.
      CfxOutbox cfx = null;
      if (settings.cfx() != null) {
        cfx = db.cfxOutbox(settings.cfx().handle());
        opened.add(CfxPublisher.start(cfx, settings.cfx(), System::getenv));
      }
      AccountBook accounts = AccountBook.open(data.accounts());
      if (accounts.all().isEmpty()) {
        LOG.warn(
            "No factory account in {}: nobody can upload yet. Add one with `shipready backoffice"
                + " account add`.",
            data.accounts());
      }
      SftpDrop sftp =
          SftpDrop.start(data, accounts, settings.host(), settings.sftpPort(), settings.limits());
      opened.add(sftp);
      BackofficeMetrics metrics = new BackofficeMetrics();
      Ingester ingester =
          Ingester.builder(db, data)
              .outcomes(metrics::ingested)
              .worker(settings.worker())
              .settle(settings.settle())
              .busy(sftp::isOpenForWriting)
              .cfx(cfx)
              .build();
      Parts parts = new Parts(settings, data, db, accounts, ingester);
      List<HttpFeature> built = List.copyOf(features.apply(parts));
      HttpGuard guard = HttpGuard.of(settings.limits());
      opened.add(guard);
      Javalin http =
          Javalin.create(
              config -> {
                guard.configure(config);
                config.showJavalinBanner = false;
                config.useVirtualThreads = false;
                config.requestLogger.http((ctx, millis) -> metrics.request(ctx));
              });
      metrics.addTo(http);
      for (HttpFeature feature : built) {
        feature.addTo(http);
        feature.bindTo(metrics.registry());
      }
      http.start(settings.host(), settings.httpPort());
      opened.add(http::stop);
      guard.started(http);
      opened.add(IngestPoller.start(ingester, settings.pollInterval()));
      LOG.info(
          "Back office: HTTP on {}:{}, SFTP on {}:{}, database {}, data {}",
          settings.host(),
          http.port(),
          settings.host(),
          sftp.port(),
          db.describe(),
          data.root());
      return new BackofficeServer(opened, http, sftp, built, parts);
    } catch (RuntimeException e) {
      closeAll(opened, List.of());
      throw e;
    }
  }

  public int httpPort() {
    return http.port();
  }

  public int sftpPort() {
    return sftp.port();
  }

  /** The SFTP drop's host key fingerprints, Ed25519 first, for factories to check when pinning. */
  public List<String> sftpHostKeys() {
    return sftp.hostKeyFingerprints();
  }

  public Parts parts() {
    return parts;
  }

  /** Stops taking work, lets the current file finish, then stops the servers and the database. */
  @Override
  public void close() {
    closeAll(opened, features);
  }

  private static void closeAll(List<AutoCloseable> opened, List<HttpFeature> features) {
    for (int i = opened.size() - 1; i >= 0; i--) {
      AutoCloseable closeable = opened.get(i);
      if (closeable instanceof ServiceDatabase) {
        for (HttpFeature feature : features) {
          try {
            feature.close();
          } catch (RuntimeException e) {
            LOG.warn("A feature did not close cleanly: {}", e.toString());
          }
        }
      }
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.warn("Did not stop cleanly: {}", e.toString());
      }
    }
  }
}
