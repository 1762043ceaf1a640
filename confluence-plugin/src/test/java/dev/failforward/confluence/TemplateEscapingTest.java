package dev.failforward.confluence;

import com.atlassian.templaterenderer.TemplateRenderer;
import dev.failforward.confluence.archive.LearningsParameters;
import dev.failforward.confluence.archive.LearningsRenderer;
import dev.failforward.confluence.hypothesis.HypothesisCardRenderer;
import dev.failforward.confluence.retro.RetroKeys;
import dev.failforward.confluence.retro.RetroParameters;
import dev.failforward.confluence.retro.RetroRenderer;
import dev.failforward.host.templates.HostileText;
import dev.failforward.host.templates.VelocityTemplateRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Velocity template of the Confluence plugin, rendered as Confluence renders it (the host's escaping) with
 * hostile values everywhere (every message, the macro parameters, the hypothesis): no markup of a value arrives raw,
 * nothing is escaped twice, each value shows as the text it is, and the retro's rich-text body (HTML Confluence
 * rendered) arrives as HTML. The test fails when a template under {@code templates/} is not rendered here.
 */
class TemplateEscapingTest {

    private static final Path RESOURCES = Path.of(System.getProperty("basedir", "."), "src", "main", "resources");
    private static final String BODY = "<p id=\"ff-body\">Our <strong>notes</strong> &amp; more</p>";

    private final Set<String> rendered = new TreeSet<>();
    private final VelocityTemplateRenderer host = new VelocityTemplateRenderer();
    private final TemplateRenderer renderer = (name, context, writer) -> {
        rendered.add(name);
        host.render(name, context, writer);
    };

    @Test
    void everyTemplateShowsHostileValuesEscapedOnce() throws Exception {
        RetroRenderer retro = new RetroRenderer(renderer, HostileText.i18n());
        String valid = retro.render(RetroParameters.parse(Map.of(RetroKeys.PARAM_ISSUE, "OPS-12",
                RetroKeys.PARAM_TEMPLATE, RetroKeys.TEMPLATE_FAILURE_HUDDLE)), BODY, true);
        assertThat(HostileText.problems(valid)).as("retro.vm").isEmpty();
        Document page = Jsoup.parseBodyFragment(valid);
        assertThat(page.select(".ff-retro-title").text()).isEqualTo(HostileText.message("failforward.retro.template.huddle.title"));
        assertThat(page.select(".ff-retro-body").attr("aria-label")).isEqualTo(HostileText.message("failforward.retro.body.title"));
        assertThat(page.select(".ff-retro-body #ff-body strong").text()).as("the body is HTML").isEqualTo("notes");
        assertThat(valid).contains(BODY);

        String invalid = retro.render(RetroParameters.parse(Map.of(RetroKeys.PARAM_ISSUE, HostileText.VALUE,
                RetroKeys.PARAM_TEMPLATE, HostileText.VALUE)), BODY, true);
        assertThat(HostileText.problems(invalid)).as("retro.vm, errors").isEmpty();
        assertThat(Jsoup.parseBodyFragment(invalid).select(".ff-retro-error p:not(.title)").eachText())
                .allSatisfy(message -> assertThat(message).contains(HostileText.VALUE));

        HypothesisCardRenderer card = new HypothesisCardRenderer(renderer, HostileText.i18n());
        String hypothesis = "If we add " + HostileText.VALUE + " then deploy failures drop below 2 per month because "
                + "checklists catch it";
        String checked = card.render(hypothesis);
        assertThat(HostileText.problems(checked)).as("hypothesis-card.vm").isEmpty();
        assertThat(Jsoup.parseBodyFragment(checked).select(".ff-card-parts dd").first().text()).contains(HostileText.VALUE);
        assertThat(HostileText.problems(card.render(HostileText.VALUE))).isEmpty();

        LearningsRenderer archive = new LearningsRenderer(renderer, HostileText.i18n());
        String search = archive.render(LearningsParameters.parse(Map.of("query", HostileText.VALUE)));
        assertThat(HostileText.problems(search)).as("learnings-archive.vm").isEmpty();
        Document form = Jsoup.parseBodyFragment(search);
        assertThat(form.select(".ff-archive").attr("data-query")).isEqualTo(HostileText.VALUE);
        assertThat(form.select("input.ff-archive-query").attr("value")).isEqualTo(HostileText.VALUE);
        assertThat(HostileText.problems(archive.render(LearningsParameters.parse(Map.of("kind", HostileText.VALUE)))))
                .as("learnings-archive.vm, errors").isEmpty();

        // the showcase: every text Jira sends is hostile, and so is every message
        String v = HostileText.VALUE;
        dev.failforward.confluence.jira.ShowcaseView.Record hostile = new dev.failforward.confluence.jira.ShowcaseView
                .Record("OPS-1", "OPS", v, "incident", v, "/browse/OPS-1");
        dev.failforward.confluence.jira.ShowcaseView view = new dev.failforward.confluence.jira.ShowcaseView(
                java.util.List.of(v), new dev.failforward.confluence.jira.ShowcaseView.Period(v, v, v, v), v, v,
                java.util.List.of(new dev.failforward.confluence.jira.ShowcaseView.Award(v, v, v, v, v, "closed",
                        java.util.List.of(new dev.failforward.confluence.jira.ShowcaseView.Nominee(hostile, v, 3, true)))),
                java.util.List.of(new dev.failforward.confluence.jira.ShowcaseView.Learning(1, v, v, hostile, 2, 1, 1)),
                java.util.List.of(new dev.failforward.confluence.jira.ShowcaseView.Experiment(hostile, v, v, v,
                        java.util.List.of(hostile))), 7,
                java.util.List.of(new dev.failforward.confluence.jira.ShowcaseView.Incident(hostile, java.util.List.of(
                        new dev.failforward.confluence.jira.ShowcaseView.FollowUp(v, v, v)))), 9,
                java.util.List.of(new dev.failforward.confluence.jira.ShowcaseView.Kpi(v, v, v, v, v, java.util.List.of(
                        new dev.failforward.confluence.jira.ShowcaseView.Point(v, 0.5, v, true)))),
                java.net.URI.create("https://jira.example.com"));
        dev.failforward.confluence.showcase.ShowcaseRenderer showcase =
                new dev.failforward.confluence.showcase.ShowcaseRenderer(renderer, HostileText.i18n());
        String printed = showcase.render(dev.failforward.confluence.showcase.ShowcaseParameters.parse(Map.of()),
                new dev.failforward.confluence.showcase.ShowcaseSource.Loaded(java.util.Optional.of(
                        new dev.failforward.confluence.showcase.ShowcaseCopies.Copy(view,
                                java.time.Instant.parse("2026-10-02T08:15:30Z"))), true, null), true);
        assertThat(HostileText.problems(printed)).as("showcase.vm").isEmpty();
        Document showcasePage = Jsoup.parseBodyFragment(printed);
        assertThat(showcasePage.select(".ff-showcase-winner .ff-showcase-summary").text()).isEqualTo(v);
        assertThat(showcasePage.select(".ff-showcase-reason").text()).isEqualTo(v);
        assertThat(HostileText.problems(showcase.render(dev.failforward.confluence.showcase.ShowcaseParameters.parse(
                Map.of("period", v, "projects", v)), null, false))).as("showcase.vm, errors").isEmpty();
        assertThat(HostileText.problems(showcase.render(dev.failforward.confluence.showcase.ShowcaseParameters.parse(
                Map.of()), new dev.failforward.confluence.showcase.ShowcaseSource.Loaded(java.util.Optional.empty(),
                false, new dev.failforward.confluence.jira.JiraResult.Invalid<>(java.util.List.of(
                        new dev.failforward.confluence.jira.FieldProblem("period", "invalid", v)))), false)))
                .as("showcase.vm, Jira's message").isEmpty();

        assertThat(rendered).as("every template of the plugin is rendered here")
                .containsExactlyInAnyOrderElementsOf(templates());
    }

    /** Every .vm under src/main/resources, as its class-path name. */
    private static Set<String> templates() throws Exception {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            files.filter(f -> f.toString().endsWith(".vm"))
                    .forEach(f -> names.add(RESOURCES.relativize(f).toString().replace('\\', '/')));
        }
        assertThat(names).isNotEmpty();
        return names;
    }
}
