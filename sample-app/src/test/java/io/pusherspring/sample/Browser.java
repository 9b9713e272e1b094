package io.pusherspring.sample;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.fail;

/**
 * One signed-in user's page in headless Chromium, driven by Selenium with Debian's
 * {@code chromium} and {@code chromium-driver}. Without them the test is skipped on a
 * developer's machine and fails under CI (the {@code CI} environment variable is set),
 * where {@code .ci/run} installs them.
 */
final class Browser implements AutoCloseable {

	static final Duration TIMEOUT = Duration.ofSeconds(15);

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final String name;

	private final Path profile;

	private final ChromeDriver driver;

	private Browser(String name, Path profile, ChromeDriver driver) {
		this.name = name;
		this.profile = profile;
		this.driver = driver;
	}

	/**
	 * Open the classroom page as a user.
	 * @param baseUrl the application, such as {@code http://localhost:8080}
	 * @param user the user name
	 * @param password the password
	 * @return the signed-in page, once its connection is up
	 */
	static Browser signIn(String baseUrl, String user, String password) throws IOException {
		Browser browser = open(baseUrl + "/login", user);
		try {
			browser.submitSignIn(user, password);
			browser.waitUntilConnected();
			return browser;
		}
		catch (RuntimeException ex) {
			browser.close();
			throw ex;
		}
	}

	/**
	 * Open a page without signing in.
	 * @param url the page
	 * @param name who looks at it, for the screenshots' names
	 * @return the page
	 */
	static Browser open(String url, String name) throws IOException {
		requireChromium();
		Path profile = Files.createTempDirectory("chromium-" + name);
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--window-size=1280,960", "--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		Browser browser = new Browser(name, profile, new ChromeDriver(service, options));
		try {
			browser.driver.get(url);
			return browser;
		}
		catch (RuntimeException ex) {
			browser.close();
			throw ex;
		}
	}

	/**
	 * Fill in the sign-in page's form and send it.
	 * @param user the user name
	 * @param password the password
	 */
	void submitSignIn(String user, String password) {
		element("username").sendKeys(user);
		element("password").sendKeys(password);
		this.driver.findElement(By.cssSelector("button[type=submit]")).click();
	}

	String text(String id) {
		return element(id).getText();
	}

	/**
	 * The texts of the elements a selector matches, read in one step, so that a list the
	 * page renders again meanwhile cannot leave a stale element behind.
	 * @param cssSelector the selector
	 * @return the texts, in document order
	 */
	List<String> texts(String cssSelector) {
		return strings(
				script("return Array.from(document.querySelectorAll(arguments[0]), (e) => e.innerText)", cssSelector));
	}

	/**
	 * A {@code data-} attribute of the elements a selector matches, read in one step.
	 * @param cssSelector the selector
	 * @param name the attribute's name in camel case, as {@code dataset} has it
	 * @return the values, in document order
	 */
	List<String> dataset(String cssSelector, String name) {
		return strings(
				script("return Array.from(document.querySelectorAll(arguments[0]), (e) => e.dataset[arguments[1]])",
						cssSelector, name));
	}

	void type(String id, String text) {
		WebElement element = element(id);
		element.clear();
		element.sendKeys(text);
	}

	void click(String id) {
		element(id).click();
	}

	boolean isDisplayed(String id) {
		return element(id).isDisplayed();
	}

	boolean isEnabled(String id) {
		return element(id).isEnabled();
	}

	/**
	 * The texts of the elements a selector matches that are displayed.
	 * @param cssSelector the selector
	 * @return the texts, in document order
	 */
	List<String> displayedTexts(String cssSelector) {
		return this.driver.findElements(By.cssSelector(cssSelector))
			.stream()
			.filter(WebElement::isDisplayed)
			.map(WebElement::getText)
			.toList();
	}

	void waitForText(String id, String text) {
		waitUntil("#" + id + " to contain '" + text + "'", (driver) -> text(id).contains(text));
	}

	// exactly: "disconnected" contains "connected"
	void waitUntilConnected() {
		waitUntil("#connection-state to read 'connected'", (driver) -> "connected".equals(text("connection-state")));
	}

	void waitUntil(String what, ExpectedCondition<Boolean> condition) {
		try {
			new WebDriverWait(this.driver, TIMEOUT, Duration.ofMillis(50)).withMessage(this.name + ": " + what)
				.until(condition);
		}
		catch (RuntimeException ex) {
			screenshot("failed");
			throw ex;
		}
	}

	/**
	 * Record every text an element shows from now on, also one the page replaces within
	 * the same task, which polling would miss. A later call starts a new record.
	 * @param id the element's id
	 */
	void record(String id) {
		script("""
				const texts = (window.recorded ??= {})[arguments[0]] = [];
				new MutationObserver((changes) => changes.forEach((change) => change.addedNodes.forEach((node) => texts.push(node.textContent))))
					.observe(document.getElementById(arguments[0]), { childList: true, characterData: true, subtree: true });
				""",
				id);
	}

	/**
	 * The texts an element has shown since {@link #record(String)}.
	 * @param id the element's id
	 * @return the texts, in order
	 */
	List<String> recorded(String id) {
		return strings(script("return window.recorded[arguments[0]]", id));
	}

	Object script(String script, Object... arguments) {
		return this.driver.executeScript(script, arguments);
	}

	private static List<String> strings(Object list) {
		return ((List<?>) list).stream().map(String::valueOf).toList();
	}

	/**
	 * Save a screenshot as {@code target/screenshots/{scenario}-{user}.png}.
	 * @param scenario the scenario's name
	 * @return the file
	 */
	Path screenshot(String scenario) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(scenario + "-" + this.name + ".png");
			Files.copy(this.driver.getScreenshotAs(OutputType.FILE).toPath(), file,
					StandardCopyOption.REPLACE_EXISTING);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	WebDriver driver() {
		return this.driver;
	}

	private WebElement element(String id) {
		return this.driver.findElement(By.id(id));
	}

	@Override
	public void close() throws IOException {
		try {
			this.driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.profile);
		}
	}

	private static void requireChromium() {
		if (CHROMIUM.canExecute() && CHROMEDRIVER.canExecute()) {
			return;
		}
		String message = "The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
				+ " (Debian: apt-get install chromium chromium-driver)";
		if (System.getenv("CI") != null) {
			fail(message + "; under CI they are required, and .ci/run installs them");
		}
		Assumptions.abort(message + "; skipped outside CI");
	}

}
