package io.shipready.device.sim;

import io.shipready.core.spi.Radio;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Catches a fault that could never act on a family (a region it lacks, an operation it does not
 * have, a misspelt name) when it is injected, instead of letting a dry run pass that was meant to
 * fail.
 *
 * @param operations the operation kinds the family has: single words ({@code identify}) and the
 *     part before the colon of the others ({@code flash})
 * @param keystore whether the family keeps a trusted keystore and device capabilities
 * @param qrLabel whether the family's units carry a printed QR label a station can check
 */
public record FaultChecks(
    String family,
    List<String> regions,
    Set<String> quantities,
    Set<Radio.Band> bands,
    Set<String> operations,
    boolean keystore,
    boolean qrLabel) {

  /** Operations every family has. */
  public static final Set<String> COMMON =
      Set.of("identify", "console", "reboot", "sensor", "rssi");

  /** The operations every family has, and {@code kinds}. */
  public static Set<String> commonAnd(String... kinds) {
    Set<String> all = new HashSet<>(COMMON);
    all.addAll(List.of(kinds));
    return all;
  }

  public FaultChecks {
    regions = List.copyOf(regions);
    quantities = Set.copyOf(quantities);
    bands = Set.copyOf(bands);
    operations = Set.copyOf(operations);
  }

  public void requireFits(Fault fault) {
    if (fault instanceof Fault.FlashFailure f) {
      requireRegion(f.region());
    } else if (fault instanceof Fault.OutOfLimits f) {
      requireQuantity(f.quantity());
    } else if (fault instanceof Fault.LowRssi f) {
      if (!bands.contains(f.band())) {
        throw new IllegalArgumentException(
            "a " + family + " unit has no " + f.band() + " radio; use one of " + sorted(bands));
      }
    } else if (fault instanceof Fault.Unresponsive f) {
      requireOperation(f.operation());
    } else if (fault instanceof Fault.Unplugged f) {
      requireOperation(f.operation());
    } else if (fault instanceof Fault.IgnoresCancellation f) {
      requireOperation(f.operation());
    } else if (fault instanceof Fault.WrongLabel && !qrLabel) {
      throw new IllegalArgumentException(
          "WrongLabel applies to units that carry a QR label, and a "
              + family
              + " unit carries none");
    } else if (!keystore
        && (fault instanceof Fault.StaleKeystore || fault instanceof Fault.CapabilityInstalled)) {
      throw new IllegalArgumentException(
          fault.getClass().getSimpleName()
              + " applies to units with a trusted keystore, and a "
              + family
              + " unit has none");
    }
  }

  private void requireOperation(String operation) {
    if (operation.equals("*")) {
      return;
    }
    int colon = operation.indexOf(':');
    String kind = colon < 0 ? operation : operation.substring(0, colon);
    String what = colon < 0 ? null : operation.substring(colon + 1);
    if (!operations.contains(kind) || (what != null && what.isEmpty())) {
      throw new IllegalArgumentException(
          "a "
              + family
              + " unit has no operation '"
              + operation
              + "'; use '*' or one of "
              + sorted(operations)
              + " (sensor, rssi, flash, readback, install and delete take ':<name>' or ':*')");
    }
    if (what == null || what.equals("*")) {
      return;
    }
    switch (kind) {
      case "flash", "readback" -> requireRegion(what);
      case "sensor" -> requireQuantity(what);
      case "rssi" -> {
        boolean known =
            bands.stream().anyMatch(b -> b.name().toLowerCase(Locale.ROOT).equals(what));
        if (!known) {
          throw new IllegalArgumentException(
              "operation '"
                  + operation
                  + "': a "
                  + family
                  + " unit has no such radio; use rssi:<band> with one of "
                  + sorted(bands).stream().map(b -> b.toLowerCase(Locale.ROOT)).toList());
        }
      }
      default -> {} // component ids and image names are the line's own
    }
  }

  private void requireRegion(String region) {
    if (regions.isEmpty()) {
      throw new IllegalArgumentException(
          "a "
              + family
              + " unit has no flash regions; use Unplugged or Unresponsive on "
              + "\"install:<component id>\" for image faults");
    }
    if (!region.equals("*") && !regions.contains(region)) {
      throw new IllegalArgumentException(
          "a " + family + " unit has no flash region '" + region + "'; use one of " + regions);
    }
  }

  private void requireQuantity(String quantity) {
    if (!quantities.contains(quantity)) {
      throw new IllegalArgumentException(
          "a "
              + family
              + " unit's fixture does not measure '"
              + quantity
              + "'; use one of "
              + sorted(quantities));
    }
  }

  private static List<String> sorted(Collection<?> values) {
    return values.stream().map(String::valueOf).sorted().toList();
  }
}
