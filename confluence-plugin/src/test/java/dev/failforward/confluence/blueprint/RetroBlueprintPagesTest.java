package dev.failforward.confluence.blueprint;

import dev.failforward.confluence.jira.FailureDbClient;
import dev.failforward.confluence.jira.JiraResult;
import dev.failforward.confluence.jira.RecordFacts;
import dev.failforward.confluence.jira.RecordView;
import dev.failforward.host.i18n.BundleI18nResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Titles and template values from the real i18n bundle; Jira's answers as {@link JiraResult} values. */
class RetroBlueprintPagesTest {

    static final BundleI18nResolver I18N = BundleI18nResolver.fromClasspath(Locale.ENGLISH,
            "i18n/failforward-confluence.properties", "dev/failforward/core/i18n/failforward-core.properties");

    private final FailureDbClient jira = mock(FailureDbClient.class);
    private final RetroBlueprintPages pages = new RetroBlueprintPages(jira, I18N);

    static JiraResult<RecordView> record(String key, String summary) {
        RecordFacts facts = new RecordFacts(key, key.substring(0, key.indexOf('-')), "incident", summary, "Open", null,
                null, null, null, null, null, null, null, null, null, null, List.of(), null, null, null, null, null, null, null);
        return new JiraResult.Ok<>(new RecordView(facts, List.of(), List.of(), List.of()));
    }

    /** The intro parsed as XML: proves it is well-formed storage and gives its text as a reader sees it. */
    static Document xml(String fragment) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(fragment)));
    }

    @Test
    void aPostMortemIsTitledFromTheIncidentsSummary() throws Exception {
        when(jira.record("OPS-12")).thenReturn(record("OPS-12", "Checkout was down for 40 minutes"));

        RetroPage page = pages.prepare(RetroBlueprint.POSTMORTEM, "OPS-12");

        assertThat(page.title()).isEqualTo("Post-mortem: OPS-12 Checkout was down for 40 minutes");
        assertThat(page.issueKey()).isEqualTo("OPS-12");
        assertThat(xml(page.introXhtml()).getDocumentElement().getTagName()).isEqualTo("p");
        assertThat(xml(page.introXhtml()).getDocumentElement().getTextContent())
                .isEqualTo("This retro is about the Jira issue OPS-12: Checkout was down for 40 minutes");
    }

    @Test
    void anExperimentRetroIsTitledFromTheExperimentsSummary() {
        when(jira.record("GROW-7")).thenReturn(record("GROW-7", "Free shipping lifts conversion"));

        assertThat(pages.prepare(RetroBlueprint.EXPERIMENT_RETRO, "GROW-7").title())
                .isEqualTo("Experiment retro: GROW-7 Free shipping lifts conversion");
    }

    @Test
    void theKeyIsCanonicalBeforeJiraIsAsked() {
        when(jira.record("OPS-12")).thenReturn(record("OPS-12", "Down"));

        RetroPage page = pages.prepare(RetroBlueprint.POSTMORTEM, "  ops-12 ");

        verify(jira).record("OPS-12");
        assertThat(page.issueKey()).isEqualTo("OPS-12");
        assertThat(page.title()).isEqualTo("Post-mortem: OPS-12 Down");
    }

    static Stream<JiraResult<RecordView>> failures() {
        return Stream.of(
                new JiraResult.NoLink<>("/plugins/servlet/applinks/listApplicationLinks"),
                new JiraResult.AuthorizationRequired<>(URI.create("https://jira.example.com/oauth")),
                new JiraResult.Unavailable<>("timed out after 4000 ms"),
                new JiraResult.NotFound<>(),
                new JiraResult.Forbidden<>(),
                new JiraResult.Invalid<>(List.of()));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void whenJiraCannotGiveTheSummaryThePageIsTitledFromTheKey(JiraResult<RecordView> failure) throws Exception {
        when(jira.record("OPS-12")).thenReturn(failure);

        RetroPage page = pages.prepare(RetroBlueprint.POSTMORTEM, "OPS-12");

        assertThat(page.title()).isEqualTo("Post-mortem: OPS-12");
        assertThat(page.issueKey()).isEqualTo("OPS-12");
        assertThat(xml(page.introXhtml()).getDocumentElement().getTextContent())
                .isEqualTo("This retro is about the Jira issue OPS-12.");
    }

    @Test
    void anExceptionFromTheClientDoesNotStopThePage() {
        when(jira.record(anyString())).thenThrow(new IllegalStateException("applinks blew up"));

        assertThat(pages.prepare(RetroBlueprint.EXPERIMENT_RETRO, "GROW-7").title()).isEqualTo("Experiment retro: GROW-7");
    }

    @Test
    void noResultAtAllCountsAsNoSummary() {
        when(jira.record("OPS-12")).thenReturn(null);

        assertThat(pages.prepare(RetroBlueprint.POSTMORTEM, "OPS-12").title()).isEqualTo("Post-mortem: OPS-12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void aBlankSummaryCountsAsNoSummary(String summary) {
        when(jira.record("OPS-12")).thenReturn(record("OPS-12", summary));

        assertThat(pages.prepare(RetroBlueprint.POSTMORTEM, "OPS-12").title()).isEqualTo("Post-mortem: OPS-12");
    }

    @Test
    void aSummaryWithoutAValueCountsAsNoSummary() {
        when(jira.record("OPS-12")).thenReturn(record("OPS-12", null));

        assertThat(pages.prepare(RetroBlueprint.POSTMORTEM, "OPS-12").title()).isEqualTo("Post-mortem: OPS-12");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "OPS", "OPS-0", "12-OPS", "OPS 12", "OPS-12\"><script>", "<b>OPS-1</b>"})
    void withoutAValidKeyThePageIsMadeWithoutJira(String raw) throws Exception {
        RetroPage page = pages.prepare(RetroBlueprint.POSTMORTEM, raw);

        verifyNoInteractions(jira);
        assertThat(page.title()).isEqualTo("Post-mortem");
        assertThat(page.issueKey()).isEmpty();
        assertThat(xml(page.introXhtml()).getDocumentElement().getTextContent())
                .isEqualTo("No Jira issue is linked yet: edit the retro macro below and enter the issue key.");
        assertThat(pages.prepare(RetroBlueprint.EXPERIMENT_RETRO, raw).title()).isEqualTo("Experiment retro");
    }

    @Test
    void aHostileSummaryIsTextInTheStorageFormatAndInTheTitle() throws Exception {
        String hostile = "<script>alert('x')</script> R&D \"quoted\" &amp; {0}";
        when(jira.record("OPS-12")).thenReturn(record("OPS-12", hostile));

        RetroPage page = pages.prepare(RetroBlueprint.POSTMORTEM, "OPS-12");

        assertThat(page.introXhtml())
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; R&amp;D &quot;quoted&quot; &amp;amp; {0}");
        Document intro = xml(page.introXhtml());
        assertThat(intro.getElementsByTagName("script").getLength()).isZero();
        assertThat(intro.getDocumentElement().getTextContent())
                .isEqualTo("This retro is about the Jira issue OPS-12: " + hostile);
        // a title is plain text: Confluence escapes it where it shows it, so escaping here would show "&amp;"
        assertThat(page.title()).isEqualTo("Post-mortem: OPS-12 " + hostile);
    }

    @Test
    void aSummaryIsOneLine() {
        when(jira.record("OPS-12")).thenReturn(record("OPS-12", "  Checkout\r\ndown\t\tagain \u2028 today "));

        assertThat(pages.prepare(RetroBlueprint.POSTMORTEM, "OPS-12").title())
                .isEqualTo("Post-mortem: OPS-12 Checkout down again today");
    }

    @Test
    void aLongTitleIsCutToWhatConfluenceAccepts() {
        when(jira.record("OPS-12")).thenReturn(record("OPS-12", "word ".repeat(100)));

        String title = pages.prepare(RetroBlueprint.POSTMORTEM, "OPS-12").title();

        assertThat(title).hasSizeLessThanOrEqualTo(RetroBlueprintPages.MAX_TITLE_LENGTH)
                .startsWith("Post-mortem: OPS-12 word word").endsWith("word\u2026");
    }

    @Test
    void cuttingNeverSplitsACharacter() {
        String title = "a".repeat(253) + "\uD83D\uDE00" + "tail"; // the emoji's halves at 253 and 254
        String cut = RetroBlueprintPages.title(title);
        assertThat(cut).hasSize(254).endsWith("a\u2026");
        assertThat(RetroBlueprintPages.title("short")).isEqualTo("short");
        assertThat(RetroBlueprintPages.title("b".repeat(255))).isEqualTo("b".repeat(255));
    }
}
