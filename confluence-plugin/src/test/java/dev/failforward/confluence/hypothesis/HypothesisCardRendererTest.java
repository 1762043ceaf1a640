package dev.failforward.confluence.hypothesis;

import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.host.templates.VelocityTemplateRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Renders the real template with Apache Velocity 1.7 and the plugin's real i18n bundles. */
class HypothesisCardRendererTest {

    static final BundleI18nResolver I18N = BundleI18nResolver.fromClasspath(Locale.ENGLISH,
            "i18n/failforward-confluence.properties", "dev/failforward/core/i18n/failforward-core.properties");

    private final HypothesisCardRenderer renderer = new HypothesisCardRenderer(new VelocityTemplateRenderer(), I18N);

    private Document render(String text) {
        return Jsoup.parseBodyFragment(renderer.render(text));
    }

    @Test
    void showsThePartsOfACompleteHypothesis() {
        Document html = render("If we add a pre-deploy checklist, then deploy failures drop below 2 per month"
                + " because most failed deploys skipped a manual step");
        Element card = html.selectFirst(".ff-hypothesis-card");
        assertThat(card).isNotNull();
        assertThat(card.hasClass("ff-state-ok")).isTrue();
        assertThat(card.attr("data-form")).isEqualTo("IF_THEN");
        assertThat(html.select(".ff-card-title").text()).isEqualTo("Hypothesis");
        assertThat(html.select(".ff-card-parts dt").eachText())
                .containsExactly("If (what we change)", "Then (what we expect)", "Because");
        assertThat(html.select(".ff-card-parts dd").eachText()).containsExactly(
                "we add a pre-deploy checklist", "deploy failures drop below 2 per month",
                "most failed deploys skipped a manual step");
        assertThat(html.select(".ff-card-ok").text()).isEqualTo("Ready: the hypothesis is testable.");
        assertThat(html.select(".ff-finding")).isEmpty();
    }

    @Test
    void marksAMissingRationaleAsASuggestion() {
        Document html = render("If we add a checklist, then deploy failures drop below 2 per month");
        assertThat(html.selectFirst(".ff-hypothesis-card").hasClass("ff-state-warning")).isTrue();
        assertThat(html.select(".ff-card-parts dd.ff-missing").eachText()).containsExactly("-");
        Element finding = html.selectFirst(".ff-finding");
        assertThat(finding.attr("data-code")).isEqualTo("rationale.missing");
        assertThat(finding.hasClass("ff-warning")).isTrue();
        assertThat(finding.text()).startsWith("Suggestion: Add why you believe it");
    }

    @Test
    void listsErrorsOfAnUntestableHypothesis() {
        Document html = render("Let's try the new pricing page");
        assertThat(html.selectFirst(".ff-hypothesis-card").hasClass("ff-state-error")).isTrue();
        assertThat(html.select(".ff-finding").eachAttr("data-code")).contains("form.unrecognised");
        assertThat(html.select(".ff-finding.ff-error").text()).contains("Error: Write the hypothesis as");
    }

    @Test
    void escapesUserTextEverywhere() {
        String evil = "If we <script>alert('x')</script> & \"quote\", then errors drop below 2 per month";
        String raw = renderer.render(evil);
        assertThat(raw).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quote&quot;");
        assertThat(Jsoup.parseBodyFragment(raw).select("script")).isEmpty();
    }

    @Test
    void anEmptyBodyAsksForAHypothesis() {
        Document html = render(null);
        assertThat(html.select(".ff-finding").eachAttr("data-code")).containsExactly("empty");
    }

    @Test
    void anOverlongBodyIsReportedNotChecked() {
        Document html = render("If we try, then errors drop 5% ".repeat(100));
        assertThat(html.select(".ff-card-parts")).isEmpty();
        assertThat(html.select(".ff-finding").eachAttr("data-code")).containsExactly("text.toolong");
        assertThat(html.select(".ff-finding").text())
                .isEqualTo("Error: The hypothesis is longer than 2,000 characters; shorten it to check it.");
    }
}
