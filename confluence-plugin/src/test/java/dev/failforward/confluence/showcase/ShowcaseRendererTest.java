package dev.failforward.confluence.showcase;

import dev.failforward.confluence.jira.ShowcaseView;
import dev.failforward.host.templates.VelocityTemplateRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The showcase of a period with more decided experiments and verified incidents than Jira sends: it says so. */
class ShowcaseRendererTest {

    private final ShowcaseRenderer renderer = new ShowcaseRenderer(new VelocityTemplateRenderer(),
            ShowcaseExportTest.I18N);

    private Document render(ShowcaseView view) {
        ShowcaseSource.Loaded loaded = new ShowcaseSource.Loaded(Optional.of(new ShowcaseCopies.Copy(view,
                Instant.parse("2026-10-02T08:15:30Z"))), false, null);
        return Jsoup.parseBodyFragment(renderer.render(ShowcaseParameters.parse(Map.of("period", "2026-Q3")), loaded,
                true));
    }

    @Test
    void aPeriodWithMoreThanJiraSentSaysHowManyThereWereInAll() {
        ShowcaseView all = ShowcaseFixtures.q3();
        ShowcaseView capped = new ShowcaseView(all.projects(), all.period(), all.timeZone(), all.generatedAt(),
                all.awards(), all.learnings(), all.experiments(), 312, all.incidents(), 75, all.kpis(), all.jiraUrl());

        Document html = render(capped);

        assertThat(html.select(".ff-showcase-experiments .ff-showcase-more").text())
                .isEqualTo("The 1 most recently decided of 312 experiments decided in this period; Jira has them all.");
        assertThat(html.select(".ff-showcase-incidents .ff-showcase-more").text())
                .isEqualTo("The 1 most recently verified of 75 incidents whose follow-ups worked in this period; Jira "
                        + "has them all.");
        assertThat(render(all).select(".ff-showcase-more")).as("nothing more than shown").isEmpty();
    }
}
