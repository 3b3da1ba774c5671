package io.github.dingtalkrobot.emulator;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders Markdown as DingTalk does for robot messages: headings, bold, italic, links,
 * pictures, ordered and unordered lists and quotes. Tables, code blocks, inline code and
 * HTML are shown as the text they are, except {@code <font color>}, the one HTML tag
 * DingTalk honours. Link and picture URLs are {@link SafeUrl neutralised}.
 */
final class DingTalkMarkdown {

	// HtmlBlock, code blocks and thematic breaks stay out: their text becomes a paragraph
	private static final Parser parser = Parser.builder()
		.enabledBlockTypes(Set.of(Heading.class, BlockQuote.class, ListBlock.class))
		.build();

	private DingTalkMarkdown() {
	}

	/**
	 * Render a message's Markdown.
	 * @param markdown the Markdown
	 * @param mentions the people the message mentions, highlighted in the text
	 * @return the HTML
	 */
	static String render(String markdown, Mentions mentions) {
		HtmlRenderer renderer = HtmlRenderer.builder()
			.escapeHtml(true)
			.sanitizeUrls(true)
			.urlSanitizer(SafeUrl.INSTANCE)
			.softbreak("<br>\n")
			.attributeProviderFactory((context) -> DingTalkMarkdown::openLinksInANewTab)
			.nodeRendererFactory((context) -> new DingTalkNodeRenderer(context.getWriter(), mentions))
			.build();
		return renderer.render(parser.parse(markdown));
	}

	private static void openLinksInANewTab(Node node, String tagName, java.util.Map<String, String> attributes) {
		if (node instanceof Link) {
			attributes.put("target", "_blank");
			attributes.put("rel", "noopener noreferrer");
		}
	}

	/**
	 * Renders the nodes where DingTalk differs from CommonMark, keeping {@code <font>}
	 * tags balanced so that a message's colour cannot leak into the page.
	 */
	private static final class DingTalkNodeRenderer implements NodeRenderer {

		private static final Pattern FONT_OPEN = Pattern
			.compile("(?i)<font\\s+color\\s*=\\s*([\"']?)(#[0-9a-f]{3,8}|[a-z]{1,20})\\1\\s*>");

		private static final Pattern FONT_CLOSE = Pattern.compile("(?i)</font\\s*>");

		private final HtmlWriter html;

		private final Mentions mentions;

		private int openFonts;

		DingTalkNodeRenderer(HtmlWriter html, Mentions mentions) {
			this.html = html;
			this.mentions = mentions;
		}

		@Override
		public Set<Class<? extends Node>> getNodeTypes() {
			return Set.of(Text.class, Code.class, HtmlInline.class);
		}

		@Override
		public void render(Node node) {
			if (node instanceof Text text) {
				this.html.raw(HtmlText.withMentions(text.getLiteral(), this.mentions));
			}
			else if (node instanceof Code code) {
				this.html.text("`" + code.getLiteral() + "`");
			}
			else if (node instanceof HtmlInline inline) {
				renderHtml(inline.getLiteral());
			}
		}

		private void renderHtml(String literal) {
			Matcher open = FONT_OPEN.matcher(literal);
			if (open.matches()) {
				this.html.raw("<font color=\"" + HtmlText.escape(open.group(2)) + "\">");
				this.openFonts++;
			}
			else if (FONT_CLOSE.matcher(literal).matches() && this.openFonts > 0) {
				this.html.raw("</font>");
				this.openFonts--;
			}
			else {
				this.html.text(literal);
			}
		}

		@Override
		public void afterRoot(Node node) {
			this.html.raw("</font>".repeat(this.openFonts));
			this.openFonts = 0;
		}

	}

}
