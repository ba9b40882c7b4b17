package io.shipready.output.particle;

import io.shipready.output.config.StationConfig;
import io.shipready.output.spi.FactoryFileKind;
import io.shipready.output.spi.FactoryRows;
import java.time.Clock;
import java.util.List;

/**
 * {@code provisioning_queue}: the station's {@link ProvisioningQueue}, the units the back office's
 * provisioning client is to bring up in the cloud. The back office does not ingest it; the
 * provisioning client reads it.
 */
public final class ProvisioningQueueKind implements FactoryFileKind {
  @Override
  public List<String> names() {
    return List.of("provisioning_queue");
  }

  @Override
  public FactoryRows open(StationConfig station, Clock clock) {
    return new ProvisioningQueue(station, clock);
  }
}
