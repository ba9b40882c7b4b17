package io.shipready.device.tools.particle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.device.DeviceException;
import io.shipready.core.device.DeviceUnreachableException;
import io.shipready.core.device.FlashFailedException;
import io.shipready.core.device.Image;
import io.shipready.core.device.ImageType;
import io.shipready.core.model.Identifier;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.Identity;
import io.shipready.core.spi.Power;
import io.shipready.core.spi.Programmer;
import io.shipready.core.spi.Settings;
import io.shipready.device.tools.StandIn;
import io.shipready.device.tools.StandIn.Reply;
import io.shipready.device.tools.ToolOutputException;
import io.shipready.device.tools.ToolTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParticleCliDeviceTest {
  @TempDir Path temp;
  StandIn particle;

  @BeforeEach
  void standIn() {
    particle = StandIn.create(temp, "particle");
  }

  private Device device() {
    return ParticleCliDevice.create(new ParticleCli(particle.runner()), "slot-1", "/dev/ttyACM0");
  }

  @Test
  void identifiesACellularDevice() throws Exception {
    particle
        .on("identify", Reply.stdout("particle/identify-cellular.txt"))
        .on("usb list", Reply.stdout("particle/usb-list-listening.txt"))
        .on("serial inspect", Reply.stdout("particle/serial-inspect-tracker.txt"));
    Identity identity = device().require(Identity.class);

    assertThat(identity.identifiers())
        .containsExactly(
            new Identifier(Identifier.DEVICE_ID, "e00fce68333a0b7e12345678"),
            new Identifier(Identifier.IMEI, "356726103912345"),
            new Identifier(Identifier.ICCID, "89014103271529912345"));
    assertThat(identity.versions()).containsEntry("system", "2.3.0");
    assertThat(particle.calls().get(0)).containsExactly("identify", "--port", "/dev/ttyACM0");
  }

  @Test
  void aDeviceWithoutAModemHasOnlyItsDeviceId() throws Exception {
    particle.on("identify", Reply.stdout("particle/identify-wifi.txt"));

    assertThat(device().require(Identity.class).identifiers())
        .containsExactly(new Identifier(Identifier.DEVICE_ID, "1f00300016473532abcdef01"));
  }

  @Test
  void aDeviceNotInListeningModeIsUnreachable() {
    particle.on("identify", Reply.stderr("particle/identify-not-listening.txt").exit(1));

    assertThatThrownBy(() -> device().require(Identity.class).identifiers())
        .isInstanceOf(DeviceUnreachableException.class)
        .hasMessageContaining("listening mode")
        .hasMessageContaining("particle identify --port /dev/ttyACM0");
  }

  @Test
  void anIdentifyWithoutADeviceIdIsUnexpectedOutput() {
    particle.on("identify", Reply.stdout("particle/flash-no-confirmation.txt"));

    assertThatThrownBy(() -> device().require(Identity.class).identifiers())
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining("particle: unexpected output from 'particle identify --port")
        .hasMessageContaining("expected a line 'Your device id is <24 hex digits>'");
  }

  @Test
  void flashesByDeviceIdAndReportsWhatItFlashed() throws Exception {
    particle
        .on("identify", Reply.stdout("particle/identify-cellular.txt"))
        .on("flash", Reply.stdout("particle/flash-success.txt"));
    Programmer programmer = device().require(Programmer.class);

    programmer.write(user());

    List<String> flash = particle.calls().get(1);
    assertThat(flash.subList(0, 3)).containsExactly("flash", "--local", "e00fce68333a0b7e12345678");
    assertThat(flash.get(3)).endsWith("user-1.2.0.bin");
    assertThat(flash.get(4)).isEqualTo("--application-only");
    assertThat(programmer.readBackSha256("user")).isEqualTo(user().sha256());
    assertThat(programmer.version("user")).isEqualTo("1.2.0");
    assertThat(programmer.readBackSha256("system")).isEmpty();
  }

  @Test
  void aFailedFlashFailsTheUnitAndForgetsTheRegion() throws Exception {
    particle
        .on("identify", Reply.stdout("particle/identify-cellular.txt"))
        .on(
            "flash",
            Reply.stdout("particle/flash-success.txt"),
            Reply.stderr("particle/flash-failed.txt").exit(1));
    Programmer programmer = device().require(Programmer.class);
    programmer.write(user());

    assertThatThrownBy(() -> programmer.write(user()))
        .isInstanceOf(FlashFailedException.class)
        .hasMessageContaining("flashing user-1.2.0.bin failed")
        .hasMessageContaining("Error writing firmware: Request error");
    assertThat(programmer.readBackSha256("user")).isEmpty();
  }

  @Test
  void aFlashWithoutConfirmationIsUnexpectedOutput() {
    particle
        .on("identify", Reply.stdout("particle/identify-cellular.txt"))
        .on("flash", Reply.stdout("particle/flash-no-confirmation.txt"));

    assertThatThrownBy(() -> device().require(Programmer.class).write(user()))
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining("expected 'Flash success!'");
  }

  @Test
  void aHangingIdentifyIsStopped() {
    particle.on("identify", Reply.sleeping(120));
    Device device =
        ParticleCliDevice.create(
            new ParticleCli(particle.runner(), Duration.ofSeconds(1), Duration.ofSeconds(1)),
            "slot-1",
            "/dev/ttyACM0");

    assertThatThrownBy(() -> device.require(Identity.class).identifiers())
        .isInstanceOf(ToolTimeoutException.class);
  }

  @Test
  void versionsComeFromIdentifyAndTheModulesInspectReports() throws Exception {
    particle
        .on("usb list", Reply.stdout("particle/usb-list-listening.txt"))
        .on("identify", Reply.stdout("particle/identify-cellular.txt"))
        .on("serial inspect", Reply.stdout("particle/serial-inspect-tracker.txt"));

    assertThat(device().require(Identity.class).versions())
        .containsExactly(
            Map.entry("system", "2.3.0"),
            Map.entry("ncp", "0.0.7"),
            Map.entry("bootloader_module", "2101"),
            Map.entry("softdevice_module", "202"),
            Map.entry("system_module", "4200"),
            Map.entry("user_module", "18"));
    assertThat(particle.calls()).contains(List.of("serial", "inspect", "--port", "/dev/ttyACM0"));
  }

  @Test
  void aDeviceRunningItsApplicationIsPutIntoListeningModeToIdentifyAndTakenOutAgain()
      throws Exception {
    particle
        .on("usb list", Reply.stdout("particle/usb-list-normal.txt"))
        .on("usb start-listening", Reply.stdout("particle/usb-done.txt"))
        .on("usb stop-listening", Reply.stdout("particle/usb-done.txt"))
        .on("identify", Reply.stdout("particle/identify-cellular.txt"))
        .on("serial inspect", Reply.stdout("particle/serial-inspect-tracker.txt"));
    Identity identity = device().require(Identity.class);
    identity.identifiers();

    assertThat(identity.versions()).containsEntry("system", "2.3.0");
    List<List<String>> calls = particle.calls();
    assertThat(calls.subList(1, 6))
        .containsExactly(
            List.of("usb", "list"),
            List.of("usb", "start-listening", "e00fce68333a0b7e12345678"),
            List.of("identify", "--port", "/dev/ttyACM0"),
            List.of("usb", "stop-listening", "e00fce68333a0b7e12345678"),
            List.of("serial", "inspect", "--port", "/dev/ttyACM0"));
  }

  @Test
  void aModuleFailingItsChecksFailsTheUnit() {
    particle
        .on("usb list", Reply.stdout("particle/usb-list-listening.txt"))
        .on("identify", Reply.stdout("particle/identify-cellular.txt"))
        .on("serial inspect", Reply.stdout("particle/serial-inspect-user-fails.txt"));

    assertThatThrownBy(() -> device().require(Identity.class).versions())
        .isInstanceOf(DeviceException.class)
        .hasMessageContaining("[User part: Dependencies]");
  }

  @Test
  void anUnexpectedUsbListLineIsUnexpectedOutputNamingIt() {
    particle
        .on("identify", Reply.stdout("particle/identify-cellular.txt"))
        .on("usb list", Reply.stdout("particle/usb-list-unexpected.txt"));

    assertThatThrownBy(() -> device().require(Settings.class).get("setup_done"))
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining("'particle usb list'")
        .hasMessageContaining("not 'Error: could not open device'");
  }

  @Test
  void setsTheSetupDoneFlagAndReadsItBackFromTheDevicesMode() throws Exception {
    particle
        .on("identify", Reply.stdout("particle/identify-cellular.txt"))
        .on("usb setup-done", Reply.stdout("particle/usb-done.txt"))
        .on(
            "usb list",
            Reply.stdout("particle/usb-list-normal.txt"),
            Reply.stdout("particle/usb-list-listening.txt"));
    Settings settings = device().require(Settings.class);

    settings.set("setup_done", "1");

    assertThat(particle.calls().get(1))
        .containsExactly("usb", "setup-done", "e00fce68333a0b7e12345678");
    assertThat(settings.get("setup_done")).contains("1");
    assertThat(settings.get("setup_done")).contains("0");
  }

  @Test
  void clearsTheFlagAndRefusesSettingsTheCliDoesNotSet() throws Exception {
    particle
        .on("identify", Reply.stdout("particle/identify-cellular.txt"))
        .on("usb setup-done", Reply.stdout("particle/usb-done.txt"));
    Settings settings = device().require(Settings.class);

    settings.set("setup_done", "0");

    assertThat(particle.calls().get(1))
        .containsExactly("usb", "setup-done", "e00fce68333a0b7e12345678", "--reset");
    assertThatThrownBy(() -> settings.set("region", "EU"))
        .isInstanceOf(DeviceException.class)
        .hasMessageContaining("one setting, setup_done, not 'region'");
    assertThatThrownBy(() -> settings.set("setup_done", "yes"))
        .hasMessageContaining("1 (set) or 0 (cleared), not 'yes'");
  }

  @Test
  void restartsWithUsbResetAndNeedsItsDoneLine() throws Exception {
    particle
        .on("identify", Reply.stdout("particle/identify-cellular.txt"))
        .on(
            "usb reset",
            Reply.stdout("particle/usb-done.txt"),
            Reply.stdout("particle/identify-cellular.txt"),
            Reply.stderr("particle/usb-reset-not-found.txt").exit(1));
    Power power = device().require(Power.class);

    power.reboot();
    assertThat(particle.calls().get(1)).containsExactly("usb", "reset", "e00fce68333a0b7e12345678");
    assertThatThrownBy(power::reboot)
        .isInstanceOf(ToolOutputException.class)
        .hasMessageContaining("expected 'Done.'");
    assertThatThrownBy(power::reboot)
        .isInstanceOf(DeviceUnreachableException.class)
        .hasMessageContaining("not found");
  }

  private static Image user() {
    return new Image("user", "1.2.0", ImageType.FIRMWARE, null, null, new byte[] {9, 8, 7}, null);
  }
}
