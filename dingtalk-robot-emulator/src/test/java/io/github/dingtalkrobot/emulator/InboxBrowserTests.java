package io.github.dingtalkrobot.emulator;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for the inbox page in a real browser: Debian's headless Chromium, driven through
 * {@code /usr/bin/chromedriver} (Selenium Manager never runs). Skipped, saying why, where
 * they are not installed.
 */
class InboxBrowserTests {

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private static final Path SCREENSHOT = Path.of("target", "inbox-page.png");

	// Selenium warns through java.util.logging that it has no DevTools for this Chromium;
	// the tests do not use DevTools. A strong reference keeps the level set.
	private static final Logger seleniumLogger = Logger.getLogger("org.openqa.selenium");

	static {
		seleniumLogger.setLevel(Level.SEVERE);
	}

	private final DingTalkEmulator emulator = DingTalkEmulator.builder().build();

	private HttpServer pictures;

	private ChromeDriver browser;

	@BeforeEach
	void startBrowser() throws IOException {
		assumeBrowser(CHROMIUM, CHROMEDRIVER);
		System.setProperty("SE_OFFLINE", "true");
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.getPath());
		this.emulator.registerRobot("ops", "token-ops");
		this.emulator.registerRobot("deploy", "token-deploy").keywords("发布");
		this.emulator.start();
		this.pictures = servePictures();
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--window-size=900,1300", "--hide-scrollbars");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void stop() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.pictures != null) {
			this.pictures.stop(0);
		}
		this.emulator.close();
	}

	@Test
	void inboxShowsEveryMessageTypeAsDingTalkDoesAndRunsNoInjectedScript() throws IOException {
		sendOneOfEachType();
		this.browser.get(this.emulator.inboxUrl());

		List<WebElement> messages = this.browser.findElements(By.cssSelector("article.message"));
		assertThat(messages).hasSize(6);
		assertThat(messages.get(0).getText()).contains("Deploy 1.4.0 to production?")
			.contains("errcode 310000 keywords not in content");
		assertThat(messages.get(messages.size() - 1).getText()).startsWith("ops").contains("Disk almost full");

		WebElement text = this.browser.findElement(By.cssSelector(".text"));
		assertThat(text.getText()).contains("<script>window.injected = 'text'</script>");
		assertThat(this.browser.findElements(By.cssSelector(".mention"))).extracting(WebElement::getText)
			.contains("@13800000000", "@所有人");

		// Newest first: the markdown message is the second sent
		WebElement markdown = messages.get(4).findElement(By.cssSelector(".markdown"));
		assertThat(markdown.findElement(By.tagName("h3")).getText()).isEqualTo("CPU alert");
		assertThat(markdown.findElement(By.tagName("font")).getAttribute("color")).isEqualTo("#d93026");
		assertThat(markdown.findElement(By.linkText("dashboard")).getAttribute("href"))
			.isEqualTo("https://grafana.example.com/d/cpu");
		assertThat(markdown.findElement(By.linkText("details")).getAttribute("href")).doesNotContain("javascript");
		assertThat(markdown.getText()).contains("<img src=x onerror=\"window.injected = 'markdown'\">");

		assertThat(this.browser.findElements(By.cssSelector(".buttons.horizontal .button")))
			.extracting(WebElement::getText)
			.containsExactly("Approve", "Reject");
		assertThat(this.browser.findElements(By.cssSelector(".buttons.vertical .button")))
			.extracting(WebElement::getText)
			.containsExactly("Roll back", "View logs");

		assertThat(this.browser.findElement(By.cssSelector(".link-title")).getText())
			.isEqualTo("<b>Release notes</b> 1.4.0");
		assertThat(this.browser.findElements(By.cssSelector(".feed-item .feed-title"))).extracting(WebElement::getText)
			.containsExactly("Weekly report", "On-call handover");
		assertThat(this.browser.findElements(By.tagName("img"))).extracting((image) -> image.getAttribute("src"))
			.containsExactlyInAnyOrder(picture("link.png"), picture("feed-1.png"), picture("feed-2.png"));

		assertThat(injected()).isNull();
		Files.createDirectories(SCREENSHOT.getParent());
		Files.copy(this.browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT,
				StandardCopyOption.REPLACE_EXISTING);
		assertThat(SCREENSHOT).isNotEmptyFile();
	}

	@Test
	void newMessageAppearsWithoutAReloadAndClearEmptiesTheInbox() {
		post("ops", text("First message", ""));
		this.browser.get(this.emulator.inboxUrl());
		assertThat(this.browser.findElements(By.cssSelector("article.message"))).hasSize(1);
		this.browser.executeScript("window.sameDocument = 'yes'");

		post("ops", text("Second message <script>window.injected = 'late'</script>", ""));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.browser.findElements(By.cssSelector("article.message"))).first()
				.extracting(WebElement::getText)
				.asString()
				.contains("Second message <script>"));
		assertThat(this.browser.executeScript("return window.sameDocument")).isEqualTo("yes");
		assertThat(injected()).isNull();

		this.browser.findElement(By.id("clear")).click();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.browser.findElements(By.cssSelector("article.message"))).isEmpty());
		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void robotFilterShowsOneRobotsMessages() {
		post("ops", text("For ops", ""));
		post("deploy", text("发布 for deploy", ""));
		this.browser.get(this.emulator.inboxUrl());
		this.browser.findElement(By.partialLinkText("deploy")).click();
		assertThat(this.browser.getCurrentUrl()).endsWith("/?robot=deploy");
		assertThat(this.browser.findElements(By.cssSelector("article.message"))).singleElement()
			.extracting(WebElement::getText)
			.asString()
			.contains("发布 for deploy");
	}

	static void assumeBrowser(File chromium, File chromedriver) {
		assumeTrue(chromium.canExecute() && chromedriver.canExecute(),
				() -> "Chromium and its driver are not installed (" + chromium + ", " + chromedriver
						+ "): the inbox page was not tested in a browser. "
						+ "Install them with: apt-get install chromium chromium-driver");
	}

	private void sendOneOfEachType() {
		post("ops", text("Disk almost full on db-1 <script>window.injected = 'text'</script> @13800000000",
				",\"at\":{\"atMobiles\":[\"13800000000\"],\"isAtAll\":true}"));
		post("ops",
				"""
						{"msgtype":"markdown","markdown":{"title":"CPU alert <script>window.injected = 'title'</script>",
						 "text":"### CPU alert\\n> host **web-3**: <font color=\\"#d93026\\">97%</font>\\n\\n- [dashboard](https://grafana.example.com/d/cpu)\\n- [details](javascript:window.injected='link')\\n\\n<img src=x onerror=\\"window.injected = 'markdown'\\">"}}""");
		post("ops", """
				{"msgtype":"link","link":{"title":"<b>Release notes</b> 1.4.0","text":"What changed in 1.4.0",
				 "messageUrl":"https://example.com/releases/1.4.0","picUrl":"%s"}}""".formatted(picture("link.png")));
		post("ops", """
				{"msgtype":"feedCard","feedCard":{"links":[
				 {"title":"Weekly report","messageURL":"https://example.com/weekly","picURL":"%s"},
				 {"title":"On-call handover","messageURL":"https://example.com/on-call","picURL":"%s"}]}}"""
			.formatted(picture("feed-1.png"), picture("feed-2.png")));
		post("deploy", """
				{"msgtype":"actionCard","actionCard":{"title":"发布 failed","text":"#### 发布 1.4.0 failed\\nOn **web-3**",
				 "btns":[{"title":"Roll back","actionURL":"https://example.com/rollback"},
				         {"title":"View logs","actionURL":"https://example.com/logs"}]}}""");
		post("deploy", """
				{"msgtype":"actionCard","actionCard":{"title":"Approve","text":"Deploy 1.4.0 to production?",
				 "btnOrientation":"1","btns":[{"title":"Approve","actionURL":"https://example.com/approve"},
				 {"title":"Reject","actionURL":"javascript:window.injected='button'"}]}}""");
	}

	private Object injected() {
		return ((JavascriptExecutor) this.browser).executeScript("return window.injected");
	}

	private void post(String robot, String json) {
		WebhookClient.post(this.emulator.robot(robot).webhook(), json);
	}

	private static String text(String content, String at) {
		return "{\"msgtype\":\"text\",\"text\":{\"content\":\"" + content + "\"}" + at + "}";
	}

	private String picture(String name) {
		return "http://127.0.0.1:" + this.pictures.getAddress().getPort() + "/" + name;
	}

	private static HttpServer servePictures() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		byte[] png = gradient();
		server.createContext("/", (exchange) -> {
			try (exchange) {
				exchange.getResponseHeaders().set("Content-Type", "image/png");
				exchange.sendResponseHeaders(200, png.length);
				exchange.getResponseBody().write(png);
			}
		});
		server.start();
		return server;
	}

	private static byte[] gradient() {
		BufferedImage image = new BufferedImage(480, 200, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setPaint(new GradientPaint(0, 0, new Color(0x33, 0x70, 0xff), 480, 200, new Color(0x7f, 0xd3, 0xc4)));
		graphics.fillRect(0, 0, 480, 200);
		graphics.dispose();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

}
