package io.github.dingtalkrobot.emulator;

import java.io.File;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that {@link InboxBrowserTests} are skipped, saying why, without Chromium.
 */
class InboxBrowserAssumptionTests {

	@Test
	void missingBrowserSkipsTheBrowserTestsSayingWhy() {
		File missing = new File("/nonexistent/chromium");
		assertThatExceptionOfType(TestAbortedException.class)
			.isThrownBy(() -> InboxBrowserTests.assumeBrowser(missing, InboxBrowserTests.CHROMEDRIVER))
			.withMessageContaining("Chromium and its driver are not installed (/nonexistent/chromium, ")
			.withMessageContaining("apt-get install chromium chromium-driver");
	}

}
