package io.shipready.core.steps;

import io.shipready.core.model.MeasurementSpec;
import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Radio;
import io.shipready.core.spi.Sensors;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Takes each declared measurement from the fixture: {@code rssi:ble}, {@code rssi:wifi}, {@code
 * rssi:cellular} from the radio, anything else from the fixture's sensors by name. With {@code
 * samples} above 1 the mean of several readings is judged, which steadies noisy RF readings.
 */
final class MeasureStep extends SimpleStepKind {
  MeasureStep() {
    super(
        "measure",
        "Measure quantities on the unit (supply voltage, current, RSSI) against limits.",
        StepCategory.CHECK,
        true,
        ParamSpec.optional("samples", ParamType.INTEGER, "readings averaged per measurement"));
  }

  /** The radio for {@code rssi:} sources, the fixture's sensors for any other. */
  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    List<Class<? extends Capability>> needed = new ArrayList<>();
    for (MeasurementSpec m : spec.measurements()) {
      Class<? extends Capability> type =
          m.source().startsWith("rssi:") ? Radio.class : Sensors.class;
      if (!needed.contains(type)) {
        needed.add(type);
      }
    }
    return needed;
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    long samples = Math.max(1, context.integer("samples", 1));
    for (MeasurementSpec m : context.spec().measurements()) {
      double sum = 0;
      for (int i = 0; i < samples; i++) {
        sum += read(context, m.source());
      }
      context.measure(m.name(), Math.round(sum / samples * 1000.0) / 1000.0);
    }
  }

  private static double read(StepContext context, String source) throws InterruptedException {
    if (source.startsWith("rssi:")) {
      Radio.Band band = Radio.Band.valueOf(source.substring(5).toUpperCase(Locale.ROOT));
      return context.device().require(Radio.class).rssiDbm(band, context.identifiers());
    }
    return context.device().require(Sensors.class).read(source);
  }
}
