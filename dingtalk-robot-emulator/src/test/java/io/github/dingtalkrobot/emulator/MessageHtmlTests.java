package io.github.dingtalkrobot.emulator;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MessageHtml}, rendering requests sent to an emulator over HTTP.
 */
class MessageHtmlTests {

	@AutoClose
	final DingTalkEmulator emulator = DingTalkEmulator.builder().build().start();

	private final EmulatedRobot ops = this.emulator.registerRobot("ops", "token-ops");

	@Test
	void textMessageIsEscapedWithItsMentionsHighlighted() {
		String html = send("""
				{"msgtype":"text","text":{"content":"disk full <script>alert(1)</script> @13800000000"},
				 "at":{"atMobiles":["13800000000"],"isAtAll":true}}""");
		assertThat(html).startsWith("<article class=\"message delivered\" data-sequence=\"1\">")
			.contains("<span class=\"robot\">ops</span><span class=\"msgtype\">text</span>")
			.contains("<div class=\"text\">disk full &lt;script&gt;alert(1)&lt;/script&gt; "
					+ "<span class=\"mention\">@13800000000</span></div>")
			.contains("<div class=\"mentions\"><span class=\"mention\">@13800000000</span> "
					+ "<span class=\"mention\">@所有人</span></div>")
			.contains("<footer class=\"answer\">errcode <b>0</b> ok</footer>")
			.doesNotContain("<script");
	}

	@Test
	void markdownMessageShowsItsTitleEscapedAndItsTextRendered() {
		String html = send("""
				{"msgtype":"markdown","markdown":{"title":"<img src=x onerror=alert(1)>",
				 "text":"### Deploy\\n**done** [log](javascript:alert(2))"}}""");
		assertThat(html).contains("<div class=\"title\">&lt;img src=x onerror=alert(1)&gt;</div>")
			.contains("<h3>Deploy</h3>")
			.contains("<strong>done</strong>")
			.contains("href=\"#\" target=\"_blank\">log</a>")
			.doesNotContain("<img src=x", "javascript:");
	}

	@Test
	void linkMessageIsACardWithItsPicture() {
		String html = send(
				"""
						{"msgtype":"link","link":{"title":"Release \\"1.0\\"","text":"notes","messageUrl":"https://example.com/r",
						 "picUrl":"https://example.com/p.png"}}""");
		assertThat(html).contains("<a class=\"link-card\" href=\"https://example.com/r\" target=\"_blank\" "
				+ "rel=\"noopener noreferrer\"><div class=\"link-title\">Release &quot;1.0&quot;</div>"
				+ "<div class=\"link-body\"><p>notes</p><img src=\"https://example.com/p.png\" alt=\"\" "
				+ "loading=\"lazy\"></div></a>");
	}

	@Test
	void linkWithAScriptUrlAndPictureIsNeutralised() {
		String html = send("""
				{"msgtype":"link","link":{"title":"t","text":"x","messageUrl":"javascript:alert(1)",
				 "picUrl":"javascript:alert(2)"}}""");
		assertThat(html).contains("<a class=\"link-card\" href=\"#\"").doesNotContain("javascript:", "<img");
	}

	@Test
	void actionCardWithIndependentButtonsSideBySide() {
		String html = send("""
				{"msgtype":"actionCard","actionCard":{"title":"Approve?","text":"**Deploy** 1.2","btnOrientation":"1",
				 "btns":[{"title":"Yes","actionURL":"https://example.com/yes"},
				         {"title":"<b>No</b>","actionURL":"javascript:alert(1)"}]}}""");
		assertThat(html).contains("<div class=\"title\">Approve?</div>")
			.contains("<strong>Deploy</strong>")
			.contains("<div class=\"buttons horizontal\"><a class=\"button\" href=\"https://example.com/yes\" "
					+ "target=\"_blank\" rel=\"noopener noreferrer\">Yes</a><a class=\"button\" href=\"#\" "
					+ "target=\"_blank\" rel=\"noopener noreferrer\">&lt;b&gt;No&lt;/b&gt;</a></div>");
	}

	@Test
	void actionCardButtonsAreStackedByDefault() {
		String html = send(
				"""
						{"msgtype":"actionCard","actionCard":{"title":"t","text":"x",
						 "btns":[{"title":"A","actionURL":"https://example.com/a"},{"title":"B","actionURL":"https://example.com/b"}]}}""");
		assertThat(html).contains("<div class=\"buttons vertical\">");
	}

	@Test
	void actionCardWithAWholeCardButtonShowsOnlyIt() {
		String html = send(
				"""
						{"msgtype":"actionCard","actionCard":{"title":"t","text":"x","singleTitle":"Read more",
						 "singleURL":"https://example.com/more","btns":[{"title":"Ignored","actionURL":"https://example.com/i"}]}}""");
		assertThat(html).contains(">Read more</a>").doesNotContain("Ignored");
	}

	@Test
	void feedCardShowsEveryLinkWithItsPicture() {
		String html = send(
				"""
						{"msgtype":"feedCard","feedCard":{"links":[
						 {"title":"First","messageURL":"https://example.com/1","picURL":"https://example.com/1.png"},
						 {"title":"<i>Second</i>","messageURL":"https://example.com/2","picURL":"https://example.com/2.png"}]}}""");
		assertThat(html).contains("<div class=\"feed-card\"><a class=\"feed-item\" href=\"https://example.com/1\"")
			.contains("<span class=\"feed-title\">First</span><img src=\"https://example.com/1.png\"")
			.contains("<span class=\"feed-title\">&lt;i&gt;Second&lt;/i&gt;</span>")
			.contains("<img src=\"https://example.com/2.png\"");
	}

	@Test
	void refusedMessageShowsWhy() {
		this.ops.keywords("告警");
		String html = send("{\"msgtype\":\"text\",\"text\":{\"content\":\"hello\"}}");
		assertThat(html).startsWith("<article class=\"message refused\"")
			.contains("<footer class=\"answer\">errcode <b>310000</b> keywords not in content</footer>");
	}

	@Test
	void bodyThatIsNoMessageIsShownAsEscapedText() {
		String html = send("{\"msgtype\":\"<script>alert(1)</script>\"}");
		assertThat(html).contains("<span class=\"msgtype\">&lt;script&gt;alert(1)&lt;/script&gt;</span>")
			.contains("<pre class=\"raw\">{&quot;msgtype&quot;:&quot;&lt;script&gt;")
			.contains("errcode <b>400105</b>")
			.doesNotContain("<script");
	}

	@Test
	void injectedFaultIsShownWithTheAnswer() {
		this.ops.failNext(1).withHttpStatus(503);
		String html = send("{\"msgtype\":\"text\",\"text\":{\"content\":\"hi\"}}");
		assertThat(html).contains("<footer class=\"answer\">HTTP 503 <span class=\"fault\">injected fault: "
				+ "HTTP_STATUS</span></footer>");
	}

	@Test
	void unknownAccessTokenIsShownWithoutTheToken() {
		WebhookClient.post(this.emulator.webhook("secret-token"),
				"{\"msgtype\":\"text\",\"text\":{\"content\":\"hi\"}}");
		String html = MessageHtml.render(this.emulator.requests().get(0));
		assertThat(html).contains("<span class=\"robot\">unknown access token</span>")
			.contains("errcode <b>300001</b>")
			.doesNotContain("secret-token");
	}

	private String send(String json) {
		WebhookClient.post(this.ops.webhook(), json);
		return MessageHtml.render(this.ops.requests().get(this.ops.requests().size() - 1));
	}

}
