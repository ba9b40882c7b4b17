package io.shipready.app.assembly;

import io.shipready.core.ShipreadyException;
import io.shipready.output.cfx.CfxPublisher;
import io.shipready.output.config.StationConfig;
import io.shipready.store.Store;
import java.util.Deque;

/** A station's IPC-CFX publishing, when its configuration has a cfx section. */
final class CfxPublishing {
  private CfxPublishing() {}

  /**
   * Starts publishing the station's CFX outbox and adds the publisher to what the station closes.
   *
   * @return the station's CFX handle, for the records writer; null when it publishes nothing
   * @throws ShipreadyException when there is no store to keep the messages in
   */
  static String start(StationConfig config, Store store, Deque<AutoCloseable> opened) {
    if (config == null || config.cfx() == null) {
      return null;
    }
    if (store == null) {
      throw new ShipreadyException(
          "The station configuration's cfx section needs the station's records: CFX messages are"
              + " kept in the store until a broker has taken them. Give the station a store"
              + " (--db), or remove the cfx section.");
    }
    String handle = config.cfx().handle();
    opened.push(CfxPublisher.start(store.cfxOutbox(handle), config.cfx(), System::getenv));
    return handle;
  }
}
