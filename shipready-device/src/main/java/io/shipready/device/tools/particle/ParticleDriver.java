package io.shipready.device.tools.particle;

import io.shipready.core.spi.CloudConnection;
import io.shipready.core.spi.DeviceDriver;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Programmer;
import io.shipready.core.spi.Settings;
import io.shipready.core.spi.SlotSettings;
import io.shipready.device.tools.ToolDevices;
import io.shipready.device.tools.ToolSlot;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The {@code particle} driver: a Particle device on a USB serial port ({@code port}), driven by the
 * Particle CLI [Identity, Programmer (the NCP over USB serial in listening mode), Settings
 * (setup_done), Power, CloudConnection]. Keys: {@code port} (required), {@code timeout_s} (240;
 * {@code identify} gets at most 30 s of it).
 */
public final class ParticleDriver implements DeviceDriver {
  private static final Duration IDENTIFY = Duration.ofSeconds(30);

  @Override
  public String name() {
    return ParticleCli.TOOL;
  }

  @Override
  public List<String> families() {
    return List.of(ParticleCliDevice.FAMILY);
  }

  @Override
  public String description() {
    return "a Particle device on a USB serial port through the Particle CLI";
  }

  @Override
  public ToolSlot bind(SlotSettings settings) {
    String port = settings.string("port");
    Duration timeout = ToolDevices.timeout(settings, Duration.ofMinutes(4));
    ParticleCli cli =
        new ParticleCli(
            ToolDevices.runner(settings),
            IDENTIFY.compareTo(timeout) <= 0 ? IDENTIFY : timeout,
            timeout);
    String slot = settings.slot();
    return new ToolSlot(
        Set.of(
            Identity.class, Programmer.class, Settings.class, Power.class, CloudConnection.class),
        () -> ParticleCliDevice.create(cli, slot, port));
  }
}
