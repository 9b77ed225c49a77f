package org.servicedesk.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the machine's packages (chromium, chromium-driver; .ci/run installs
 * them), driven through /usr/bin/chromedriver: nothing is downloaded.
 */
final class Browser implements AutoCloseable {

    static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver");

    static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

    final ChromeDriver driver;

    final WebDriverWait wait;

    private final Path profile;

    /** Name of the photo of the last page, taken on closing (also after a failure); null: none. */
    private final String closingScreenshot;

    Browser() {
        this(null);
    }

    /** A browser that also photographs its last page on closing, as {@code {name}-last.png}. */
    Browser(String name) {
        this.closingScreenshot = name == null ? null : name + "-last";
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        // the page's console (errors, Content-Security-Policy violations) for consoleErrors()
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(40)); // Cockpit's first page load takes a while on 2 cores
    }

    /**
     * Opens {@code path}, logging in on the desk's login page first (password {@code demo}) when the
     * browser has no session yet.
     */
    void loginAndOpen(String baseUrl, String user, String path) {
        driver.get(baseUrl + path);
        if (!driver.getCurrentUrl().contains("/login")) {
            return;
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        if (path.contains("#")) { // the server never saw the fragment, so the login could not return to it
            driver.get(baseUrl + path);
        }
    }

    /** Clicks like a person: the element is scrolled to the middle of the window first. */
    void click(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(element));
        try {
            element.click();
        } catch (ElementClickInterceptedException covered) { // e.g. by a notification the page just showed
            driver.executeScript("arguments[0].click();", element);
        }
    }

    /**
     * Types into a field until the text stays: a form that re-renders (Tasklist does after a claim)
     * would otherwise drop what was typed into its old element.
     */
    void type(By field, String text) {
        wait.until(driver -> {
            try {
                WebElement element = driver.findElement(field);
                if (!text.equals(element.getDomProperty("value"))) {
                    element.clear();
                    element.sendKeys(text);
                }
                return text.equals(driver.findElement(field).getDomProperty("value"));
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException
                    | org.openqa.selenium.ElementNotInteractableException notYet) {
                return false;
            }
        });
    }

    /**
     * Errors the pages wrote to the browser console since the last call, e.g. a blocked script or
     * style; not the browser's own request for a favicon, which we do not have.
     */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).filter(message -> !message.contains("/favicon.ico ")).toList();
    }

    /** Saves what the person sees under target/screenshots/. */
    void screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (closingScreenshot != null) {
                screenshot(closingScreenshot);
            }
        } finally {
            driver.quit();
        }
    }
}
