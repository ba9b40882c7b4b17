package io.shipready.core.steps;

import io.shipready.core.model.Identifier;
import io.shipready.core.model.Secrets;
import io.shipready.core.model.StepSpec;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Markings;
import io.shipready.core.spi.Prompter;
import io.shipready.core.step.ParamSpec;
import io.shipready.core.step.ParamType;
import io.shipready.core.step.StepCategory;
import io.shipready.core.step.StepContext;
import io.shipready.core.step.StepFailedException;
import io.shipready.core.step.TextFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Scans a barcode on the unit: its serial sticker, or a component's barcode (genealogy). A fixture
 * that can read markings (or the simulator) answers directly; otherwise the operator scans. A scan
 * that does not match the expected pattern fails the step, naming what was read.
 */
final class ScanStep extends SimpleStepKind {
  ScanStep() {
    super(
        "scan",
        "Scan a barcode on the unit (serial sticker, component barcode) into its identifiers.",
        StepCategory.IDENTIFICATION,
        true,
        ParamSpec.optional(
            "marking",
            ParamType.STRING,
            "which marking: serial (default) or component:<reference designator>"),
        ParamSpec.optional(
            "fields",
            ParamType.STRING_LIST,
            "identifier kinds of the scan's parts, e.g. [serial, mobile_secret]; _ skips a part"
                + " (a secret the record need not keep); a secret kind is kept in the record and"
                + " shown only as its SHA-256 fingerprint;"
                + " default [serial], or [component] for a component marking"),
        ParamSpec.optional(
            "separator",
            ParamType.STRING,
            "what separates the parts: a space (default), or e.g. ':' for an Afero QR code"),
        ParamSpec.text(
            "pattern", false, TextFormat.REGEX, "regular expression the whole scan must match"),
        ParamSpec.optional("prompt", ParamType.STRING, "what to tell the operator"),
        ParamSpec.optional(
            "wait", ParamType.DURATION, "how long to wait for the operator (default 5m)"));
  }

  /**
   * A fixture that reads markings answers the scan; without one the operator scans, so none is
   * required.
   */
  @Override
  public List<Class<? extends Capability>> requiredCapabilities(StepSpec spec) {
    return List.of();
  }

  @Override
  public void execute(StepContext context) throws InterruptedException {
    String marking = context.string("marking", "serial");
    boolean component = marking.startsWith("component:");
    String scanned = read(context, marking).trim();
    List<String> fields = context.strings("fields");
    if (fields.isEmpty()) {
      fields = List.of(component ? Identifier.COMPONENT : Identifier.SERIAL);
    }
    String separator = context.string("separator", " ");
    String[] parts =
        separator.isBlank() ? scanned.split("\\s+") : scanned.split(Pattern.quote(separator), -1);
    String shown = shown(scanned, parts, fields);
    String pattern = context.string("pattern", null);
    if (pattern != null && !Pattern.compile(pattern).matcher(scanned).matches()) {
      throw new StepFailedException(
          "scanned '" + shown + "' from " + marking + ", which does not match " + pattern);
    }
    if (parts.length != fields.size()) {
      throw new StepFailedException(
          "scanned '"
              + shown
              + "' from "
              + marking
              + ": expected "
              + fields.size()
              + " part(s) "
              + fields
              + ", got "
              + parts.length);
    }
    List<Identifier> found = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      if (!fields.get(i).equals("_")) {
        found.add(new Identifier(fields.get(i), parts[i]));
      }
    }
    context.identified(found);
    if (component) {
      // Genealogy: which component sits at which reference designator of this unit.
      context.componentLinked(marking.substring("component:".length()), scanned);
    }
    for (var m : context.spec().measurements()) {
      found.stream()
          .filter(id -> id.kind().equals(m.source()))
          .findFirst()
          .ifPresent(id -> context.measure(m.name(), id.value()));
    }
  }

  /**
   * The scan as a message may repeat it: a part the recipe names as a secret (a mobile secret)
   * shows as its length only, and a scan carrying a secret that does not split as expected shows
   * only its first part, since any other part may be the secret. A secret part the recipe skips
   * with {@code _} is never recorded at all.
   */
  private static String shown(String scanned, String[] parts, List<String> fields) {
    boolean secret = fields.stream().anyMatch(Secrets::isSecret);
    if (!secret) {
      return scanned;
    }
    if (parts.length != fields.size()) {
      return parts[0] + " ... (" + scanned.length() + " characters in all)";
    }
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      shown.add(
          Secrets.isSecret(fields.get(i))
              ? "<" + fields.get(i) + ", " + parts[i].length() + " characters>"
              : parts[i]);
    }
    return String.join(" ", shown);
  }

  private static String read(StepContext context, String marking) throws InterruptedException {
    Optional<Markings> markings = context.device().capability(Markings.class);
    if (markings.isPresent()) {
      return markings
          .get()
          .read(marking)
          .orElseThrow(() -> new StepFailedException("the unit has no readable " + marking));
    }
    String prompt = context.string("prompt", "Scan the " + marking + " barcode");
    return context
        .prompter()
        .ask(
            new Prompter.Prompt(context.slot(), Prompter.Kind.SCAN, prompt, List.of(), null),
            context.duration("wait", Duration.ofMinutes(5)));
  }
}
