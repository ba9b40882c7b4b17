package io.shipready.device.tools.particle;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.DeviceException;
import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.device.Image;
import io.shipready.core.model.Identifier;
import io.shipready.core.spi.CloudConnection;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Programmer;
import io.shipready.core.spi.Settings;
import io.shipready.device.tools.ToolDevice;
import io.shipready.device.tools.WorkFolder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A Particle device on a USB serial port, driven by the Particle CLI: its identity from {@code
 * particle identify}, its versions from {@code particle identify} and {@code particle serial
 * inspect}, a programmer that flashes modules with {@code particle flash --local}, its setup-done
 * flag ({@code particle usb setup-done}) and restarts ({@code particle usb reset}).
 *
 * <p>{@code particle identify} answers only in listening mode. Once the setup-done flag is set the
 * device runs its application instead, so reading its versions then puts it into listening mode for
 * the identify and takes it out again.
 *
 * <p>The CLI has no command that reads the setup-done flag back. Setting it takes the device out of
 * listening mode, so the read-back is its mode in {@code particle usb list}: a device still
 * listening did not take the flag. The proof that it holds is the next restart, after which a
 * device without it is in listening mode again and its console answers nothing but that.
 *
 * <p>The CLI cannot read flash back. The device checks each module's integrity (the CRC in the
 * module's header) before running it, and the CLI reports success only after the transfer; the
 * read-back hash this programmer reports is the hash of the image the CLI reported flashed. For a
 * true read-back compare, program over SWD with a J-Link or OpenOCD slot, as the vendor recommends
 * for volume production. What the CLI prints is checked all the same: the device it names, the
 * file's progress and its "Flash success!" ({@link ParticleFlashReport}).
 *
 * <p>The NCP (region {@value #NCP}, the Tracker's ESP32) is updated as the vendor requires, over
 * USB in listening mode: the device is put into listening mode ({@code particle usb
 * start-listening}) unless it is in it already, then {@code particle flash --serial <file> --port
 * <port>}; the device resets afterwards, into its application once its setup-done flag is set.
 *
 * <p>The cloud connection is polled with {@code particle usb cloud-status <device id>}, one query a
 * look, so the wait can report how long it has been going.
 */
public final class ParticleCliDevice
    implements Identity, Programmer, Settings, Power, CloudConnection {
  public static final String FAMILY = "particle";

  /** The one setting the CLI sets: the Gen 3 setup-done flag ("1" set, "0" cleared). */
  public static final String SETUP_DONE = "setup_done";

  /** The region name of the network co-processor's firmware, flashed over USB serial. */
  public static final String NCP = "ncp";

  /**
   * The module versions {@code particle serial inspect} reports, under the names versions are
   * recorded by; the NCP's is turned into its release name (module version 7 is NCP 0.0.7).
   */
  private static final List<Map.Entry<String, String>> MODULE_NAMES =
      List.of(
          Map.entry(ParticleModules.BOOTLOADER, "bootloader_module"),
          Map.entry(ParticleModules.RADIO_STACK, "softdevice_module"),
          Map.entry(ParticleModules.SYSTEM, "system_module"),
          Map.entry(ParticleModules.USER, "user_module"));

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
        .with(Settings.class, device)
        .with(Power.class, device)
        .with(CloudConnection.class, device)
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

  /**
   * Device OS ({@code system}) as {@code particle identify} prints it, the NCP release ({@code
   * ncp}) and each module's version number ({@code bootloader_module}, {@code softdevice_module},
   * {@code system_module}, {@code user_module}) from {@code particle serial inspect}.
   *
   * @throws DeviceException when inspect reports a module failing its integrity, range, platform or
   *     dependency check: the device would not run it
   */
  @Override
  public Map<String, String> versions() throws InterruptedException {
    ParticleIdentity id = identifyInListeningMode();
    ParticleModules modules = cli.inspect(port);
    if (!modules.failedChecks().isEmpty()) {
      throw new DeviceException(
          "particle serial inspect --port "
              + port
              + " reports failed module checks "
              + modules.failedChecks()
              + ": flash those modules again",
          true);
    }
    Map<String, String> versions = new LinkedHashMap<>();
    if (!id.systemFirmware().isEmpty()) {
      versions.put("system", id.systemFirmware());
    }
    Integer ncp = modules.modules().get(ParticleModules.NCP);
    if (ncp != null) {
      versions.put("ncp", "0.0." + ncp);
    }
    for (Map.Entry<String, String> module : MODULE_NAMES) {
      Integer number = modules.modules().get(module.getKey());
      if (number != null) {
        versions.put(module.getValue(), Integer.toString(number));
      }
    }
    return versions;
  }

  @Override
  public void set(String name, String value) throws InterruptedException {
    boolean done = flag(name, value);
    cli.setupDone(deviceId(), done);
  }

  @Override
  public Optional<String> get(String name) throws InterruptedException {
    flag(name, "1");
    String id = deviceId();
    ParticleUsbDevices.Entry entry =
        cli.usbList()
            .find(id)
            .orElseThrow(
                () ->
                    new DeviceUnreachableException(
                        "particle usb list does not list device "
                            + id
                            + " (port "
                            + port
                            + "); is it still on USB?"));
    return Optional.of(entry.listening() ? "0" : "1");
  }

  /** Restarts the device with {@code particle usb reset}. */
  @Override
  public void reboot() throws InterruptedException {
    cli.reset(deviceId());
  }

  @Override
  public void write(Image image) throws InterruptedException {
    requireNonNull(image, "image");
    // Flashing names the device by id: the port alone could reach another unit after a replug.
    String deviceId = deviceId();
    flashed.remove(image.name());
    try (WorkFolder folder = WorkFolder.create(ParticleCli.TOOL)) {
      if (NCP.equals(image.name())) {
        listen(deviceId);
        cli.flashSerial(deviceId, port, folder.write(image, ".bin"));
      } else {
        cli.flash(deviceId, folder.write(image, ".bin"));
      }
    }
    flashed.put(image.name(), new String[] {image.sha256(), image.version()});
  }

  /**
   * Asks {@code particle usb cloud-status} every {@code poll} until the device says connected or
   * the budget is spent; wall-clock time.
   */
  @Override
  public Wait awaitConnected(Duration budget, Duration poll, Consumer<Wait> progress)
      throws InterruptedException {
    String id = deviceId();
    long start = System.nanoTime();
    while (true) {
      String status = cli.cloudStatus(id);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      if (ParticleCloudStatus.CONNECTED.equals(status)) {
        return new Wait(true, status, elapsed);
      }
      Wait now = new Wait(false, status, elapsed);
      Duration left = budget.minus(elapsed);
      if (left.isNegative() || left.isZero()) {
        return now;
      }
      progress.accept(now);
      Duration nap = left.compareTo(poll) < 0 ? left : poll;
      Thread.sleep(nap.toMillis());
    }
  }

  /** Into listening mode (blinking dark blue), unless {@code particle usb list} shows it there. */
  private void listen(String deviceId) throws InterruptedException {
    boolean listening =
        cli.usbList().find(deviceId).map(ParticleUsbDevices.Entry::listening).orElse(false);
    if (!listening) {
      cli.startListening(deviceId);
    }
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

  /** Identify, putting a device that runs its application into listening mode for it. */
  private ParticleIdentity identifyInListeningMode() throws InterruptedException {
    String id = deviceId();
    boolean listening =
        cli.usbList().find(id).map(ParticleUsbDevices.Entry::listening).orElse(true);
    if (listening) {
      return identify();
    }
    cli.startListening(id);
    try {
      return identify();
    } finally {
      cli.stopListening(id);
    }
  }

  private static boolean flag(String name, String value) {
    if (!SETUP_DONE.equals(name)) {
      throw new DeviceException(
          "the Particle CLI sets one setting, "
              + SETUP_DONE
              + ", not '"
              + name
              + "'; set others from the manufacturing test firmware",
          false);
    }
    return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
      case "1", "true" -> true;
      case "0", "false" -> false;
      default ->
          throw new DeviceException(
              SETUP_DONE + " is 1 (set) or 0 (cleared), not '" + value + "'", false);
    };
  }

  private String deviceId() throws InterruptedException {
    return identity == null ? identify().deviceId() : identity.deviceId();
  }

  private ParticleIdentity identify() throws InterruptedException {
    ParticleIdentity id = cli.identify(port);
    identity = id;
    return id;
  }
}
