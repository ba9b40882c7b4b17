package io.shipready.core.steps;

import io.shipready.core.model.MeasurementSpec;
import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Wifi;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import java.util.List;

/**
 * The Wi-Fi test: add a test network, check the device connects (measurements may judge rssi, ssid,
 * connected), and remove every network again so none ships configured.
 */
final class WifiStep extends SimpleStepKind {
  WifiStep() {
    super(
        "wifi",
        "Add a test network, check the device's Wi-Fi status, or remove all networks.",
        StepCategory.ACTION,
        true,
        ParamSpec.oneOf(
            "action", true, "add, check or remove_all", List.of("add", "check", "remove_all")),
        ParamSpec.optional("ssid", ParamType.STRING, "test network name (add, check)"),
        ParamSpec.optional("psk", ParamType.STRING, "test network key (add)"));
  }

  @Override
  public StepCategory category(StepSpec spec) {
    return "check".equals(spec.params().get("action")) ? StepCategory.CHECK : StepCategory.ACTION;
  }

  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of(Wifi.class);
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    Wifi wifi = context.device().require(Wifi.class);
    switch (context.string("action")) {
      case "add" -> wifi.addNetwork(context.string("ssid"), context.string("psk", ""));
      case "remove_all" -> {
        wifi.removeAllNetworks();
        if (!wifi.networks().isEmpty()) {
          throw new StepFailedException("networks still configured: " + wifi.networks());
        }
      }
      default -> check(context, wifi.status());
    }
  }

  private static void check(StepContext context, Wifi.Status status) {
    String ssid = context.string("ssid", null);
    if (!status.connected()) {
      throw new StepFailedException("not connected to " + (ssid == null ? "any network" : ssid));
    }
    if (ssid != null && !ssid.equals(status.ssid())) {
      throw new StepFailedException("connected to " + status.ssid() + ", expected " + ssid);
    }
    for (MeasurementSpec m : context.spec().measurements()) {
      switch (m.source()) {
        case "rssi" -> context.measure(m.name(), status.rssiDbm());
        case "ssid" -> context.measure(m.name(), status.ssid());
        case "connected" -> context.measure(m.name(), status.connected());
        default ->
            throw new StepFailedException(
                "wifi status has no " + m.source() + "; use rssi, ssid or connected");
      }
    }
  }
}
