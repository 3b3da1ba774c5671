package io.github.dingtalkrobot.emulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SafeUrl}.
 */
class SafeUrlTests {

	@Test
	void linksKeepTheSchemesDingTalkOpens() {
		assertThat(SafeUrl.link("https://example.com/a?b=c")).isEqualTo("https://example.com/a?b=c");
		assertThat(SafeUrl.link("HTTP://example.com")).isEqualTo("HTTP://example.com");
		assertThat(SafeUrl.link("dingtalk://dingtalkclient/page/link?url=x")).startsWith("dingtalk://");
		assertThat(SafeUrl.link("mailto:ops@example.com")).isEqualTo("mailto:ops@example.com");
	}

	@Test
	void scriptUrlsBecomeHarmless() {
		assertThat(SafeUrl.link("javascript:alert(1)")).isEqualTo("#");
		assertThat(SafeUrl.link(" JavaScript:alert(1)")).isEqualTo("#");
		assertThat(SafeUrl.link("java\nscript:alert(1)")).isEqualTo("#");
		assertThat(SafeUrl.link("vbscript:msgbox")).isEqualTo("#");
		assertThat(SafeUrl.link("data:text/html,<script>alert(1)</script>")).isEqualTo("#");
		assertThat(SafeUrl.link(null)).isEqualTo("#");
	}

	@Test
	void picturesAreOnlyHttp() {
		assertThat(SafeUrl.image("https://example.com/a.png")).isEqualTo("https://example.com/a.png");
		assertThat(SafeUrl.image("javascript:alert(1)")).isEmpty();
		assertThat(SafeUrl.image("dingtalk://x")).isEmpty();
	}

	@Test
	void relativeUrlsAreKept() {
		assertThat(SafeUrl.link("/robot/send?x=javascript:1")).isEqualTo("/robot/send?x=javascript:1");
		assertThat(SafeUrl.image("chart.png")).isEqualTo("chart.png");
	}

}
