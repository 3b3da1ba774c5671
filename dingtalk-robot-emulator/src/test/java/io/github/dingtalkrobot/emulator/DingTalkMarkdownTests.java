package io.github.dingtalkrobot.emulator;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DingTalkMarkdown}.
 */
class DingTalkMarkdownTests {

	@Test
	void rendersDingTalksSubset() {
		String html = render("""
				# 告警
				**bold** and *italic*

				> quoted

				- one
				- two

				1. first
				2. second

				[docs](https://example.com/docs) ![chart](https://example.com/chart.png)""");
		assertThat(html).contains("<h1>告警</h1>")
			.contains("<strong>bold</strong>")
			.contains("<em>italic</em>")
			.contains("<blockquote>\n<p>quoted</p>\n</blockquote>")
			.contains("<ul>\n<li>one</li>\n<li>two</li>\n</ul>")
			.contains("<ol>\n<li>first</li>\n<li>second</li>\n</ol>")
			.contains("href=\"https://example.com/docs\"", "target=\"_blank\"", "rel=\"noopener noreferrer\"",
					">docs</a>")
			.contains("<img src=\"https://example.com/chart.png\" alt=\"chart\" />");
	}

	@Test
	void lineBreaksAreKept() {
		assertThat(render("first\nsecond")).isEqualTo("<p>first<br>\nsecond</p>\n");
	}

	@Test
	void fontColorIsTheOnlyHtml() {
		assertThat(render("<font color=\"#FF0000\">red</font> and <font color=green>green</font>"))
			.isEqualTo("<p><font color=\"#FF0000\">red</font> and <font color=\"green\">green</font></p>\n");
	}

	@Test
	void fontWithAnythingButAColorIsText() {
		assertThat(render("<font color=\"red\" onmouseover=\"alert(1)\">x</font>"))
			.isEqualTo("<p>&lt;font color=&quot;red&quot; onmouseover=&quot;alert(1)&quot;&gt;x&lt;/font&gt;</p>\n");
	}

	@Test
	void unclosedFontIsClosedAtTheEnd() {
		assertThat(render("<font color=red>never closed")).endsWith("</p>\n</font>");
	}

	@Test
	void strayClosingFontIsText() {
		assertThat(render("text</font>")).isEqualTo("<p>text&lt;/font&gt;</p>\n");
	}

	@Test
	void scriptAndOtherHtmlAreText() {
		String html = render("<script>alert(1)</script>\n\n<img src=x onerror=alert(2)> <b>bold</b>");
		assertThat(html).doesNotContain("<script", "<img src=x", "<b>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("&lt;img src=x onerror=alert(2)&gt;")
			.contains("&lt;b&gt;bold&lt;/b&gt;");
	}

	@Test
	void javascriptUrlsAreNeutralised() {
		String html = render("[click](javascript:alert(1)) [tab](java\tscript:alert(2)) ![x](javascript:alert(3)) "
				+ "<javascript:alert(4)>");
		assertThat(html).doesNotContainIgnoringCase("href=\"javascript")
			.doesNotContainIgnoringCase("src=\"javascript")
			.contains("href=\"#\" target=\"_blank\">click</a>")
			.contains("<img src=\"\" alt=\"x\" />");
	}

	@Test
	void dingtalkLinksAreKept() {
		assertThat(render("[open](dingtalk://dingtalkclient/page/link?url=x)"))
			.contains("href=\"dingtalk://dingtalkclient/page/link?url=x\"");
	}

	@Test
	void tablesAndCodeBlocksAreText() {
		String html = render("""
				| a | b |
				|---|---|
				| 1 | 2 |

				```
				code
				```

				    indented

				`inline`""");
		assertThat(html).doesNotContain("<table", "<pre", "<code")
			.contains("| a | b |")
			.contains("`code`")
			.contains("indented")
			.contains("`inline`");
	}

	@Test
	void mentionsAreHighlighted() {
		Mentions mentions = new Mentions(List.of("13800000000"), List.of("user-7"), true);
		assertThat(render("hi @13800000000 and @user-7, @所有人", mentions))
			.isEqualTo("<p>hi <span class=\"mention\">@13800000000</span> and <span class=\"mention\">@user-7</span>, "
					+ "<span class=\"mention\">@所有人</span></p>\n");
	}

	private static String render(String markdown) {
		return render(markdown, Mentions.NONE);
	}

	private static String render(String markdown, Mentions mentions) {
		return DingTalkMarkdown.render(markdown, mentions);
	}

}
