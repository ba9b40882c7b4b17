package io.shipready.core.steps;

import io.shipready.core.model.QueuedRow;
import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.ReferencedFile;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import java.util.List;
import java.util.Map;

/**
 * Gives the unit's row to the day's factory file: Afero's 01 programming, 02 Wi-Fi RSSI or 03 BLE
 * RSSI file, or a file of the line profile's own layout. The step checks the row and queues it on
 * the disk; the row reaches the file once the run's PASS is stored, and the record then keeps which
 * file and line it is.
 */
final class FactoryRowStep extends SimpleStepKind {
  FactoryRowStep() {
    super(
        "factory_row",
        "Append the unit's row to today's factory file (Afero 01/02/03, or the line's own layout).",
        StepCategory.ACTION,
        false,
        ParamSpec.required(
            "file",
            ParamType.STRING,
            "afero_programming, afero_wifi_rssi, afero_ble_rssi, or a layout file (YAML) relative"
                + " to the recipe"),
        ParamSpec.optional(
            "values",
            ParamType.STRING_LIST,
            "fields the run does not have, as name=value, e.g. [profile_fw_type=2]"));
  }

  /** Writes the station's factory file; the unit is not asked for anything. */
  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of();
  }

  /** A layout of the line's own is a file; the registered kinds (afero_programming) are not. */
  @Override
  public List<ReferencedFile> referencedFiles(StepSpec spec) {
    return texts(spec, "file").stream()
        .filter(FactoryRowStep::isLayout)
        .map(layout -> ReferencedFile.file("file", "factory-file layout", layout))
        .toList();
  }

  private static boolean isLayout(String file) {
    return file.endsWith(".yaml") || file.endsWith(".yml");
  }

  @Override
  public void execute(StepContext context) {
    Map<String, String> values = NameValues.of(context, "values");
    String file = context.string("file");
    if (isLayout(file)) {
      file = context.recipeDirectory().resolve(file).toString();
    }
    QueuedRow row = context.outputs().queueRow(context.runId(), context.spec().id(), file, values);
    context.log(row.describe());
  }
}
