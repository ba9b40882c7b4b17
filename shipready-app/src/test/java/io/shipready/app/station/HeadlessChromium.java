package io.shipready.app.station;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through its chromedriver. Paths come from {@code
 * -Dshipready.test.chromium} and {@code -Dshipready.test.chromedriver} (default /usr/bin/chromium
 * and /usr/bin/chromedriver). When either is missing the calling test is skipped, saying how to
 * install them. Screenshots go to {@code target/screenshots/}.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final Path profile;

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts Chromium, or skips the test (with the reason) when it is not installed. */
  static HeadlessChromium start(Path profile) {
    String chromium = System.getProperty("shipready.test.chromium", "/usr/bin/chromium");
    String chromedriver =
        System.getProperty("shipready.test.chromedriver", "/usr/bin/chromedriver");
    assumeTrue(
        Files.isExecutable(Path.of(chromium)) && Files.isExecutable(Path.of(chromedriver)),
        "browser test skipped: Chromium ("
            + chromium
            + ") or chromedriver ("
            + chromedriver
            + ") is missing; install them with 'apt-get install -y chromium chromium-driver'"
            + " or point -Dshipready.test.chromium / -Dshipready.test.chromedriver at them");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(chromedriver))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return new HeadlessChromium(driver, profile);
  }

  WebDriver driver() {
    return driver;
  }

  Object script(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /** Waits until the condition holds (or fails the test after a minute, saying what it awaited). */
  <T> T await(String what, Function<WebDriver, T> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        T value = condition.apply(driver);
        if (value != null && !Boolean.FALSE.equals(value)) {
          return value;
        }
      } catch (org.openqa.selenium.WebDriverException notYet) {
        last = notYet; // e.g. the element is not on the page yet
      }
      Thread.sleep(50);
    }
    String tiles = "";
    try {
      screenshot("failed-wait");
      tiles =
          String.valueOf(
              script(
                  "return Array.from(document.querySelectorAll('.tile'))"
                      + ".map(t => t.id + ' ' + t.className + ' ' + t.innerText.replace(/\\n/g, ' | '))"
                      + ".join('\\n') + '\\nmessage: ' + document.getElementById('message').innerText;"));
    } catch (RuntimeException | java.io.IOException cannotTell) {
      tiles = "(the page could not be read: " + cannotTell + ")";
    }
    throw new AssertionError("waited a minute for " + what + "; the page shows:\n" + tiles, last);
  }

  /** Keeps a screenshot of the page as a test artefact. */
  Path screenshot(String name) throws java.io.IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() {
    driver.quit();
  }

  Path profile() {
    return profile;
  }
}
