package dev.failforward.confluence.rest;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.confluence.jira.FailureDbClient;
import dev.failforward.confluence.jira.FieldProblem;
import dev.failforward.confluence.jira.JiraResult;
import dev.failforward.confluence.jira.LearningPageView;
import dev.failforward.confluence.jira.LearningSearch;
import dev.failforward.confluence.jira.SimilarView;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.rest.testing.RestApp;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The learnings archive's REST resource on real Jersey (in-memory container), Jira behind a Mockito client. */
class LearningsRestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BundleI18nResolver I18N = ConfluenceRest.english();
    /** 23:30 on 6 May in UTC: already 7 May in Tokyo, the clock's zone; the archive counts UTC days. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-06T23:30:00Z"), ZoneId.of("Asia/Tokyo"));
    private static final UserKey USER = new UserKey("u1");
    private static final LearningSearch FIRST_PAGE = new LearningSearch(List.of(), null, null, null, null, null, null,
            null, 0, 20);

    private final FailureDbClient jira = mock(FailureDbClient.class);
    private final UserManager users = mock(UserManager.class);
    private RestApp jersey;

    @BeforeEach
    void start() {
        when(users.getRemoteUserKey()).thenReturn(USER);
        jersey = ConfluenceRest.app(I18N)
                .register(new LearningsResource(jira, users, I18N, CLOCK))
                .start();
    }

    @AfterEach
    void stop() {
        jersey.close();
    }

    /** GET of a path relative to the application, with its query as written (already percent-encoded). */
    private Response get(String pathAndQuery) {
        return jersey.getRaw(pathAndQuery);
    }

    private static JsonNode json(Response response) throws Exception {
        return JSON.readTree(response.readEntity(String.class));
    }

    private static LearningPageView page(URI jiraUrl) {
        Map<String, Integer> projects = new LinkedHashMap<>();
        projects.put("GROW", 1);
        projects.put("OPS", 41);
        return new LearningPageView(0, 20, 42, List.of(
                new LearningPageView.Item(7, "Canary deploys catch schema drift", "insight",
                        Instant.parse("2026-05-05T10:00:00Z"),
                        new LearningPageView.Record("OPS-42", "OPS", "Checkout down", "incident", "Done", "complex",
                                "process_deviation"),
                        new LearningPageView.RetroPage("https://wiki.example.com/x/AbC", "OPS-42 post-mortem")),
                new LearningPageView.Item(8, "<b>Yearly</b> prices scare small teams", "surprise", null,
                        new LearningPageView.Record("GROW-3", "GROW", "Pricing", "experiment", "Decided", null, null),
                        new LearningPageView.RetroPage("javascript:alert(1)", "evil"))),
                new LearningPageView.Facets(projects, Map.of("experiment", 1, "incident", 41),
                        Map.of("insight", 30), Map.of("complex", 40), Map.of()),
                null, jiraUrl);
    }

    /** A page Jira's index answered while another node's index builds: highlights, months and the index's state. */
    private static LearningPageView highlighted(SimilarView.Index index) {
        Map<String, Integer> months = new LinkedHashMap<>();
        months.put("2026-04", 3);
        months.put("2026-05", 2);
        return new LearningPageView(0, 20, 2, List.of(
                new LearningPageView.Item(7, "Roll back <fast>", "insight", null,
                        new LearningPageView.Record("OPS-42", "OPS", null, "incident", null, null, null), null,
                        List.of(new LearningPageView.Segment("Roll ", false),
                                new LearningPageView.Segment("back", true),
                                new LearningPageView.Segment(" <fast>", false))),
                new LearningPageView.Item(8, "plain", "insight", null,
                        new LearningPageView.Record("OPS-43", "OPS", null, "incident", null, null, null), null)),
                new LearningPageView.Facets(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), months),
                index, null);
    }

    @Test
    void anOkPageLinksEachLearningToItsIssueAndRetro() throws Exception {
        when(jira.searchLearnings(FIRST_PAGE)).thenReturn(new JiraResult.Ok<>(page(URI.create("https://jira.example.com/"))));

        Response response = get("learnings");

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("state").asText()).isEqualTo("ok");
        assertThat(body.path("message").isNull()).isTrue();
        assertThat(body.path("jiraUrl").asText()).isEqualTo("https://jira.example.com");
        assertThat(body.path("startAt").asInt()).isZero();
        assertThat(body.path("maxResults").asInt()).isEqualTo(20);
        assertThat(body.path("total").asInt()).isEqualTo(42);
        JsonNode first = body.path("items").get(0);
        assertThat(first.path("id").asLong()).isEqualTo(7);
        assertThat(first.path("text").asText()).isEqualTo("Canary deploys catch schema drift");
        assertThat(first.path("kind").asText()).isEqualTo("insight");
        assertThat(first.path("createdAt").asText()).isEqualTo("2026-05-05T10:00:00Z");
        assertThat(first.path("record").path("issueKey").asText()).isEqualTo("OPS-42");
        assertThat(first.path("record").path("category").asText()).isEqualTo("process_deviation");
        assertThat(first.path("record").path("url").asText()).isEqualTo("https://jira.example.com/browse/OPS-42");
        assertThat(first.path("retroPage").path("url").asText()).isEqualTo("https://wiki.example.com/x/AbC");
        assertThat(first.path("retroPage").path("title").asText()).isEqualTo("OPS-42 post-mortem");
        JsonNode second = body.path("items").get(1);
        assertThat(second.path("text").asText()).isEqualTo("<b>Yearly</b> prices scare small teams");
        assertThat(second.path("createdAt").isNull()).isTrue();
        assertThat(second.path("record").path("failureType").isNull()).isTrue();
        assertThat(second.path("retroPage").isNull()).as("a javascript: URL never reaches the page").isTrue();
        JsonNode facets = body.path("facets");
        assertThat(facets.path("project").toString()).isEqualTo("[{\"value\":\"GROW\",\"count\":1},{\"value\":\"OPS\",\"count\":41}]");
        assertThat(facets.path("failureType").get(0).path("value").asText()).isEqualTo("complex");
        assertThat(facets.path("category").isArray()).isTrue();
        assertThat(facets.path("category")).isEmpty();
        assertThat(facets.path("period").isArray()).isTrue();
        assertThat(facets.path("period")).isEmpty();
        assertThat(body.path("index").isNull()).as("Jira did not say: no index line").isTrue();
        assertThat(first.path("highlight").isNull()).as("no highlight: the plain text").isTrue();
    }

    @Test
    void passesTheIndexStateTheMonthFacetAndHighlightSegmentsOn() throws Exception {
        when(jira.searchLearnings(FIRST_PAGE))
                .thenReturn(new JiraResult.Ok<>(highlighted(new SimilarView.Index("building", 42))));

        JsonNode body = json(get("learnings"));

        assertThat(body.path("index").toString()).isEqualTo("{\"state\":\"building\",\"percent\":42}");
        assertThat(body.path("facets").path("period").toString())
                .isEqualTo("[{\"value\":\"2026-04\",\"count\":3},{\"value\":\"2026-05\",\"count\":2}]");
        JsonNode first = body.path("items").get(0);
        assertThat(first.path("text").asText()).isEqualTo("Roll back <fast>");
        assertThat(first.path("highlight").toString()).as("segments stay plain text: the browser escapes them")
                .isEqualTo("[{\"text\":\"Roll \",\"match\":false},{\"text\":\"back\",\"match\":true},"
                        + "{\"text\":\" <fast>\",\"match\":false}]");
        assertThat(body.path("items").get(1).path("highlight").isNull()).isTrue();

        when(jira.searchLearnings(FIRST_PAGE))
                .thenReturn(new JiraResult.Ok<>(highlighted(new SimilarView.Index("ready", 100))));
        assertThat(json(get("learnings")).path("index").path("state").asText()).isEqualTo("ready");
    }

    @Test
    void withoutJirasDisplayUrlIssuesAreNotLinked() throws Exception {
        when(jira.searchLearnings(FIRST_PAGE)).thenReturn(new JiraResult.Ok<>(page(null)));
        JsonNode body = json(get("learnings"));
        assertThat(body.path("jiraUrl").isNull()).isTrue();
        assertThat(body.path("items").get(0).path("record").path("url").isNull()).isTrue();
    }

    @Test
    void passesEveryParameterOnNormalised() throws Exception {
        when(jira.searchLearnings(any())).thenReturn(new JiraResult.Ok<>(page(null)));

        Response response = get("learnings?project=ops,grow&project=OPS&recordKind=Incident&learningKind=went-well"
                + "&failureType=COMPLEX&category=data_gap&from=2026-01-01&to=2026-03-31&text=%20roll%20back%20"
                + "&startAt=40&maxResults=100");

        assertThat(response.getStatus()).isEqualTo(200);
        verify(jira).searchLearnings(new LearningSearch(List.of("OPS", "GROW"), "incident", "went_well", "complex",
                "data_gap", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), "roll back", 40, 100));
    }

    @Test
    void aPeriodBecomesTheFirstUtcDayOnTheServersClock() throws Exception {
        when(jira.searchLearnings(any())).thenReturn(new JiraResult.Ok<>(page(null)));

        get("learnings?period=30d");
        verify(jira).searchLearnings(new LearningSearch(List.of(), null, null, null, null, LocalDate.of(2026, 4, 7),
                null, null, 0, 20));
        get("learnings?period=this-year");
        verify(jira).searchLearnings(new LearningSearch(List.of(), null, null, null, null, LocalDate.of(2026, 1, 1),
                null, null, 0, 20));
        get("learnings?period=all");
        verify(jira).searchLearnings(FIRST_PAGE);
    }

    @Test
    void everyBadParameterIsNamedInOne400AndJiraIsNotAsked() throws Exception {
        Response response = get("learnings?project=OPS,1x&recordKind=postmortem&learningKind=wisdom&failureType=fatal"
                + "&category=people&from=2026-13-01&to=yesterday&period=7d&text=" + "t".repeat(201)
                + "&startAt=-1&maxResults=101");

        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.path("status").asInt()).isEqualTo(400);
        assertThat(body.path("message").asText()).isEqualTo("The request is not valid.");
        assertThat(body.path("errors").findValuesAsText("field")).containsExactly("project", "recordKind",
                "learningKind", "failureType", "category", "from", "to", "period", "text", "startAt", "maxResults");
        assertThat(body.path("errors").findValuesAsText("code")).containsExactly("format", "unknown", "unknown",
                "unknown", "unknown", "invalid", "invalid", "unknown", "too-long", "out-of-range", "out-of-range");
        assertThat(body.path("errors").get(0).path("message").asText())
                .isEqualTo("Each value of \"project\" must be a Jira project key such as OPS, not \"OPS,1x\".");
        assertThat(body.path("errors").get(1).path("message").asText())
                .isEqualTo("The parameter \"recordKind\" must be one of experiment, incident, not \"postmortem\".");
        assertThat(body.path("errors").get(4).path("message").asText()).contains(
                "design_flaw, data_gap, process_deviation, external_shock, other");
        assertThat(body.path("errors").get(7).path("message").asText())
                .isEqualTo("The parameter \"period\" must be one of all, 30d, 90d, 12m, this-year, not \"7d\".");
        assertThat(body.path("errors").get(8).path("message").asText())
                .isEqualTo("The parameter \"text\" must not be longer than 200 characters.");
        assertThat(body.path("errors").get(10).path("message").asText())
                .isEqualTo("The parameter \"maxResults\" must be a whole number from 1 to 100, not \"101\".");
        verifyNoInteractions(jira);
    }

    @Test
    void datesMustBeInOrderAndAPeriodExcludesDates() throws Exception {
        JsonNode reversed = json(get("learnings?from=2026-03-01&to=2026-02-01"));
        assertThat(reversed.path("errors").findValuesAsText("field")).containsExactly("to");
        assertThat(reversed.path("errors").get(0).path("code").asText()).isEqualTo("before-from");

        JsonNode both = json(get("learnings?from=2026-03-01&period=90d"));
        assertThat(both.path("errors").findValuesAsText("field")).containsExactly("period");
        assertThat(both.path("errors").get(0).path("code").asText()).isEqualTo("conflict");
        verifyNoInteractions(jira);
    }

    @Test
    void everyExpectedFailureIsA200WithTheRetroHeadersStates() throws Exception {
        when(users.isAdmin(USER)).thenReturn(true);
        when(jira.searchLearnings(FIRST_PAGE)).thenReturn(new JiraResult.NoLink<>("/plugins/servlet/applinks/listApplicationLinks"));
        Response noLinkResponse = get("learnings");
        assertThat(noLinkResponse.getStatus()).isEqualTo(200);
        JsonNode noLink = json(noLinkResponse);
        assertThat(noLink.path("state").asText()).isEqualTo("no-link");
        assertThat(noLink.path("message").asText())
                .isEqualTo("No Jira is linked to this Confluence yet, so the learnings archive cannot be shown.");
        assertThat(noLink.path("adminUrl").asText()).isEqualTo("/plugins/servlet/applinks/listApplicationLinks");
        assertThat(noLink.path("items")).isEmpty();
        assertThat(noLink.path("total").asInt()).isZero();
        assertThat(noLink.path("facets").path("project")).isEmpty();
        assertThat(noLink.path("facets").path("period")).isEmpty();
        assertThat(noLink.path("index").isNull()).isTrue();

        when(jira.searchLearnings(FIRST_PAGE)).thenReturn(new JiraResult.AuthorizationRequired<>(URI.create("https://wiki/oauth?x=1")));
        JsonNode authorize = json(get("learnings"));
        assertThat(authorize.path("state").asText()).isEqualTo("authorize");
        assertThat(authorize.path("authorizeUri").asText()).isEqualTo("https://wiki/oauth?x=1");
        assertThat(authorize.path("message").asText()).isEqualTo("Confluence needs your permission to read Jira as you.");

        when(jira.searchLearnings(FIRST_PAGE)).thenReturn(new JiraResult.Unavailable<>("Jira answered HTTP 503"));
        JsonNode unavailable = json(get("learnings"));
        assertThat(unavailable.path("state").asText()).isEqualTo("unavailable");
        assertThat(unavailable.path("message").asText()).isEqualTo("Jira could not be reached just now. Try again in a minute.");
        assertThat(unavailable.toString()).doesNotContain("503");

        when(jira.searchLearnings(FIRST_PAGE)).thenReturn(new JiraResult.NotFound<>());
        JsonNode notFound = json(get("learnings"));
        assertThat(notFound.path("state").asText()).isEqualTo("not-found");
        assertThat(notFound.path("message").asText()).startsWith("The Fail Forward app in Jira does not offer");

        when(jira.searchLearnings(FIRST_PAGE)).thenReturn(new JiraResult.Forbidden<>());
        JsonNode forbidden = json(get("learnings"));
        assertThat(forbidden.path("state").asText()).isEqualTo("forbidden");
        assertThat(forbidden.path("message").asText()).isEqualTo("Jira does not let you search the learnings archive.");
    }

    @Test
    void onlyAdministratorsGetTheApplinksAdminPage() throws Exception {
        when(users.isAdmin(USER)).thenReturn(false);
        when(jira.searchLearnings(FIRST_PAGE)).thenReturn(new JiraResult.NoLink<>("/plugins/servlet/applinks/listApplicationLinks"));
        JsonNode noLink = json(get("learnings"));
        assertThat(noLink.path("state").asText()).isEqualTo("no-link");
        assertThat(noLink.path("adminUrl").isNull()).isTrue();
    }

    @Test
    void jirasOwnFieldErrorsPassThroughAs400() throws Exception {
        when(jira.searchLearnings(FIRST_PAGE)).thenReturn(new JiraResult.Invalid<>(
                List.of(new FieldProblem("text", "too-long", "Text is too long."))));
        Response response = get("learnings");
        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.path("message").asText()).isEqualTo("Jira did not accept the input.");
        assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("text");
        assertThat(body.path("errors").get(0).path("message").asText()).isEqualTo("Text is too long.");
    }

    @Test
    void anonymousCallersGet401BeforeAnyCheck() throws Exception {
        when(users.getRemoteUserKey()).thenReturn(null);
        Response response = get("learnings?maxResults=999");
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(json(response).path("message").asText()).isEqualTo("Log in to use Fail Forward.");
        verifyNoInteractions(jira);
    }
}
