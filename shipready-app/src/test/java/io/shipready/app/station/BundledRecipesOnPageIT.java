package io.shipready.app.station;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.app.cli.DemoCommand;
import io.shipready.app.emulated.EmulatedTools;
import io.shipready.app.lines.LineProfile;
import io.shipready.app.lines.LineProfiles;
import io.shipready.core.model.Outcome;
import io.shipready.core.model.StepSpec;
import io.shipready.core.recipe.Recipe;
import io.shipready.core.recipe.RecipeParser;
import io.shipready.core.steps.StandardSteps;
import io.shipready.device.emulated.QemuFleet;
import io.shipready.store.Store;
import io.shipready.store.UnitTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.opentest4j.TestAbortedException;

/**
 * Every bundled recipe passes a unit on the operator's page: the real {@code shipready station}
 * with the line's station config template filled in, the page in headless Chromium, and the
 * operator's part done on the page — Start on a slot, each barcode the page asks for typed into the
 * scan field as a keyboard-wedge scanner does, questions answered by a click. The tile turns green
 * with PASS, and the records hold the run as PASS with its factory-file row and label where the
 * recipe writes them. A screenshot of each passing tile is kept under target/screenshots/.
 *
 * <p>The stations of a line share one store and one seed, so a later station meets the units the
 * earlier ones passed (the Afero product label station finds the module programmed before it). The
 * Azure Sphere ship audit is not here: it judges units finalized (DeviceComplete) at programming,
 * which fresh simulated chips are not.
 */
class BundledRecipesOnPageIT {
  private static final Path LINES = Path.of("..", "lines").toAbsolutePath().normalize();
  private static final String GREEN = "rgba(30, 142, 62, 1)";
  private static final long SEED = 7;
  private static final String SLOT = "1";
  private static final Pattern UNIT_AND_RUN = Pattern.compile("unit (\\d+), run (\\S+)");

  /** The stations each line's recipes are run as, in the line's order. */
  private static final Map<String, List<String>> ON_THE_PAGE =
      Map.of(
          "afero-asr", List.of("programming", "product-label", "rssi-ble", "rssi-wifi"),
          "azure-sphere", List.of("recovery", "programming", "ship-audit"),
          "particle-cellular", List.of("programming"),
          "sample", List.of("tracker"),
          "emulated-nrf51", List.of("programming"));

  /** Stations of the bundled lines that this test leaves out, with the reason. */
  private static final Map<String, String> LEFT_OUT = Map.of();

  @TempDir Path folder;

  @Test
  void everyStationOfTheBundledLinesIsOnThisPage() {
    List<String> bundled = new ArrayList<>();
    for (LineProfile line : LineProfiles.all(LINES)) {
      String name = line.folder().getFileName().toString();
      line.stations().forEach(station -> bundled.add(name + "/" + station.name()));
    }
    List<String> covered = new ArrayList<>(LEFT_OUT.keySet());
    ON_THE_PAGE.forEach((line, stations) -> stations.forEach(s -> covered.add(line + "/" + s)));
    assertThat(covered)
        .as("a bundled station is run on the page here, or left out with its reason")
        .containsExactlyInAnyOrderElementsOf(bundled);
  }

  @Test
  void aferoModuleIsProgrammedLabelledAndRssiTestedOnThePage() throws Exception {
    List<Passed> passed = passLine("afero-asr");
    // One module through the whole line: its trace holds the four runs, each PASS.
    try (Store store = Store.open(passed.get(0).db().toString())) {
      UnitTrace module = store.trace(passed.get(0).name());
      assertThat(module.runs())
          .extracting(UnitTrace.Run::runId)
          .containsExactlyElementsOf(passed.stream().map(Passed::runId).toList());
    }
  }

  @Test
  void azureSphereChipIsRecoveredProgrammedAndAuditedOnThePage() throws Exception {
    List<Passed> passed = passLine("azure-sphere");
    try (Store store = Store.open(passed.get(0).db().toString())) {
      UnitTrace chip = store.trace(passed.get(0).name());
      assertThat(chip.runs())
          .extracting(UnitTrace.Run::runId)
          .containsExactlyElementsOf(passed.stream().map(Passed::runId).toList());
    }
  }

  @Test
  void particleUnitIsProgrammedOnThePage() throws Exception {
    passLine("particle-cellular");
  }

  @Test
  void sampleTrackerPassesOnThePage() throws Exception {
    passLine("sample");
  }

  @Test
  void emulatedNrf51UnitIsProgrammedOnThePage() throws Exception {
    try {
      EmulatedTools.require(EmulatedTools.QEMU);
    } catch (TestAbortedException skipped) {
      System.err.println("BundledRecipesOnPageIT: emulated-nrf51 NOT TESTED: " + skipped);
      throw skipped;
    }
    try (QemuFleet fleet = QemuFleet.start(1, EmulatedTools.QEMU, folder.resolve("qemu"))) {
      Path slots = folder.resolve("slots.yaml");
      fleet.slotMap().write(slots, "one emulated unit for the station page");
      passLine("emulated-nrf51", "--slots-file", slots.toString());
    }
  }

  /** Each station of the line passes a unit on its page, into the line's one store. */
  private List<Passed> passLine(String lineName, String... units) throws Exception {
    Path line = LINES.resolve(lineName);
    Path out = folder.resolve(lineName);
    Files.createDirectories(out);
    List<Passed> passed = new ArrayList<>();
    try (HeadlessChromium chromium = HeadlessChromium.start(folder.resolve("profile"))) {
      for (String station : ON_THE_PAGE.get(lineName)) {
        passed.add(passOnPage(chromium, line, station, out, units));
      }
    }
    return passed;
  }

  private Passed passOnPage(
      HeadlessChromium chromium, Path line, String stationName, Path out, String... units)
      throws Exception {
    LineProfile.LineStation station =
        LineProfiles.read(line).stations().stream()
            .filter(s -> s.name().equals(stationName))
            .findFirst()
            .orElseThrow();
    Recipe recipe = new RecipeParser(StandardSteps.library()).parse(station.recipe());
    Path config = DemoCommand.filledConfig(line, out, stationName);
    Files.writeString(config, RunningStation.engineerPinLine(), StandardOpenOption.APPEND);
    boolean simulated = units.length == 0;
    List<String> args = new ArrayList<>(List.of("--recipe", station.recipe().toString()));
    if (simulated) {
      // No unit until the operator starts one; every barcode is scanned on the page.
      args.addAll(
          List.of(
              "--simulate",
              "0",
              "--seed",
              Long.toString(SEED),
              "--fail-rate",
              "0",
              "--scan-at-station"));
    } else {
      args.addAll(List.of(units));
    }
    String shot = line.getFileName() + "-" + stationName;
    UnitInHand inHand = simulated ? new UnitInHand(recipe, SEED) : null;
    String name;
    String runId;
    try (RunningStation running = RunningStation.start(out, config, args.toArray(String[]::new))) {
      WebDriver page = chromium.driver();
      page.get(running.url);
      chromium.await("the page of " + shot, StationPageBrowserIT::ready);
      assertThat(page.findElement(By.id("recipe-name")).getText()).contains(recipe.name());
      By tile = By.id("slot-" + SLOT);
      if (!simulated) {
        // A slot map's slots each get their unit at the start: that one passes first.
        chromium.await(
            "the first unit's verdict",
            d -> verdictOf(String.valueOf(tileNow(chromium, SLOT).get("css"))));
      }
      String before =
          page.findElement(tile).findElement(By.className("unit")).getAttribute("title");
      WebElement start = page.findElement(tile).findElement(By.cssSelector("button.start"));
      chromium.await("Start enabled on slot " + SLOT, d -> start.isEnabled());
      start.click();
      chromium.await(
          "a new unit in slot " + SLOT,
          d ->
              !d.findElement(tile)
                  .findElement(By.className("unit"))
                  .getAttribute("title")
                  .equals(before));
      operate(chromium, recipe, inHand, SLOT, shot);

      WebElement done = page.findElement(tile);
      assertThat(done.getAttribute("class")).as(shot).contains("pass");
      WebElement verdict = done.findElement(By.className("verdict"));
      assertThat(verdict.getText()).isEqualTo("PASS");
      assertThat(verdict.getCssValue("background-color")).isEqualTo(GREEN);
      // The shift's figures count it too (they are pushed at most once a second).
      String passes = simulated ? "1" : "2";
      chromium.await(
          "the shift's Pass figure at " + passes,
          d -> d.findElement(By.id("fig-pass")).getText().equals(passes));
      chromium.screenshot("recipe-" + shot);
      WebElement unit = done.findElement(By.className("unit"));
      name = unit.getText();
      Matcher title = UNIT_AND_RUN.matcher(unit.getAttribute("title"));
      assertThat(title.find()).as(unit.getAttribute("title")).isTrue();
      runId = title.group(2);
      assertThat(name)
          .as("the tile names the unit by what is printed on it")
          .doesNotStartWith("unit ");
      assertThat(running.stopAsEngineer()).isZero();
    }
    Passed passed = new Passed(out.resolve("station.db"), name, runId);
    assertRecorded(recipe, passed, out);
    return passed;
  }

  /**
   * Does the operator's part until the slot's unit has its verdict: each barcode the tile asks for
   * is typed into the scan field (the page keeps the focus there), each question is answered Yes.
   * The tile is read in one go, so its question and its step are of the same moment.
   */
  private static void operate(
      HeadlessChromium chromium, Recipe recipe, UnitInHand inHand, String slot, String shot)
      throws Exception {
    WebDriver page = chromium.driver();
    String answered = "";
    boolean first = true;
    while (true) {
      String last = answered;
      Map<?, ?> asks =
          chromium.await(
              "slot " + slot + " to ask something or end",
              d -> {
                Map<?, ?> now = tileNow(chromium, slot);
                if (verdictOf(String.valueOf(now.get("css"))) != null) {
                  return now;
                }
                boolean asking = String.valueOf(now.get("css")).contains("asking");
                return asking && !stepOf(now).equals(last) ? now : null;
              });
      if (verdictOf(String.valueOf(asks.get("css"))) != null) {
        return;
      }
      if (first) {
        chromium.screenshot("recipe-" + shot + "-asks");
        first = false;
      }
      String step = stepOf(asks);
      StepSpec spec =
          recipe.step(step).orElseThrow(() -> new AssertionError("no step " + step + " in recipe"));
      if (spec.kind().equals("scan")) {
        chromium.await(
            "the scan field focused",
            d -> "scan".equals(d.switchTo().activeElement().getAttribute("id")));
        Matcher unit = UNIT_AND_RUN.matcher(String.valueOf(asks.get("title")));
        assertThat(unit.find()).as("the tile names its unit: " + asks).isTrue();
        String marking = String.valueOf(spec.params().getOrDefault("marking", "serial"));
        String barcode = inHand.barcode(Integer.parseInt(unit.group(1)), marking);
        new Actions(page).sendKeys(barcode + "\n").perform();
      } else {
        page.findElement(
                By.cssSelector("#slot-" + slot + " .prompt-answers button[data-answer=yes]"))
            .click();
      }
      answered = step;
    }
  }

  /** The slot's tile as the page shows it now: its classes, step, unit title and question. */
  private static Map<?, ?> tileNow(HeadlessChromium chromium, String slot) {
    return (Map<?, ?>)
        chromium.script(
            "const t = document.getElementById('slot-' + arguments[0]);"
                + "return {css: t.className, step: t.querySelector('.step').textContent,"
                + " title: t.querySelector('.unit').title,"
                + " question: t.querySelector('.prompt-message').textContent};",
            slot);
  }

  /** The records hold the run as PASS, with its factory-file row and label where it writes them. */
  private static void assertRecorded(Recipe recipe, Passed passed, Path out) throws Exception {
    try (Store store = Store.open(passed.db().toString())) {
      UnitTrace trace = store.trace(passed.name());
      UnitTrace.Run run =
          trace.runs().stream()
              .filter(r -> r.runId().equals(passed.runId()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("run " + passed.runId() + " not in " + trace));
      assertThat(run.outcome()).isEqualTo(Outcome.PASS);
      assertThat(run.recipe()).isEqualTo(recipe.name());
      assertThat(run.slot()).isEqualTo(SLOT);
      assertThat(run.operator()).isEqualTo("li.wei");
      // One row per step that writes a factory file (the line's own file, a provisioning queue),
      // each in its file on disk.
      List<UnitTrace.FactoryFileRow> rows =
          trace.factoryFileRows().stream().filter(r -> r.runId().equals(run.runId())).toList();
      assertThat(rows)
          .as("factory-file rows of " + recipe.name())
          .hasSize(steps(recipe, "factory_row") + steps(recipe, "provision_queue"));
      for (UnitTrace.FactoryFileRow row : rows) {
        assertThat(Files.readString(out.resolve("files").resolve(row.fileName())))
            .contains(row.row());
      }
      assertThat(trace.labels())
          .as("labels of " + recipe.name())
          .filteredOn(label -> label.runId().equals(run.runId()))
          .hasSize(steps(recipe, "label"));
    }
  }

  private static int steps(Recipe recipe, String kind) {
    return (int) recipe.runSteps().stream().filter(step -> step.kind().equals(kind)).count();
  }

  /** The tile's verdict once the run's record is stored, or null while it has none. */
  private static String verdictOf(String css) {
    for (String outcome : List.of("pass", "fail", "error", "aborted")) {
      if (List.of(css.split(" ")).contains(outcome)) {
        return outcome;
      }
    }
    return null;
  }

  private static String stepOf(Map<?, ?> tile) {
    String step = String.valueOf(tile.get("step"));
    int retry = step.indexOf(" (try ");
    return retry < 0 ? step : step.substring(0, retry);
  }

  /** A unit that passed a station: its store, the name its tile shows, its run. */
  private record Passed(Path db, String name, String runId) {}
}
