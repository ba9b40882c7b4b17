package io.shipready.device.tools.particle;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.Identity;
import io.shipready.core.device.Image;
import io.shipready.core.device.Programmer;
import io.shipready.core.model.Identifier;
import io.shipready.device.tools.ToolDevice;
import io.shipready.device.tools.WorkFolder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Particle device on a USB serial port, driven by the Particle CLI: its identity from {@code
 * particle identify} and a programmer that flashes modules with {@code particle flash --local}.
 *
 * <p>The CLI cannot read flash back. The device checks each module's integrity (the CRC in the
 * module's header) before running it, and the CLI reports success only after the transfer; the
 * read-back hash this programmer reports is the hash of the image the CLI reported flashed. For a
 * true read-back compare, program over SWD with a J-Link or OpenOCD slot, as the vendor recommends
 * for volume production.
 */
public final class ParticleCliDevice implements Identity, Programmer {
  public static final String FAMILY = "particle";

  private final ParticleCli cli;
  private final String port;
  private final Map<String, String[]> flashed = new ConcurrentHashMap<>();
  private volatile ParticleIdentity identity;

  private ParticleCliDevice(ParticleCli cli, String port) {
    this.cli = cli;
    this.port = port;
  }

  /** The device in the slot, with Identity and Programmer. */
  public static ToolDevice create(ParticleCli cli, String slot, String port) {
    ParticleCliDevice device =
        new ParticleCliDevice(requireNonNull(cli, "cli"), requireNonNull(port, "port"));
    return ToolDevice.builder(requireNonNull(slot, "slot"), FAMILY)
        .with(Identity.class, device)
        .with(Programmer.class, device)
        .build();
  }

  @Override
  public List<Identifier> identifiers() throws InterruptedException {
    ParticleIdentity id = identify();
    List<Identifier> identifiers = new ArrayList<>();
    identifiers.add(new Identifier(Identifier.DEVICE_ID, id.deviceId()));
    if (!id.imei().isEmpty()) {
      identifiers.add(new Identifier(Identifier.IMEI, id.imei()));
    }
    if (!id.iccid().isEmpty()) {
      identifiers.add(new Identifier(Identifier.ICCID, id.iccid()));
    }
    return identifiers;
  }

  @Override
  public Map<String, String> versions() throws InterruptedException {
    ParticleIdentity id = identify();
    Map<String, String> versions = new LinkedHashMap<>();
    if (!id.systemFirmware().isEmpty()) {
      versions.put("system", id.systemFirmware());
    }
    return versions;
  }

  @Override
  public void write(Image image) throws InterruptedException {
    requireNonNull(image, "image");
    // Flashing names the device by id: the port alone could reach another unit after a replug.
    String deviceId = identity == null ? identify().deviceId() : identity.deviceId();
    flashed.remove(image.name());
    try (WorkFolder folder = WorkFolder.create(ParticleCli.TOOL)) {
      cli.flash(deviceId, folder.write(image, ".bin"));
    }
    flashed.put(image.name(), new String[] {image.sha256(), image.version()});
  }

  @Override
  public String readBackSha256(String region) {
    String[] entry = flashed.get(region);
    return entry == null ? "" : entry[0];
  }

  @Override
  public String version(String region) {
    String[] entry = flashed.get(region);
    return entry == null ? "" : entry[1];
  }

  private ParticleIdentity identify() throws InterruptedException {
    ParticleIdentity id = cli.identify(port);
    identity = id;
    return id;
  }
}
