package dev.failforward.confluence.showcase;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import dev.failforward.confluence.jira.FailureDbClient;
import dev.failforward.confluence.jira.JiraResult;
import dev.failforward.confluence.jira.ShowcaseView;
import dev.failforward.confluence.macro.ShowcaseMacro;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.host.settings.InMemoryPluginSettings;
import dev.failforward.host.templates.VelocityTemplateRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The showcase macro with the real template and bundles, a Jira that answers and then cannot be reached: the PDF and
 * Word exports print the same content as the page view — served from the viewer's copy, saying how old it is — and
 * only the page view has the print button. Another viewer never gets that copy; without one, a clear printed message.
 * Another node (or the same one after a restart) prints the viewer's copy from Confluence's database; a refusal from
 * Jira forgets it.
 */
class ShowcaseExportTest {

    static final BundleI18nResolver I18N = BundleI18nResolver.fromClasspath(Locale.ENGLISH,
            "i18n/failforward-confluence.properties", "dev/failforward/core/i18n/failforward-core.properties");
    private static final Instant FETCHED = Instant.parse("2026-10-02T08:15:30Z");
    private static final Map<String, String> Q3_OPS_GROW = Map.of("projects", "ops, grow", "period", "2026-q3");

    /** Jira as the client sees it: answers queued per call, and every query it was asked. */
    private static final class Jira implements FailureDbClient {
        final List<JiraResult<ShowcaseView>> answers = new ArrayList<>();
        final List<String> queries = new ArrayList<>();

        @Override
        public JiraResult<ShowcaseView> showcase(String query) {
            queries.add(query);
            return answers.size() > 1 ? answers.remove(0) : answers.get(0);
        }

        @Override
        public JiraResult<dev.failforward.confluence.jira.RecordView> record(String issueKey) {
            throw new AssertionError("not used by the showcase");
        }

        @Override
        public JiraResult<dev.failforward.confluence.jira.LearningView> addLearning(String issueKey, String text,
                String kind, dev.failforward.core.record.SourcePage source) {
            throw new AssertionError("not used by the showcase");
        }

        @Override
        public JiraResult<dev.failforward.confluence.jira.ActionView> addAction(String issueKey,
                dev.failforward.confluence.jira.NewAction action) {
            throw new AssertionError("not used by the showcase");
        }

        @Override
        public JiraResult<dev.failforward.confluence.jira.LearningPageView> searchLearnings(
                dev.failforward.confluence.jira.LearningSearch search) {
            throw new AssertionError("not used by the showcase");
        }

        @Override
        public JiraResult<dev.failforward.confluence.jira.SimilarView> similar(String issueKey, int max) {
            throw new AssertionError("not used by the showcase");
        }

        @Override
        public JiraResult<dev.failforward.confluence.jira.SimilarView> similar(String issueKey, int max,
                long citingPageId) {
            throw new AssertionError("not used by the showcase");
        }

        @Override
        public JiraResult<dev.failforward.confluence.jira.CitationView> citeLearning(long learningId, long pageId) {
            throw new AssertionError("not used by the showcase");
        }

        @Override
        public JiraResult<dev.failforward.confluence.jira.HuddleBoardView> huddleBoard(List<String> projects) {
            throw new AssertionError("not used by the showcase");
        }

        @Override
        public JiraResult<dev.failforward.confluence.jira.HuddleHeldView> holdHuddle(List<String> projects,
                String note) {
            throw new AssertionError("not used by the showcase");
        }
    }

    private final Jira jira = new Jira();
    private final UserManager users = mock(UserManager.class);
    private final ShowcaseMacro macro = new ShowcaseMacro(
            new ShowcaseSource(jira, new ShowcaseCopies(Clock.fixed(FETCHED, ZoneOffset.UTC)), users),
            new ShowcaseRenderer(new VelocityTemplateRenderer(), I18N));

    private static ConversionContext output(String type) {
        return () -> type;
    }

    private void as(String user) {
        when(users.getRemoteUserKey()).thenReturn(user == null ? null : new UserKey(user));
    }

    private String render(String outputType) {
        return macro.execute(Q3_OPS_GROW, null, output(outputType));
    }

    /** The printed content: the HTML without the page view's interactive tools and without the output marker. */
    private static String content(String html) {
        Document page = Jsoup.parseBodyFragment(html);
        page.select("[data-ff-interactive]").remove();
        page.select(".ff-showcase").removeAttr("data-output");
        return page.body().html();
    }

    @Test
    void aPdfExportPrintsWhatThePageShowsFromTheCopyWhenJiraIsUnreachable() {
        as("u-anna");
        jira.answers.add(new JiraResult.Ok<>(ShowcaseFixtures.q3()));
        jira.answers.add(new JiraResult.Unavailable<>("Jira timed out (limits: 2 s to connect, 4 s to answer)"));
        String live = render("display");
        assertThat(jira.queries).containsExactly("projects=OPS%2CGROW&period=2026-Q3");
        assertThat(Jsoup.parseBodyFragment(live).select(".ff-showcase-copy")).isEmpty();

        // Jira is down from now on: the page view and both exports come from the copy
        String pageView = render("display");
        String pdf = render("pdf");
        String word = render("word");
        assertThat(jira.queries).as("each render asked Jira first").hasSize(4);

        assertThat(content(pdf)).isEqualTo(content(pageView)).isEqualTo(content(word));
        Document printed = Jsoup.parseBodyFragment(pdf);
        assertThat(printed.select(".ff-showcase-title").text()).isEqualTo("Failure showcase: Q3 2026");
        assertThat(printed.select(".ff-showcase-asof").text()).isEqualTo("From Jira as of 2026-10-02 10:15 (Europe/Berlin)");
        assertThat(printed.select(".ff-showcase-copy").text()).isEqualTo("Jira could not be reached just now. This is "
                + "your copy from 2026-10-02 10:15 (Europe/Berlin); it may have changed since.");
        assertThat(printed.select(".ff-showcase-winner .ff-badge-winner").text()).isEqualTo("Most valuable failure");
        assertThat(printed.select(".ff-showcase-winner .ff-showcase-key").attr("href"))
                .as("an absolute link works from a PDF").isEqualTo("https://jira.example.com/jira/browse/OPS-12");
        assertThat(printed.select(".ff-showcase-nominee:not(.ff-showcase-winner) .ff-badge-nominee").text())
                .isEqualTo("Nominee");
        assertThat(printed.select(".ff-showcase-learning").text()).contains("Config changes need a canary stage",
                "reused 5 times (3 by retros, 2 by newer experiments and incidents)");
        assertThat(printed.select(".ff-showcase-experiment").text()).contains("GROW-7", "Refuted", "Pivot", "GROW-9");
        assertThat(printed.select(".ff-showcase-followup").text())
                .isEqualTo("Effective, checked 2026-09-01 Make the canary stage mandatory for config No config outage since");
        assertThat(printed.select(".ff-showcase-kpi[data-kpi=recurrence_rate]").text())
                .contains("Q3 2026: 13 %", "Healthy when it falls");

        assertThat(Jsoup.parseBodyFragment(pageView).select("[data-ff-interactive] button.ff-showcase-print"))
                .as("the page view's print button").hasSize(1);
        for (String export : List.of(pdf, word)) {
            assertThat(Jsoup.parseBodyFragment(export).select("[data-ff-interactive], button, script, form")).isEmpty();
            assertThat(Jsoup.parseBodyFragment(export).select(".ff-showcase").attr("data-output")).isEqualTo("export");
        }
    }

    @Test
    void anotherViewerNeverGetsTheCopyAndSeesAClearMessageWithoutOne() {
        as("u-anna");
        jira.answers.add(new JiraResult.Ok<>(ShowcaseFixtures.q3()));
        jira.answers.add(new JiraResult.Unavailable<>("Jira could not be reached: Connection refused"));
        render("display");

        as("u-ben");
        String pdf = render("pdf");
        Document printed = Jsoup.parseBodyFragment(pdf);
        assertThat(printed.select(".ff-showcase-title, .ff-showcase-nominee")).isEmpty();
        assertThat(printed.select(".ff-showcase-message[data-kind=unavailable]").text())
                .startsWith("The showcase could not be loaded from Jira")
                .contains("there is no earlier copy of this showcase for you");

        as(null);
        assertThat(Jsoup.parseBodyFragment(render("pdf")).select(".ff-showcase-message[data-kind=unavailable]"))
                .as("an anonymous viewer's answers are never kept").hasSize(1);
    }

    @Test
    void whatJiraRefusesIsShownNotTheCopy() {
        as("u-anna");
        jira.answers.add(new JiraResult.Ok<>(ShowcaseFixtures.q3()));
        jira.answers.add(new JiraResult.Forbidden<>());
        jira.answers.add(new JiraResult.AuthorizationRequired<>(URI.create("https://jira.example.com/oauth")));
        render("display");

        assertThat(Jsoup.parseBodyFragment(render("pdf")).select(".ff-showcase-message").attr("data-kind"))
                .as("a permission Jira withdrew is not outlived by the copy").isEqualTo("forbidden");
        Document authorize = Jsoup.parseBodyFragment(render("display"));
        assertThat(authorize.select(".ff-showcase-message a").attr("href")).isEqualTo("https://jira.example.com/oauth");
        assertThat(Jsoup.parseBodyFragment(render("pdf")).select(".ff-showcase-message a"))
                .as("no link to click on paper").isEmpty();
    }

    @Test
    void aRefusalForgetsTheCopySoALaterOutageDoesNotPrintIt() {
        as("u-anna");
        jira.answers.add(new JiraResult.Ok<>(ShowcaseFixtures.q3()));
        jira.answers.add(new JiraResult.Forbidden<>());
        jira.answers.add(new JiraResult.Unavailable<>("Jira could not be reached: Connection refused"));
        render("display");
        render("display");

        Document printed = Jsoup.parseBodyFragment(render("pdf"));
        assertThat(printed.select(".ff-showcase-title")).as("the copy went with the permission").isEmpty();
        assertThat(printed.select(".ff-showcase-message[data-kind=unavailable]").text())
                .contains("there is no earlier copy of this showcase for you");
    }

    @Test
    void anotherNodeOrARestartedOnePrintsTheViewersCopyFromTheDatabase() {
        InMemoryPluginSettings confluenceSettings = new InMemoryPluginSettings();
        Clock clock = Clock.fixed(FETCHED, ZoneOffset.UTC);
        ShowcaseRenderer renderer = new ShowcaseRenderer(new VelocityTemplateRenderer(), I18N);
        ShowcaseMacro nodeA = new ShowcaseMacro(new ShowcaseSource(jira,
                new ShowcaseCopies(confluenceSettings, clock), users), renderer);
        ShowcaseMacro nodeB = new ShowcaseMacro(new ShowcaseSource(jira,
                new ShowcaseCopies(confluenceSettings, clock), users), renderer);
        as("u-anna");
        jira.answers.add(new JiraResult.Ok<>(ShowcaseFixtures.q3()));
        jira.answers.add(new JiraResult.Unavailable<>("Jira could not be reached: Connection refused"));
        String pageView = content(nodeA.execute(Q3_OPS_GROW, null, output("display")));

        String pdf = nodeB.execute(Q3_OPS_GROW, null, output("pdf"));
        Document printed = Jsoup.parseBodyFragment(pdf);
        assertThat(printed.select(".ff-showcase-title").text()).isEqualTo("Failure showcase: Q3 2026");
        assertThat(printed.select(".ff-showcase-copy").text()).startsWith("Jira could not be reached just now. This is "
                + "your copy from 2026-10-02 10:15 (Europe/Berlin)");
        printed.select(".ff-showcase-copy").remove();
        assertThat(content(printed.body().html())).isEqualTo(pageView);
    }

    @Test
    void aBadPeriodIsAMessageNamingItAndJiraIsNotAsked() {
        as("u-anna");
        Document page = Jsoup.parseBodyFragment(macro.execute(Map.of("period", "last quarter"), null,
                output("pdf")));
        assertThat(page.select(".ff-showcase-error").attr("data-parameter")).isEqualTo("period");
        assertThat(page.select(".ff-showcase-error").text()).isEqualTo("The showcase macro parameter \"period\" needs "
                + "fixing The parameter \"period\" must be a quarter like 2026-Q3, a month like 2026-09, a year like "
                + "2026 or months like 2026-07..2026-09, not \"last quarter\".");
        assertThat(jira.queries).isEmpty();
    }
}
