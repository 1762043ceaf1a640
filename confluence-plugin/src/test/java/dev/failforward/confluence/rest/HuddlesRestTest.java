package dev.failforward.confluence.rest;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.confluence.jira.FailureDbClient;
import dev.failforward.confluence.jira.FieldProblem;
import dev.failforward.confluence.jira.HuddleBoardView;
import dev.failforward.confluence.jira.HuddleHeldView;
import dev.failforward.confluence.jira.JiraResult;
import dev.failforward.host.i18n.BundleI18nResolver;
import dev.failforward.rest.testing.RestApp;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * {@code GET /huddles/board} and {@code POST /huddles} on real Jersey (in-memory container), Jira behind a Mockito
 * {@link FailureDbClient}: the failure huddle retro prepares the team's huddle from Jira and marks it held.
 */
class HuddlesRestTest {

    private static final BundleI18nResolver I18N = ConfluenceRest.english();

    private static final HuddleBoardView BOARD = new HuddleBoardView(List.of("OPS", "CARE"), "2026-W49",
            "2026-11-30T09:00:00Z", true, new HuddleBoardView.Held("2026-W48", "2026-11-30T09:00:00Z", "Anna Admin"),
            null, 3,
            List.of(new HuddleBoardView.Failure("OPS-106", "Checkout errors after a config change", "incident",
                    "Investigating", "2026-12-04T10:00:00Z")),
            List.of(new HuddleBoardView.Rule("OPS-106", "Checkout errors after a config change",
                    "2026-12-05T10:00:00Z", 1, 3, 0, 2)),
            List.of(new HuddleBoardView.Overdue("Put configuration changes through the canary stage", "Sam Ops",
                    "2026-11-20", 15, "OPS-102", "Payment timeouts")),
            4, "The learning reused most in the period; else the newest.",
            new HuddleBoardView.Celebration(77, "After a jam the printer repeats the previous label", "insight",
                    "CARE-9", "Wrong wristband", 2),
            URI.create("https://jira.example.com/"));

    private final FailureDbClient jira = mock(FailureDbClient.class);
    private final UserManager users = mock(UserManager.class);
    private final ApplicationProperties application = mock(ApplicationProperties.class);
    private RestApp jersey;

    @BeforeEach
    void start() {
        when(users.getRemoteUserKey()).thenReturn(new UserKey("u1"));
        when(application.getBaseUrl(UrlMode.CANONICAL)).thenReturn("https://wiki.example.com/confluence/");
        jersey = ConfluenceRest.app(I18N)
                .bind(FailureDbClient.class, jira)
                .bind(UserManager.class, "salUserManager", users)
                .bind(ApplicationProperties.class, application)
                .register(HuddlesResource.class)
                .start();
    }

    @AfterEach
    void stop() {
        jersey.close();
    }

    @Test
    void theBoardComesFromJiraWithEveryIssueLinkedIntoJira() {
        when(jira.huddleBoard(List.of("OPS", "CARE"))).thenReturn(new JiraResult.Ok<>(BOARD));

        Response response = jersey.getRaw("huddles/board?projects=ops,%20care");

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode body = RestApp.json(response);
        assertThat(body.path("state").asText()).isEqualTo("ok");
        assertThat(body.path("projects")).hasSize(2);
        JsonNode board = body.path("board");
        assertThat(board.path("sinceLastHuddle").asBoolean()).isTrue();
        assertThat(board.path("lastHuddle").path("heldByName").asText()).isEqualTo("Anna Admin");
        assertThat(board.path("heldThisWeek").isNull()).isTrue();
        assertThat(board.path("failuresTotal").asInt()).isEqualTo(3);
        assertThat(board.path("failures").get(0).path("url").asText()).isEqualTo("https://jira.example.com/browse/OPS-106");
        JsonNode rule = board.path("openRules").get(0);
        assertThat(rule.path("deadline").asText()).isEqualTo("2026-12-05T10:00:00Z");
        assertThat(rule.path("minLearnings").asInt()).isEqualTo(3);
        JsonNode overdue = board.path("overdue").get(0);
        assertThat(overdue.path("daysOverdue").asLong()).isEqualTo(15);
        assertThat(overdue.path("url").asText()).isEqualTo("https://jira.example.com/browse/OPS-102");
        assertThat(board.path("overdueTotal").asInt()).isEqualTo(4);
        assertThat(board.path("celebrate").path("text").asText()).startsWith("After a jam");
        assertThat(board.path("celebrate").path("url").asText()).isEqualTo("https://jira.example.com/browse/CARE-9");
        assertThat(board.path("celebrationRule").asText()).contains("reused most");
    }

    @Test
    void whatJiraWillNotShowIsAStateWithItsMessage() {
        when(jira.huddleBoard(anyList())).thenReturn(new JiraResult.Forbidden<>());
        JsonNode forbidden = RestApp.json(jersey.getRaw("huddles/board?projects=OPS,SECRET"));
        assertThat(forbidden.path("state").asText()).isEqualTo("forbidden");
        assertThat(forbidden.path("message").asText()).contains("OPS, SECRET");
        assertThat(forbidden.path("board").isNull()).isTrue();

        when(jira.huddleBoard(anyList())).thenReturn(new JiraResult.NoLink<>("/plugins/servlet/applinks/listApplicationLinks"));
        when(users.isAdmin(new UserKey("u1"))).thenReturn(true);
        JsonNode noLink = RestApp.json(jersey.getRaw("huddles/board?projects=OPS"));
        assertThat(noLink.path("state").asText()).isEqualTo("no-link");
        assertThat(noLink.path("adminUrl").asText()).isEqualTo("/plugins/servlet/applinks/listApplicationLinks");

        when(jira.huddleBoard(anyList())).thenReturn(new JiraResult.Unavailable<>("Jira timed out"));
        JsonNode down = RestApp.json(jersey.getRaw("huddles/board?projects=OPS"));
        assertThat(down.path("state").asText()).isEqualTo("unavailable");
        assertThat(down.path("message").asText()).isEqualTo("Jira could not be reached just now. Try again in a minute.")
                .as("the diagnostic reason is logged, never answered").doesNotContain("timed out");
    }

    @Test
    void badProjectsAreA400NamingThemBeforeJiraIsAsked() {
        Response none = jersey.getRaw("huddles/board");
        assertThat(none.getStatus()).isEqualTo(400);
        JsonNode required = RestApp.json(none).path("errors").get(0);
        assertThat(required.path("field").asText()).isEqualTo("projects");
        assertThat(required.path("message").asText()).contains("required");

        Response bad = jersey.getRaw("huddles/board?projects=OPS,not%20a%20key");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(RestApp.json(bad).path("errors").get(0).path("message").asText()).contains("projects")
                .contains("not a key");

        String many = String.join(",", java.util.stream.IntStream.range(0, 51).mapToObj(i -> "P" + i).toList());
        assertThat(jersey.getRaw("huddles/board?projects=" + many).getStatus()).isEqualTo(400);

        Response array = jersey.post("huddles", "{\"projects\":[\"OPS\",7]}");
        assertThat(array.getStatus()).isEqualTo(400);
        assertThat(RestApp.json(array).path("errors").get(0).path("field").asText()).isEqualTo("projects");
        Response page = jersey.post("huddles", "{\"projects\":[\"OPS\"],\"pageId\":\"x1\"}");
        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(RestApp.json(page).path("errors").get(0).path("field").asText()).isEqualTo("pageId");
        verifyNoInteractions(jira);
    }

    @Test
    void anonymousIs401() {
        when(users.getRemoteUserKey()).thenReturn(null);
        assertThat(jersey.getRaw("huddles/board?projects=OPS").getStatus()).isEqualTo(401);
        assertThat(jersey.post("huddles", "{\"projects\":[\"OPS\"]}").getStatus()).isEqualTo(401);
        verifyNoInteractions(jira);
    }

    @Test
    void markingTheHuddleHeldKeepsThePageInJiraAnd201ThenTheSecondIs200() {
        HuddleBoardView.Held held = new HuddleBoardView.Held("2026-W49", "2026-12-07T09:05:00Z", "Dee Demo");
        when(jira.holdHuddle(List.of("OPS", "CARE"),
                "Held with the Confluence page \"Weekly huddle\": https://wiki.example.com/confluence/pages/viewpage.action?pageId=98003"))
                .thenReturn(new JiraResult.Ok<>(new HuddleHeldView(true, "The huddle of OPS, CARE for 2026-W49 is marked held.", held)))
                .thenReturn(new JiraResult.Ok<>(new HuddleHeldView(false, "It was already held this week.", held)));

        String body = "{\"projects\":[\"OPS\",\"care\"],\"pageId\":\"98003\",\"pageTitle\":\"Weekly huddle\"}";
        Response first = jersey.post("huddles", body);
        assertThat(first.getStatus()).isEqualTo(201);
        JsonNode created = RestApp.json(first);
        assertThat(created.path("state").asText()).isEqualTo("ok");
        assertThat(created.path("created").asBoolean()).isTrue();
        assertThat(created.path("message").asText()).contains("marked held");
        assertThat(created.path("huddle").path("week").asText()).isEqualTo("2026-W49");

        Response second = jersey.post("huddles", body);
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(RestApp.json(second).path("created").asBoolean()).isFalse();

        when(jira.holdHuddle(List.of("LAB"), null)).thenReturn(new JiraResult.Ok<>(new HuddleHeldView(true, "held", held)));
        assertThat(jersey.post("huddles", "{\"projects\":\"lab\"}").getStatus()).as("a comma-separated string, no page")
                .isEqualTo(201);
    }

    @Test
    void aMarkThatDidNotHappenAnswersAnErrorStatusWithItsState() {
        when(jira.holdHuddle(anyList(), any())).thenReturn(new JiraResult.Forbidden<>());
        Response forbidden = jersey.post("huddles", "{\"projects\":[\"OPS\"]}");
        assertThat(forbidden.getStatus()).isEqualTo(403);
        assertThat(RestApp.json(forbidden).path("state").asText()).isEqualTo("forbidden");

        when(jira.holdHuddle(anyList(), any())).thenReturn(new JiraResult.AuthorizationRequired<>(
                URI.create("https://jira.example.com/plugins/servlet/oauth/authorize?x=1")));
        Response authorize = jersey.post("huddles", "{\"projects\":[\"OPS\"]}");
        assertThat(authorize.getStatus()).isEqualTo(409);
        assertThat(RestApp.json(authorize).path("authorizeUri").asText()).startsWith("https://jira.example.com/");

        when(jira.holdHuddle(anyList(), any())).thenReturn(new JiraResult.Unavailable<>("down"));
        assertThat(jersey.post("huddles", "{\"projects\":[\"OPS\"]}").getStatus()).isEqualTo(503);

        when(jira.holdHuddle(anyList(), any())).thenReturn(new JiraResult.Invalid<>(
                List.of(new FieldProblem("note", "too-long", "Note: at most 2000 characters."))));
        Response invalid = jersey.post("huddles", "{\"projects\":[\"OPS\"]}");
        assertThat(invalid.getStatus()).isEqualTo(400);
        assertThat(RestApp.json(invalid).path("errors").get(0).path("field").asText()).isEqualTo("note");
        verify(jira, org.mockito.Mockito.times(4)).holdHuddle(List.of("OPS"), null);
    }
}
