package io.shipready.app.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The station page in headless Chromium against the real {@code shipready station} command:
 * simulated units watched live, a scan typed into the page as a keyboard-wedge scanner does, a
 * prompt answered by a click, a failure shown red with its step, and the engineer's PIN. Each stage
 * leaves a screenshot under target/screenshots/.
 */
class StationPageBrowserIT {
  private static final String RED = "rgba(217, 48, 37, 1)";
  private static final String GREEN = "rgba(30, 142, 62, 1)";

  @TempDir Path folder;

  @Test
  void eightSimulatedUnitsAreWatchedOnThePage() throws Exception {
    Path recipe = RunningStation.write(folder, "recipe.yaml", RunningStation.WATCH_RECIPE);
    try (HeadlessChromium chromium = HeadlessChromium.start(folder.resolve("profile"));
        RunningStation station =
            RunningStation.start(
                folder,
                "--recipe",
                recipe.toString(),
                "--simulate",
                "8",
                "--seed",
                "7",
                "--fail-rate",
                "0.3")) {
      WebDriver page = chromium.driver();
      page.get(station.url);
      chromium.await("the page's snapshot", d -> ready(d));
      assertThat(page.findElements(By.cssSelector(".tile"))).hasSize(4);
      assertThat(page.findElement(By.id("station-name")).getText()).isEqualTo("PAGE-01");

      chromium.await(
          "a unit testing", d -> !d.findElements(By.cssSelector(".tile.busy .step")).isEmpty());
      chromium.screenshot("station-8-units-running");

      chromium.await(
          "8 units counted",
          d ->
              d.findElement(By.id("fig-units")).getText().equals("8")
                  && d.findElements(By.cssSelector(".tile.busy")).isEmpty());
      chromium.screenshot("station-8-units-done");

      int failed =
          Integer.parseInt(page.findElement(By.id("fig-fail")).getText())
              + Integer.parseInt(page.findElement(By.id("fig-error")).getText());
      int passed = Integer.parseInt(page.findElement(By.id("fig-pass")).getText());
      assertThat(passed + failed).isEqualTo(8);
      for (WebElement tile : page.findElements(By.cssSelector(".tile.fail"))) {
        assertThat(tile.findElement(By.className("verdict")).getText()).isEqualTo("FAIL");
        assertThat(tile.findElement(By.className("verdict")).getCssValue("background-color"))
            .isEqualTo(RED);
        assertThat(tile.findElement(By.className("failed")).getText()).contains(":");
      }
      // The charts are drawn on the page: a Pareto row per failing step, histogram bars.
      int paretoRows = page.findElements(By.cssSelector("#pareto .pareto-row")).size();
      assertThat(paretoRows).isLessThanOrEqualTo(failed);
      assertThat(paretoRows > 0).isEqualTo(failed > 0);
      assertThat(page.findElements(By.cssSelector("#histogram rect"))).hasSize(20);
      assertThat(page.findElements(By.cssSelector("#histogram .limit"))).hasSize(2);
      assertThat(station.stopAsEngineer()).isZero();
    }
  }

  @Test
  void theOperatorScansAnswersByClickAndSeesTheFailureInRed() throws Exception {
    Path recipe = RunningStation.write(folder, "recipe.yaml", RunningStation.OPERATOR_RECIPE);
    try (HeadlessChromium chromium = HeadlessChromium.start(folder.resolve("profile"));
        RunningStation station =
            RunningStation.start(
                folder,
                "--recipe",
                recipe.toString(),
                "--simulate",
                "1",
                "--slots",
                "1",
                "--scan-at-station")) {
      WebDriver page = chromium.driver();
      page.get(station.url);
      chromium.await("the page's snapshot", d -> ready(d));
      assertThat(page.findElement(By.id("user")).getAttribute("value")).isEqualTo("li.wei");

      // The slot asks for its serial; the scan field has the focus, so a keyboard-wedge scanner
      // (keys then Enter) lands there without anyone clicking.
      chromium.await(
          "the scan question", d -> !d.findElements(By.cssSelector("#slot-1.asking")).isEmpty());
      chromium.await(
          "the scan field focused",
          d -> "scan".equals(d.switchTo().activeElement().getAttribute("id")));
      chromium.screenshot("station-scan-asked");
      new Actions(page).sendKeys("P0ABCDEFGHIJK\n").perform();

      // Then the LED question: answered "No" with a click.
      WebElement no =
          chromium.await(
              "the Yes/No question",
              d -> d.findElement(By.cssSelector("#slot-1 .prompt-answers button[data-answer=no]")));
      assertThat(page.findElement(By.cssSelector("#slot-1 .prompt-message")).getText())
          .isEqualTo("Is the status LED breathing cyan?");
      assertThat(page.findElement(By.cssSelector("#slot-1 .unit")).getText())
          .isEqualTo("P0ABCDEFGHIJK");
      chromium.screenshot("station-prompt-asked");
      no.click();

      WebElement failed =
          chromium.await("slot 1 red", d -> d.findElement(By.cssSelector("#slot-1.fail")));
      assertThat(failed.findElement(By.className("verdict")).getText()).isEqualTo("FAIL");
      assertThat(failed.findElement(By.className("verdict")).getCssValue("background-color"))
          .isEqualTo(RED);
      assertThat(failed.findElement(By.className("failed")).getText())
          .startsWith("check_led: ")
          .contains("operator answered 'no'");
      chromium.screenshot("station-failure-red");

      // Retest: scan again, answer Yes, the tile turns green.
      page.findElement(By.cssSelector("#slot-1 button.retest")).click();
      chromium.await(
          "the scan question again",
          d -> !d.findElements(By.cssSelector("#slot-1.asking")).isEmpty());
      chromium.await(
          "the scan field focused",
          d -> "scan".equals(d.switchTo().activeElement().getAttribute("id")));
      new Actions(page).sendKeys("P0ABCDEFGHIJK\n").perform();
      chromium
          .await(
              "the Yes button",
              d -> d.findElement(By.cssSelector("#slot-1 .prompt-answers button[data-answer=yes]")))
          .click();
      WebElement passed =
          chromium.await("slot 1 green", d -> d.findElement(By.cssSelector("#slot-1.pass")));
      assertThat(passed.findElement(By.className("verdict")).getCssValue("background-color"))
          .isEqualTo(GREEN);
      chromium.screenshot("station-retest-pass");

      // An engineer action asks for the PIN; a wrong one is refused on the page.
      page.findElement(By.cssSelector("#slot-1 button.start")).click();
      chromium.await(
          "the next unit's scan question",
          d -> !d.findElements(By.cssSelector("#slot-1.asking")).isEmpty());
      page.findElement(By.cssSelector("#slot-1 button.stop")).click();
      chromium.await("the PIN dialog", d -> d.findElement(By.id("pin-dialog")).isDisplayed());
      page.findElement(By.id("pin")).sendKeys("1111\n");
      chromium.await(
          "the refusal",
          d -> d.findElement(By.id("message")).getText().contains("wrong engineer PIN"));
      chromium.screenshot("station-wrong-pin");
      page.findElement(By.cssSelector("#slot-1 button.stop")).click();
      chromium.await("the PIN dialog", d -> d.findElement(By.id("pin-dialog")).isDisplayed());
      WebElement engineer = page.findElement(By.id("pin-user"));
      engineer.clear();
      engineer.sendKeys("eng.ana");
      page.findElement(By.id("pin")).sendKeys(RunningStation.PIN + "\n");
      chromium.await("slot 1 aborted", d -> d.findElement(By.cssSelector("#slot-1.aborted")));
      chromium.screenshot("station-aborted-by-engineer");

      assertThat(station.stopAsEngineer()).isZero();
    }
  }

  @Test
  void withoutAPinTheOperatorStopsFromThePageByName() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getenv(EngineerPinCheck.ENVIRONMENT) == null,
        EngineerPinCheck.ENVIRONMENT + " is set for the tests: this test needs a station without");
    Path recipe = RunningStation.write(folder, "recipe.yaml", RunningStation.OPERATOR_RECIPE);
    try (HeadlessChromium chromium = HeadlessChromium.start(folder.resolve("profile"));
        RunningStation station =
            RunningStation.start(
                folder,
                RunningStation.configWithoutPin(folder),
                "--recipe",
                recipe.toString(),
                "--simulate",
                "1",
                "--slots",
                "1",
                "--scan-at-station")) {
      WebDriver page = chromium.driver();
      page.get(station.url);
      chromium.await("the page's snapshot", d -> ready(d));
      chromium.await(
          "the unit's scan question",
          d -> !d.findElements(By.cssSelector("#slot-1.asking")).isEmpty());

      // Stop asks only for a name: there is no PIN to give.
      page.findElement(By.cssSelector("#slot-1 button.stop")).click();
      chromium.await("the stop dialog", d -> d.findElement(By.id("pin-dialog")).isDisplayed());
      assertThat(page.findElement(By.id("pin-row")).isDisplayed()).isFalse();
      assertThat(page.findElement(By.id("pin-user")).getAttribute("value")).isEqualTo("li.wei");
      chromium.screenshot("station-operator-stop-dialog");
      page.findElement(By.id("pin-user")).sendKeys("\n");
      chromium.await("slot 1 aborted", d -> d.findElement(By.cssSelector("#slot-1.aborted")));
      assertThat(page.findElement(By.cssSelector("#slot-1 .failed")).getText())
          .contains("stopped by li.wei (operator)");
      chromium.screenshot("station-aborted-by-operator");

      page.findElement(By.id("stop-station")).click();
      chromium.await("the stop dialog", d -> d.findElement(By.id("pin-dialog")).isDisplayed());
      page.findElement(By.id("pin-user")).sendKeys("\n");
      assertThat(station.exitCode()).isZero();
    }
  }

  static boolean ready(WebDriver driver) {
    List<WebElement> body = driver.findElements(By.cssSelector("body[data-ready=true]"));
    return !body.isEmpty();
  }
}
