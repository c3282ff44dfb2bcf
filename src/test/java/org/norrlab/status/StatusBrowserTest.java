package org.norrlab.status;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.norrlab.store.SessionStore;
import org.norrlab.store.StoreException;
import org.norrlab.testing.NorrlabProcess;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The status page in a real browser: Debian's headless Chromium driven through Debian's chromedriver (both named, so
 * that Selenium never downloads a browser or a driver), while the README's demo sweep runs in a process of its own and
 * writes the same SQLite file. The page must show the session, the step advancing and the chart gaining points (read
 * from the DOM), and, once the run has ended, the FE/yield table of its simulated assays. Screenshots go to
 * target/screenshots/. Without chromium and chromedriver the test is skipped with a message, unless
 * NORRLAB_BROWSER_TESTS=required (CI), when it fails.
 */
class StatusBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    Path temp;

    private static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "required".equals(System.getenv("NORRLAB_BROWSER_TESTS"))) {
            fail("NORRLAB_BROWSER_TESTS=required but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing; install the"
                    + " Debian packages chromium and chromium-driver");
        }
        Assumptions.assumeTrue(present, "skipped: the browser test needs Debian's chromium and chromium-driver ("
                + CHROMIUM + ", " + CHROMEDRIVER + "); apt-get install chromium chromium-driver, or set"
                + " NORRLAB_BROWSER_TESTS=required to make this a failure");
    }

    private WebDriver browser() {
        // Selenium Manager would look for (and download) a driver: the driver and the browser are given, and it is told
        // to stay offline in case it is asked anyway
        System.setProperty("SE_OFFLINE", "true");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(new File("target/chromedriver.log")).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + temp.resolve("chromium"));
        return new ChromeDriver(service, options);
    }

    @Test
    void thePageFollowsARunningSweepInChromium() throws Exception {
        requireBrowser();
        Path db = temp.resolve("night.db");
        // the README's demo sweep, at a speed that leaves each 5 min CA step 10 s to watch
        Process run = NorrlabProcess.start(temp.resolve("data"), List.of(), "run", "protocols/demo-sweep.yaml",
                "--speed", "30", "--simulate-assays", "--db", db.toString());
        WebDriver driver = null;
        Files.createDirectories(SCREENSHOTS);
        try {
            long session = awaitSession(db, run);
            try (SessionStore store = SessionStore.open(db);
                 StatusServer server = StatusServer.start(Served.settings(temp), store,
                         AccessToken.loadOrCreate(temp.resolve("token")), false)) {
                String url = server.urls().get(0);
                driver = browser();
                Waits wait = new Waits(driver, Duration.ofSeconds(60));
                driver.get(url);
                // the token went into a cookie and left the address bar
                assertThat(driver.getCurrentUrl()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
                wait.until(d -> !d.findElements(By.cssSelector("#sessions tr[data-session='" + session + "']")).isEmpty());
                String row = driver.findElement(By.cssSelector("#sessions tr[data-session='" + session + "']")).getText();
                assertThat(row).contains("NORR demo sweep").contains("running");
                screenshot(driver, "status-index-running.png");

                driver.findElement(By.linkText(String.valueOf(session))).click();
                wait.until(d -> points(d) > 0 && chartStep(d) >= 2);
                int firstStep = chartStep(driver);
                int firstPoints = points(driver);
                wait.until(d -> chartStep(d) == firstStep && points(d) > firstPoints || chartStep(d) > firstStep);
                List<String> seen = new ArrayList<>(List.of("step " + firstStep + ": " + firstPoints + " points"));
                screenshot(driver, "status-session-live.png");
                wait.until(d -> chartStep(d) > firstStep && points(d) > 0);
                int laterStep = chartStep(driver);
                seen.add("step " + laterStep + ": " + points(driver) + " points");
                assertThat(laterStep).as(String.join(", ", seen)).isGreaterThan(firstStep).isLessThanOrEqualTo(5);
                assertThat(driver.findElement(By.id("chart-title")).getText()).startsWith("I(t) of step " + laterStep + " (ca): CA -0.");
                assertThat(driver.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();

                // the run ends: the stream says so, and the page shows the FE/yield table of the simulated assays
                Waits end = new Waits(driver, Duration.ofSeconds(120));
                end.until(d -> d.findElement(By.id("live")).getText().startsWith("the session has ended (completed)"));
                // the simulated assays are stored just after the session ends: the page reads the table again
                end.until(d -> d.findElements(By.cssSelector("#analysis tbody tr")).size() == 4
                        && d.findElements(By.cssSelector("#analysis tbody tr")).get(0).getText().contains(" ± "));
                List<String> rows = driver.findElements(By.cssSelector("#analysis tbody tr")).stream()
                        .map(e -> e.getText()).toList();
                assertThat(rows.get(0)).startsWith("2 -0.400 300.0");
                assertThat(rows.get(3)).startsWith("5 -0.700 300.0");
                assertThat(driver.findElement(By.id("state")).getText()).isEqualTo("completed");
                assertThat(driver.findElements(By.cssSelector("#steps tbody tr"))).hasSize(5);
                assertThat(points(driver)).isPositive();
                // the FE/yield figure loaded (an image that failed has naturalWidth 0)
                end.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                        "return document.getElementById('fe-yield').naturalWidth")).intValue() > 0);
                ((JavascriptExecutor) driver).executeScript(
                        "document.getElementById('analysis-section').scrollIntoView()");
                screenshot(driver, "status-session-finished.png");
            }
            assertThat(run.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(run.exitValue()).as(new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        } finally {
            if (driver != null) {
                driver.quit();
            }
            if (run.isAlive()) {
                run.destroy();
            }
        }
    }

    /**
     * Waits for what the page shows, polling the DOM; the limits are for a busy machine, far above what a run takes,
     * and only a page that never gets there fails.
     */
    private record Waits(WebDriver driver, Duration limit) {
        void until(Predicate<WebDriver> condition) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            RuntimeException last = null;
            while (System.nanoTime() < deadline) {
                try {
                    if (condition.test(driver)) {
                        return;
                    }
                } catch (RuntimeException notYet) {
                    last = notYet;   // an element not there yet, or replaced while read
                }
                Thread.sleep(200);
            }
            throw new AssertionError("the page did not get there within " + limit + "; it shows: "
                    + driver.findElement(By.tagName("body")).getText(), last);
        }
    }

    private static int points(WebDriver driver) {
        return Integer.parseInt(driver.findElement(By.id("points")).getText().trim());
    }

    private static int chartStep(WebDriver driver) {
        String step = driver.findElement(By.id("chart")).getAttribute("data-step");
        return step == null || step.isEmpty() ? -1 : Integer.parseInt(step);
    }

    /** The id of the run's session once it is in the store (the run creates the file and the row). */
    private static long awaitSession(Path db, Process run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!run.isAlive()) {
                fail("the run ended before its session was seen: " + new String(run.getInputStream().readAllBytes(),
                        StandardCharsets.UTF_8));
            }
            if (Files.exists(db)) {
                try (SessionStore store = SessionStore.open(db)) {
                    if (!store.listing().isEmpty()) {
                        return store.listing().get(0).id();
                    }
                } catch (StoreException notReadyYet) {
                    // the run is still creating the file's tables
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no session appeared in " + db + " within 2 minutes");
    }

    private static void screenshot(WebDriver driver, String name) throws Exception {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
