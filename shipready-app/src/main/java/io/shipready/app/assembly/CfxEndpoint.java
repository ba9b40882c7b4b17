package io.shipready.app.assembly;

import io.shipready.core.ShipreadyException;
import io.shipready.output.cfx.CfxPublisher;
import io.shipready.output.cfx.CfxSettings;
import io.shipready.store.CfxOutbox;
import io.shipready.store.Store;

/**
 * A station (or the back office) as an IPC-CFX endpoint: announces itself in the outbox, publishes
 * the outbox while it runs, and says goodbye when it closes. The messages themselves are written by
 * the store with the records (see {@link Store#openWriter(io.shipready.store.StationInfo,
 * String)}); this only moves them to the brokers.
 */
public final class CfxEndpoint implements AutoCloseable {
  private final CfxOutbox outbox;
  private final CfxPublisher publisher;

  private CfxEndpoint(CfxOutbox outbox, CfxPublisher publisher) {
    this.outbox = outbox;
    this.publisher = publisher;
  }

  /**
   * Starts the endpoint; null when {@code settings} is null (the configuration has no cfx section).
   *
   * @throws ShipreadyException when there is no store to keep the messages in
   */
  public static CfxEndpoint open(CfxSettings settings, Store store) {
    if (settings == null) {
      return null;
    }
    if (store == null) {
      throw new ShipreadyException(
          "The station configuration's cfx section needs the station's records: CFX messages are"
              + " kept in the store until a broker has taken them. Give the station a store"
              + " (--db), or remove the cfx section.");
    }
    CfxOutbox outbox = store.cfxOutbox(settings.handle());
    outbox.endpointConnected();
    return new CfxEndpoint(outbox, CfxPublisher.start(outbox, settings, System::getenv));
  }

  public String handle() {
    return outbox.handle();
  }

  /** Says EndpointShutdown, sends what is left (while the brokers answer), then stops. */
  @Override
  public void close() {
    try {
      outbox.endpointShutdown();
    } finally {
      publisher.close();
    }
  }
}
