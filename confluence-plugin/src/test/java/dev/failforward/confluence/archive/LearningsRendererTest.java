package dev.failforward.confluence.archive;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.templaterenderer.TemplateRenderer;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.host.templates.VelocityTemplateRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Renders the real learnings-archive template with Apache Velocity 1.7 and the plugin's real i18n bundles. */
class LearningsRendererTest {

    static final BundleI18nResolver I18N = BundleI18nResolver.fromClasspath(Locale.ENGLISH,
            "i18n/failforward-confluence.properties", "dev/failforward/core/i18n/failforward-core.properties");

    private final LearningsRenderer renderer = new LearningsRenderer(new VelocityTemplateRenderer(), I18N);

    private String raw(Map<String, String> parameters) {
        return renderer.render(LearningsParameters.parse(parameters));
    }

    private Document render(Map<String, String> parameters) {
        return Jsoup.parseBodyFragment(raw(parameters));
    }

    @Test
    void thePlaceholderCarriesTheMacrosFiltersForTheBrowser() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("projects", "ops, grow");
        parameters.put("kind", "incident");
        parameters.put("learningKind", "got_lucky");
        parameters.put("failureType", "complex");
        parameters.put("category", "data-gap");
        parameters.put("period", "12m");
        parameters.put("query", "rollback");
        parameters.put("max", "5");

        Element archive = render(parameters).selectFirst("section.ff-archive");

        assertThat(archive.attr("aria-label")).isEqualTo("Learnings archive");
        assertThat(archive.attr("data-projects")).isEqualTo("OPS,GROW");
        assertThat(archive.attr("data-record-kind")).isEqualTo("incident");
        assertThat(archive.attr("data-learning-kind")).isEqualTo("got_lucky");
        assertThat(archive.attr("data-failure-type")).isEqualTo("complex");
        assertThat(archive.attr("data-category")).isEqualTo("data_gap");
        assertThat(archive.attr("data-period")).isEqualTo("12m");
        assertThat(archive.attr("data-query")).isEqualTo("rollback");
        assertThat(archive.attr("data-max")).isEqualTo("5");
        assertThat(archive.selectFirst("input.ff-archive-query").val()).isEqualTo("rollback");
        assertThat(archive.select("select.ff-archive-period option[selected]").eachAttr("value")).containsExactly("12m");
    }

    @Test
    void withoutParametersEveryFilterIsEmptyAndThePeriodIsAnyTime() {
        Element archive = render(Map.of()).selectFirst("section.ff-archive");
        for (String attribute : new String[] {"data-projects", "data-record-kind", "data-learning-kind",
                "data-failure-type", "data-category", "data-query"}) {
            assertThat(archive.attr(attribute)).as(attribute).isEmpty();
        }
        assertThat(archive.attr("data-period")).isEqualTo("all");
        assertThat(archive.attr("data-max")).isEqualTo("20");
        assertThat(archive.select(".ff-archive-period option").eachText())
                .containsExactly("Any time", "Last 30 days", "Last 90 days", "Last 12 months", "This year");
        assertThat(archive.select(".ff-archive-period option").eachAttr("value"))
                .containsExactly("all", "30d", "90d", "12m", "this-year");
        assertThat(archive.select("option[selected]").eachAttr("value")).containsExactly("all");
    }

    @Test
    void theServerRendersOnlyAPlaceholderWithLabelsAndALiveCount() {
        Document html = render(Map.of());
        Element form = html.selectFirst("form.ff-archive-search");
        assertThat(form.hasAttr("hidden")).as("the script shows the form").isTrue();
        assertThat(form.attr("role")).isEqualTo("search");
        assertThat(html.select("label.ff-archive-query-label").text()).contains("Search learnings");
        assertThat(html.selectFirst("label.ff-archive-query-label input.ff-archive-query").attr("maxlength"))
                .isEqualTo("200");
        assertThat(html.select("label.ff-archive-period-label select.ff-archive-period")).hasSize(1);
        assertThat(html.selectFirst("button.ff-archive-submit").attr("type")).isEqualTo("submit");
        Element count = html.selectFirst(".ff-archive-count");
        assertThat(count.attr("aria-live")).isEqualTo("polite");
        assertThat(count.text()).isEqualTo("Loading learnings from Jira...");
        assertThat(html.selectFirst(".ff-archive-message").attr("aria-live")).isEqualTo("polite");
        Element index = html.selectFirst(".ff-archive-index");
        assertThat(index.attr("role")).as("the search index line is announced").isEqualTo("status");
        assertThat(index.attr("aria-live")).isEqualTo("polite");
        assertThat(index.hasAttr("hidden")).as("shown only while Jira's index builds").isTrue();
        assertThat(index.text()).isEmpty();
        assertThat(html.select("nav.ff-archive-facets").attr("aria-label")).isEqualTo("Filter learnings");
        assertThat(html.select("ol.ff-archive-results").first().children()).isEmpty();
        assertThat(html.selectFirst("button.ff-archive-more").hasAttr("hidden")).isTrue();
        assertThat(raw(Map.of())).contains("<noscript>").contains("Turn on JavaScript");
        assertThat(html.select("script")).isEmpty();
    }

    @Test
    void theBrowsersIndexLineAndMonthFacetHaveTheirWords() {
        assertThat(I18N.getText("failforward.archive.js.index.building", "42"))
                .isEqualTo("Search index building, 42 % \u2014 results come from the database meanwhile.");
        assertThat(I18N.getText("failforward.archive.js.facet.period")).isEqualTo("Month");
    }

    @Test
    void aHostileQueryRendersInert() {
        String hostile = "\"><script>alert('q')</script><img src=x onerror=alert(1)>";
        String raw = raw(Map.of("query", hostile));

        assertThat(raw).doesNotContain("<script>").doesNotContain("<img").contains("&lt;script&gt;");
        Document html = Jsoup.parseBodyFragment(raw);
        assertThat(html.select("script, img")).isEmpty();
        Element archive = html.selectFirst("section.ff-archive");
        assertThat(archive.attr("data-query")).isEqualTo(hostile);
        assertThat(archive.selectFirst("input.ff-archive-query").val()).isEqualTo(hostile);
        assertThat(html.select("[onerror]")).isEmpty();
    }

    @Test
    void badParametersRenderAnErrorForEachNamingTheParameter() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("kind", "postmortem");
        parameters.put("max", "500");
        parameters.put("period", "7d");

        Document html = render(parameters);

        assertThat(html.select("section.ff-archive")).isEmpty();
        assertThat(html.select(".aui-message.aui-message-error").eachAttr("data-parameter"))
                .containsExactly("kind", "period", "max");
        assertThat(html.select("[data-parameter=kind] .title").text())
                .isEqualTo("The learnings archive macro's \"kind\" parameter needs fixing");
        assertThat(html.select("[data-parameter=kind] p").last().text())
                .isEqualTo("The parameter \"kind\" must be any, experiment or incident, not \"postmortem\".");
        assertThat(html.select("[data-parameter=max] p").last().text())
                .isEqualTo("The parameter \"max\" must be a whole number from 1 to 100, not \"500\".");
        assertThat(html.select("[data-parameter=period] p").last().text()).contains("all, 30d, 90d, 12m or this-year");
    }

    @Test
    void hostileBadParametersRenderInertAndShortened() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("projects", "<script>alert('p')</script>");
        parameters.put("category", "\"><img src=x onerror=alert(1)>" + "z".repeat(200));
        String raw = raw(parameters);

        assertThat(raw).doesNotContain("<script>").doesNotContain("<img");
        Document html = Jsoup.parseBodyFragment(raw);
        assertThat(html.select("script, img")).isEmpty();
        assertThat(html.select(".aui-message-error").eachAttr("data-parameter")).containsExactly("projects", "category");
        assertThat(html.select("[data-parameter=projects]").text()).contains("<script>alert('p')</script>");
        assertThat(html.select("[data-parameter=category]").text()).contains("z…").doesNotContain("z".repeat(100));
    }

    @Test
    void translatedTextIsEscaped() {
        I18nResolver hostile = mock(I18nResolver.class);
        when(hostile.getText(anyString(), any(Serializable[].class))).thenReturn("<script>x()</script>");
        String raw = new LearningsRenderer(new VelocityTemplateRenderer(), hostile).render(LearningsParameters.parse(Map.of()));
        assertThat(raw).contains("&lt;script&gt;x()&lt;/script&gt;").doesNotContain("<script>");
    }

    @Test
    void everyPeriodHasALabel() {
        for (ArchivePeriod period : ArchivePeriod.values()) {
            assertThat(I18N.hasKey("failforward.archive.period." + period.id())).as(period.id()).isTrue();
            assertThat(I18N.hasKey("dev.failforward.confluence.failforward-learnings.param.period.value." + period.id()))
                    .as(period.id()).isTrue();
        }
    }

    @Test
    void renderingCannotReachJira() {
        // page rendering never waits on Jira: the renderer's only collaborators are the template renderer and i18n
        assertThat(LearningsRenderer.class.getConstructors()).singleElement()
                .satisfies(c -> assertThat(c.getParameterTypes()).containsExactly(TemplateRenderer.class, I18nResolver.class));
    }
}
