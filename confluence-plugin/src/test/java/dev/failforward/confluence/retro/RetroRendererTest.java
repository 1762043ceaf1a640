package dev.failforward.confluence.retro;

import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.host.templates.VelocityTemplateRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Renders the real retro template with Apache Velocity 1.7 and the plugin's real i18n bundles. */
class RetroRendererTest {

    static final BundleI18nResolver I18N = BundleI18nResolver.fromClasspath(Locale.ENGLISH,
            "i18n/failforward-confluence.properties", "dev/failforward/core/i18n/failforward-core.properties");

    private final RetroRenderer renderer = new RetroRenderer(new VelocityTemplateRenderer(), I18N);

    private String raw(Map<String, String> parameters, String body) {
        return renderer.render(RetroParameters.parse(parameters), body, true);
    }

    private Document render(Map<String, String> parameters, String body) {
        return Jsoup.parseBodyFragment(raw(parameters, body));
    }

    @Test
    void anExperimentRetroAsksTheFourQuestionsAroundTheBody() {
        Document html = render(Map.of("issue", "ops-42", "template", "experiment-retro"), "<p>Our <strong>notes</strong></p>");
        Element retro = html.selectFirst(".ff-retro");
        assertThat(retro.attr("data-template")).isEqualTo("experiment-retro");
        assertThat(retro.attr("data-issue-key")).isEqualTo("OPS-42");
        assertThat(retro.attr("data-editable")).isEqualTo("true");
        assertThat(html.select(".ff-retro-title").text()).isEqualTo("Experiment retro");
        assertThat(html.select(".ff-retro-section").eachAttr("data-section"))
                .containsExactly("hypothesis", "data", "next-iteration", "surprises");
        assertThat(html.select(".ff-retro-section-prompt").eachText()).containsExactly(
                "What hypothesis were we testing?", "What specific data did this failure give us?",
                "How can we use it in the next iteration?", "What surprised us?");
        assertThat(html.select(".ff-retro-body strong").text()).isEqualTo("notes");
    }

    @Test
    void theHeaderIsAPlaceholderTheBrowserFills() {
        Document html = render(Map.of("issue", "OPS-42"), "");
        Element header = html.selectFirst(".ff-retro-header");
        assertThat(header.attr("data-issue-key")).isEqualTo("OPS-42");
        assertThat(header.select(".ff-retro-header-loading").text()).isEqualTo("Loading OPS-42 from Jira...");
        assertThat(raw(Map.of("issue", "OPS-42"), "")).contains("<noscript>")
                .contains("This retro is about the Jira issue OPS-42.");
    }

    @Test
    void withoutAnIssueThereIsNoHeaderAndTheDefaultTemplate() {
        Document html = render(Map.of(), "<p>x</p>");
        assertThat(html.select(".ff-retro-header")).isEmpty();
        assertThat(html.selectFirst(".ff-retro").hasAttr("data-issue-key")).isFalse();
        assertThat(html.selectFirst(".ff-retro").attr("data-template")).isEqualTo("experiment-retro");
    }

    @Test
    void thePostMortemSeparatesFactsFromInterpretations() {
        Document html = render(Map.of("template", "incident-postmortem"), "");
        assertThat(html.select(".ff-retro-title").text()).isEqualTo("Incident post-mortem");
        assertThat(html.select(".ff-retro-section").eachAttr("data-section")).containsExactly("timeline",
                "interpretations", "contributing-factors", "whys", "learnings", "next-steps", "action-items");
        assertThat(html.select(".ff-retro-section-heading").eachText()).contains("Three learnings", "Two next steps");
        assertThat(html.select("[data-section=action-items] .ff-retro-section-prompt").text()).contains("owner and a due date");
    }

    @Test
    void theReviewAndTheHuddleHaveTheirSections() {
        assertThat(render(Map.of("template", "24-hour-review"), "").select(".ff-retro-section-heading").eachText())
                .containsExactly("What we know", "First learnings", "First next steps");
        Document huddle = render(Map.of("template", "FAILURE-HUDDLE"), "");
        assertThat(huddle.select(".ff-retro-title").text()).isEqualTo("Failure huddle (15 minutes)");
        assertThat(huddle.select(".ff-retro-section-heading").eachText())
                .containsExactly("What did not work", "Why it mattered", "One tweak");
    }

    @ParameterizedTest
    @EnumSource(RetroTemplate.class)
    void everyPromptAndHeadingIsInTheBundle(RetroTemplate template) {
        assertThat(I18N.hasKey(template.titleKey())).isTrue();
        for (RetroTemplate.Section section : template.sections()) {
            assertThat(I18N.hasKey(section.headingKey())).as(section.headingKey()).isTrue();
            assertThat(I18N.hasKey(section.promptKey())).as(section.promptKey()).isTrue();
        }
        assertThat(RetroTemplate.fromId(template.id())).contains(template);
    }

    @Test
    void aBadIssueKeyIsAnErrorNamingTheParameterAndTheBodyStays() {
        Document html = render(Map.of("issue", "not a key"), "<p>team notes</p>");
        Element error = html.selectFirst(".aui-message.aui-message-error");
        assertThat(error.attr("data-parameter")).isEqualTo("issue");
        assertThat(error.text()).contains("\"issue\"").contains("not a key");
        assertThat(html.select(".ff-retro-header")).isEmpty();
        assertThat(html.select(".ff-retro-body").text()).isEqualTo("team notes");
    }

    @Test
    void aHuddleWithTheTeamsProjectsGetsTheBoardTheBrowserFills() {
        Document html = render(Map.of("template", "failure-huddle", "projects", " ops, care ,ops"), "<p>agenda</p>");
        Element board = html.selectFirst(".ff-retro .ff-huddle-board");
        assertThat(board.attr("data-projects")).as("upper case, each once, in order").isEqualTo("OPS,CARE");
        assertThat(board.attr("data-state")).isEqualTo("loading");
        assertThat(board.select(".ff-huddle-board-loading").text()).isEqualTo("Preparing the huddle of OPS, CARE from Jira...");
        assertThat(raw(Map.of("template", "failure-huddle", "projects", "OPS"), "")).contains("<noscript>")
                .contains("This huddle is prepared from Jira for OPS.");
        assertThat(html.select(".ff-retro-section").eachAttr("data-section"))
                .containsExactly("did-not-work", "why-it-mattered", "one-tweak");
        assertThat(html.select(".ff-retro-body").text()).isEqualTo("agenda");
    }

    @Test
    void anExportedHuddleSaysWhereTheBoardIsInsteadOfAnEmptyPlaceholder() {
        String exported = renderer.render(RetroParameters.parse(Map.of("template", "failure-huddle", "projects", "OPS,CARE")),
                "<p>agenda</p>", false);
        Document html = Jsoup.parseBodyFragment(exported);
        assertThat(html.select(".ff-huddle-board")).isEmpty();
        assertThat(html.select(".ff-huddle-board-export").text()).contains("The huddle board of OPS, CARE")
                .contains("shows live on this page in Confluence");
        assertThat(exported).doesNotContain("Preparing the huddle");
    }

    @Test
    void aHuddleWithoutProjectsSaysHowToPrepareItAndOtherTemplatesIgnoreProjects() {
        Document huddle = render(Map.of("template", "failure-huddle"), "");
        assertThat(huddle.select(".ff-huddle-board")).isEmpty();
        assertThat(huddle.select(".ff-huddle-board-hint").text()).contains("\"Team projects\" parameter");
        assertThat(Jsoup.parseBodyFragment(renderer.render(RetroParameters.parse(Map.of("template", "failure-huddle")),
                "", false)).select(".ff-huddle-board-hint")).as("not in an export").isEmpty();

        Document postmortem = render(Map.of("template", "incident-postmortem", "projects", "OPS"), "");
        assertThat(postmortem.select(".ff-huddle-board, .ff-huddle-board-hint, .ff-huddle-board-export")).isEmpty();
    }

    @Test
    void badProjectsAreAnErrorNamingTheParameter() {
        Document html = render(Map.of("template", "failure-huddle", "projects", "OPS, not a key"), "<p>agenda</p>");
        assertThat(html.select(".aui-message-error").eachAttr("data-parameter")).containsExactly("projects");
        assertThat(html.select(".aui-message-error").text()).contains("\"projects\"").contains("OPS, not a key");
        assertThat(html.select(".ff-huddle-board")).isEmpty();
        assertThat(html.select(".ff-retro-body").text()).isEqualTo("agenda");

        String many = String.join(",", java.util.stream.IntStream.range(0, 51).mapToObj(i -> "P" + i).toList());
        assertThat(render(Map.of("template", "failure-huddle", "projects", many), "").select(".aui-message-error").text())
                .contains("at most 50 project keys");
    }

    @Test
    void anUnknownTemplateIsAnErrorNamingTheParameter() {
        Document html = render(Map.of("template", "lessons"), "");
        assertThat(html.select(".aui-message-error").eachAttr("data-parameter")).containsExactly("template");
        assertThat(html.select(".aui-message-error").text()).contains("experiment-retro, incident-postmortem");
    }

    @Test
    void hostileParametersRenderInert() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("issue", "<script>alert('k')</script>");
        parameters.put("template", "\"><img src=x onerror=alert(1)>");
        String raw = raw(parameters, "");
        assertThat(raw).doesNotContain("<script>").doesNotContain("<img").contains("&lt;script&gt;");
        Document html = Jsoup.parseBodyFragment(raw);
        assertThat(html.select("script, img")).isEmpty();
        assertThat(html.select(".aui-message-error").eachAttr("data-parameter")).containsExactly("issue", "template");
    }

    @Test
    void translatedTextIsEscaped() {
        I18nResolver hostile = mock(I18nResolver.class);
        when(hostile.getText(anyString(), any(Serializable[].class))).thenReturn("<script>x()</script>");
        when(hostile.getText("failforward.retro.template.experiment.title")).thenReturn("<b>bold</b>");
        String raw = new RetroRenderer(new VelocityTemplateRenderer(), hostile)
                .render(RetroParameters.parse(Map.of()), "", true);
        assertThat(raw).contains("&lt;b&gt;bold&lt;/b&gt;").contains("&lt;script&gt;x()&lt;/script&gt;").doesNotContain("<script>");
    }

    @Test
    void issueKeysAreCheckedStrictly() {
        assertThat(IssueKeys.parse(" ops_2-7 ")).contains("OPS_2-7");
        assertThat(IssueKeys.parse("OPS-0")).isEmpty();
        assertThat(IssueKeys.parse("1OPS-2")).isEmpty();
        assertThat(IssueKeys.parse("OPS-2/../x")).isEmpty();
        assertThat(IssueKeys.parse(null)).isEmpty();
    }
}
