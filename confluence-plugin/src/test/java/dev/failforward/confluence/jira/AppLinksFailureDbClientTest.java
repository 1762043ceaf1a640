package dev.failforward.confluence.jira;

import com.atlassian.applinks.api.ApplicationLink;
import com.atlassian.applinks.api.ApplicationLinkRequest;
import com.atlassian.applinks.api.ApplicationLinkRequestFactory;
import com.atlassian.applinks.api.ApplicationLinkResponseHandler;
import com.atlassian.applinks.api.ApplicationLinkService;
import com.atlassian.applinks.api.AuthorisationURIGenerator;
import com.atlassian.applinks.api.CredentialsRequiredException;
import com.atlassian.applinks.api.application.jira.JiraApplicationType;
import com.atlassian.sal.api.net.Request.MethodType;
import com.atlassian.sal.api.net.Response;
import com.atlassian.sal.api.net.ResponseException;
import com.atlassian.sal.api.net.ResponseTimeoutException;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import dev.failforward.core.record.SourcePage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The client against mocked Application Links: Jira's answers are real JSON bodies in the shape of the Jira plugin's
 * OpenAPI description; each failure mode of the link, the network and Jira is one test.
 */
class AppLinksFailureDbClientTest {

    static final URI AUTHORIZE = URI.create("https://wiki.example.com/plugins/servlet/applinks/oauth/login-dance/authorize?applicationLinkID=1");
    static final String RECORD_URL = "/rest/failforward/1.0/records/OPS-42";

    static final String RECORD_JSON = """
            {"record": {"issueId": 10042, "issueKey": "OPS-42", "projectKey": "OPS", "kind": "incident",
                        "summary": "Checkout down after deploy", "status": "In Review", "phase": "review",
                        "hypothesis": null, "successCriteria": null, "stopCriteria": null, "outcome": null,
                        "decision": null, "failureType": "complex", "failureCategory": "process",
                        "failureMode": "unknown", "team": "Payments", "component": "checkout",
                        "labels": ["deploy", "p1"], "recurrenceOf": [], "discoveredAt": "2026-05-04T07:40:00Z",
                        "reportedAt": "2026-05-04T07:55:00Z", "resolvedAt": "2026-05-04T09:10:00Z",
                        "startedAt": null, "decidedAt": null, "createdAt": "2026-05-04T08:00:00Z",
                        "updatedAt": "2026-05-05T09:30:00Z", "version": 3, "aFieldJiraAddsLater": {"x": 1}},
             "learnings": [{"id": 7, "issueKey": "OPS-42", "text": "Canary deploys catch schema drift",
                            "kind": "insight", "authorKey": "JIRAUSER10100", "createdAt": "2026-05-05T10:00:00Z"}],
             "actionItems": [{"id": 9, "issueKey": "OPS-42", "description": "Add a schema check to the pipeline",
                              "ownerKey": "JIRAUSER10101", "ownerName": "Priya Shah", "dueDate": "2026-06-01", "type": "prevent",
                              "status": "open", "checkInDate": null, "checkInResult": null, "checkInNote": null,
                              "createdAt": "2026-05-05T10:05:00Z", "updatedAt": "2026-05-05T10:05:00Z",
                              "version": 1}],
             "whys": [{"position": 1, "question": "Why did checkout fail?", "answer": "The schema changed"}],
             "somethingNew": true}
            """;

    static final String LEARNING_JSON = """
            {"id": 8, "issueKey": "OPS-42", "text": "Feature flags make rollback cheap", "kind": "went_well",
             "authorKey": "JIRAUSER10100", "createdAt": "2026-05-06T12:00:00Z"}
            """;

    static final String ACTION_JSON = """
            {"id": 10, "issueKey": "OPS-42", "description": "Alert on checkout 5xx", "ownerKey": "JIRAUSER10101",
             "dueDate": "2026-06-15", "type": "detect", "status": "open", "checkInDate": "2026-07-15",
             "checkInResult": null, "checkInNote": null, "createdAt": "2026-05-06T12:00:00Z",
             "updatedAt": "2026-05-06T12:00:00Z", "version": 0}
            """;

    static final String LEARNINGS_URL = "/rest/failforward/1.0/learnings?startAt=0&maxResults=20";

    static final String LEARNING_PAGE_JSON = """
            {"startAt": 0, "maxResults": 20, "total": 42,
             "items": [{"id": 7, "text": "Canary deploys catch schema drift", "kind": "insight",
                        "createdAt": "2026-05-05T10:00:00Z",
                        "record": {"issueKey": "OPS-42", "projectKey": "OPS", "summary": "Checkout down after deploy",
                                   "kind": "incident", "status": "Done", "failureType": "complex",
                                   "category": "process_deviation"},
                        "retroPage": {"url": "https://wiki.example.com/pages/viewpage.action?pageId=99",
                                      "title": "OPS-42 post-mortem"}},
                       {"id": 8, "text": "Yearly prices scare small teams", "kind": "surprise",
                        "createdAt": "2026-05-04T09:00:00Z",
                        "record": {"issueKey": "GROW-3", "projectKey": "GROW", "summary": "Pricing page test",
                                   "kind": "experiment", "status": "Decided", "failureType": null, "category": null},
                        "retroPage": null},
                       {"id": 9, "text": "Feature flags make rollback cheap", "kind": "went_well",
                        "record": {"issueKey": "OPS-40", "kind": "incident"}, "aFieldJiraAddsLater": 1}],
             "facets": {"project": {"GROW": 1, "OPS": 41},
                        "recordKind": {"experiment": 1, "incident": 41},
                        "learningKind": {"insight": 30, "surprise": 10, "went_well": 2},
                        "failureType": {"complex": 40},
                        "category": {"process_deviation": 40, "weird": "not a number"}}}
            """;

    private final ApplicationLinkService links = mock(ApplicationLinkService.class);
    private final ApplicationLink link = mock(ApplicationLink.class);
    private final ApplicationLinkRequestFactory factory = mock(ApplicationLinkRequestFactory.class);
    private final UserManager users = mock(UserManager.class);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-06T12:00:00Z"));
    private final AppLinksFailureDbClient client = new AppLinksFailureDbClient(links, users, clock);

    @BeforeEach
    void aPrimaryJiraLinkAndALoggedInUser() {
        when(links.getPrimaryApplicationLink(JiraApplicationType.class)).thenReturn(link);
        when(link.createAuthenticatedRequestFactory()).thenReturn(factory);
        when(factory.getAuthorisationURI()).thenReturn(AUTHORIZE);
        actAs("alice");
    }

    private void actAs(String userKey) {
        when(users.getRemoteUserKey()).thenReturn(userKey == null ? null : new UserKey(userKey));
    }

    /** Jira answers this method and URL with this status and body (the handler's {@code handle} is called). */
    private ApplicationLinkRequest jiraAnswers(MethodType method, String url, int status, String body) throws Exception {
        ApplicationLinkRequest request = mock(ApplicationLinkRequest.class);
        doReturn(request).when(factory).createRequest(method, url); // also replaces an earlier thenThrow
        Response response = response(status, body);
        when(request.execute(any(ApplicationLinkResponseHandler.class)))
                .thenAnswer(call -> call.<ApplicationLinkResponseHandler<?>>getArgument(0).handle(response));
        return request;
    }

    /** Executing the request fails as applinks fails when Jira cannot be reached. */
    private void jiraFails(MethodType method, String url, ResponseException failure) throws Exception {
        ApplicationLinkRequest request = mock(ApplicationLinkRequest.class);
        doReturn(request).when(factory).createRequest(method, url);
        when(request.execute(any(ApplicationLinkResponseHandler.class))).thenThrow(failure);
    }

    private static Response response(int status, String body) throws ResponseException {
        Response response = mock(Response.class);
        when(response.getStatusCode()).thenReturn(status);
        when(response.getResponseBodyAsString()).thenReturn(body);
        return response;
    }

    private static String unavailableReason(JiraResult<?> result) {
        assertThat(result).isInstanceOf(JiraResult.Unavailable.class);
        String reason = ((JiraResult.Unavailable<?>) result).reason();
        assertThat(reason).doesNotContain("Exception", "\tat ", "\n");
        return reason;
    }

    // ----- success --------------------------------------------------------------------------------------------------

    @Test
    void readsARecordWithItsLearningsActionItemsAndWhys() throws Exception {
        jiraAnswers(MethodType.GET, RECORD_URL, 200, RECORD_JSON);

        RecordView view = client.record("OPS-42").okValue().orElseThrow();

        assertThat(view.record()).isEqualTo(new RecordFacts("OPS-42", "OPS", "incident", "Checkout down after deploy",
                "In Review", "review", null, null, null, null, null, "complex", "process", "unknown", "Payments",
                "checkout", List.of("deploy", "p1"), Instant.parse("2026-05-04T07:40:00Z"),
                Instant.parse("2026-05-04T07:55:00Z"), Instant.parse("2026-05-04T09:10:00Z"), null, null,
                Instant.parse("2026-05-04T08:00:00Z"),
                Instant.parse("2026-05-05T09:30:00Z")));
        assertThat(view.learnings()).containsExactly(new LearningView(7, "OPS-42", "Canary deploys catch schema drift",
                "insight", "JIRAUSER10100", Instant.parse("2026-05-05T10:00:00Z")));
        assertThat(view.actionItems()).containsExactly(new ActionView(9, "OPS-42", "Add a schema check to the pipeline",
                "JIRAUSER10101", "Priya Shah", LocalDate.of(2026, 6, 1), "prevent", "open", null, null, null,
                Instant.parse("2026-05-05T10:05:00Z"), Instant.parse("2026-05-05T10:05:00Z"), 1));
        assertThat(view.whys()).containsExactly(new WhyView(1, "Why did checkout fail?", "The schema changed"));
    }

    @Test
    void asksJiraAsTheCurrentUserWithJsonAndShortTimeouts() throws Exception {
        ApplicationLinkRequest request = jiraAnswers(MethodType.GET, RECORD_URL, 200, RECORD_JSON);

        client.record("OPS-42");

        verify(link).createAuthenticatedRequestFactory();
        verify(factory).createRequest(MethodType.GET, RECORD_URL);
        verify(request).setConnectionTimeout(2_000);
        verify(request).setSoTimeout(4_000);
        verify(request).setHeader("Accept", "application/json");
        verify(request, never()).setRequestBody(anyString(), anyString());
    }

    @Test
    void toleratesARecordWithOnlyItsKey() throws Exception {
        jiraAnswers(MethodType.GET, RECORD_URL, 200, "{\"record\": {\"issueKey\": \"OPS-42\", \"labels\": null},"
                + " \"whys\": null, \"newTopLevel\": [1, 2]}");

        RecordView view = client.record("OPS-42").okValue().orElseThrow();

        assertThat(view.record().issueKey()).isEqualTo("OPS-42");
        assertThat(view.record().labels()).isEmpty();
        assertThat(view.record().createdAt()).isNull();
        assertThat(view.learnings()).isEmpty();
        assertThat(view.actionItems()).isEmpty();
        assertThat(view.whys()).isEmpty();
    }

    @Test
    void encodesTheIssueKeyAsOnePathSegment() throws Exception {
        jiraAnswers(MethodType.GET, "/rest/failforward/1.0/records/OPS%2F42%3Fx%3D1", 404, "{}");

        assertThat(client.record("OPS/42?x=1")).isEqualTo(new JiraResult.NotFound<>());
    }

    @Test
    void answersABlankIssueKeyWithoutAskingJira() {
        assertThat(client.record(" ")).isEqualTo(new JiraResult.NotFound<>());
        assertThat(client.addLearning(null, "text", "insight", null)).isEqualTo(new JiraResult.NotFound<>());
        verifyNoInteractions(links);
    }

    @Test
    void addsALearningAsJson() throws Exception {
        ApplicationLinkRequest request = jiraAnswers(MethodType.POST, RECORD_URL + "/learnings", 201, LEARNING_JSON);

        JiraResult<LearningView> result = client.addLearning("OPS-42", "Feature flags make rollback \"cheap\"", "went_well", null);

        assertThat(result).isEqualTo(new JiraResult.Ok<>(new LearningView(8, "OPS-42",
                "Feature flags make rollback cheap", "went_well", "JIRAUSER10100", Instant.parse("2026-05-06T12:00:00Z"))));
        verify(request).setRequestBody("{\"text\":\"Feature flags make rollback \\\"cheap\\\"\",\"kind\":\"went_well\"}",
                "application/json");
        verify(request).setHeader("Accept", "application/json");
        verify(request).setConnectionTimeout(2_000);
        verify(request).setSoTimeout(4_000);
    }

    @Test
    void aLearningCapturedOnAPageSendsThePage() throws Exception {
        ApplicationLinkRequest request = jiraAnswers(MethodType.POST, RECORD_URL + "/learnings", 201, LEARNING_JSON);

        client.addLearning("OPS-42", "t", "insight",
                new SourcePage("https://wiki.example.com/pages/viewpage.action?pageId=7", "OPS-42 retro"));

        verify(request).setRequestBody("{\"text\":\"t\",\"kind\":\"insight\",\"sourceUrl\":"
                + "\"https://wiki.example.com/pages/viewpage.action?pageId=7\",\"sourceTitle\":\"OPS-42 retro\"}",
                "application/json");
    }

    @Test
    void addsAnActionItemAsJson() throws Exception {
        ApplicationLinkRequest request = jiraAnswers(MethodType.POST, RECORD_URL + "/actions", 201, ACTION_JSON);

        JiraResult<ActionView> result = client.addAction("OPS-42",
                new NewAction("Alert on checkout 5xx", "JIRAUSER10101", "2026-06-15", "detect", "2026-07-15"));

        assertThat(result).isEqualTo(new JiraResult.Ok<>(new ActionView(10, "OPS-42", "Alert on checkout 5xx",
                "JIRAUSER10101", null, LocalDate.of(2026, 6, 15), "detect", "open", LocalDate.of(2026, 7, 15), null, null,
                Instant.parse("2026-05-06T12:00:00Z"), Instant.parse("2026-05-06T12:00:00Z"), 0)));
        verify(request).setRequestBody("{\"description\":\"Alert on checkout 5xx\",\"owner\":\"JIRAUSER10101\","
                + "\"dueDate\":\"2026-06-15\",\"type\":\"detect\",\"checkInDate\":\"2026-07-15\"}", "application/json");
    }

    @Test
    void leavesAnAbsentCheckInDateOutOfTheBody() throws Exception {
        ApplicationLinkRequest request = jiraAnswers(MethodType.POST, RECORD_URL + "/actions", 201, ACTION_JSON);

        client.addAction("OPS-42", new NewAction("Alert on checkout 5xx", "JIRAUSER10101", "2026-06-15", "detect", null));

        verify(request).setRequestBody("{\"description\":\"Alert on checkout 5xx\",\"owner\":\"JIRAUSER10101\","
                + "\"dueDate\":\"2026-06-15\",\"type\":\"detect\"}", "application/json");
    }

    // ----- no link, authorisation -----------------------------------------------------------------------------------

    @Test
    void pointsAdministratorsToTheApplinksPageWhenThereIsNoJiraLink() {
        when(links.getPrimaryApplicationLink(JiraApplicationType.class)).thenReturn(null);

        assertThat(client.record("OPS-42"))
                .isEqualTo(new JiraResult.NoLink<>("/plugins/servlet/applinks/listApplicationLinks"));
        assertThat(client.addLearning("OPS-42", "text", "insight", null))
                .isEqualTo(new JiraResult.NoLink<>("/plugins/servlet/applinks/listApplicationLinks"));
        verifyNoInteractions(link, factory);
    }

    @Test
    void asksTheUserToAuthoriseWhenCreatingTheRequestNeedsCredentials() throws Exception {
        URI dance = URI.create("https://wiki.example.com/plugins/servlet/applinks/oauth/login-dance/authorize?id=2");
        AuthorisationURIGenerator generator = mock(AuthorisationURIGenerator.class);
        when(generator.getAuthorisationURI()).thenReturn(dance);
        when(factory.createRequest(MethodType.GET, RECORD_URL))
                .thenThrow(new CredentialsRequiredException(generator, "You must authenticate to access this resource."));

        assertThat(client.record("OPS-42")).isEqualTo(new JiraResult.AuthorizationRequired<>(dance));
    }

    @Test
    void asksTheUserToAuthoriseWhenJiraAsksForCredentials() throws Exception {
        ApplicationLinkRequest request = mock(ApplicationLinkRequest.class);
        when(factory.createRequest(MethodType.GET, RECORD_URL)).thenReturn(request);
        Response unauthorised = response(401, "");
        when(request.execute(any(ApplicationLinkResponseHandler.class)))
                .thenAnswer(call -> call.<ApplicationLinkResponseHandler<?>>getArgument(0).credentialsRequired(unauthorised));

        assertThat(client.record("OPS-42")).isEqualTo(new JiraResult.AuthorizationRequired<>(AUTHORIZE));
    }

    @Test
    void treatsAPlain401AsAuthorisationRequired() throws Exception {
        jiraAnswers(MethodType.GET, RECORD_URL, 401, "{\"status\":401,\"message\":\"Log in.\",\"errors\":[]}");

        assertThat(client.record("OPS-42")).isEqualTo(new JiraResult.AuthorizationRequired<>(AUTHORIZE));
    }

    @Test
    void isUnavailableWhenCredentialsAreNeededButTheLinkCannotObtainThem() throws Exception {
        when(factory.getAuthorisationURI()).thenReturn(null);
        jiraAnswers(MethodType.GET, RECORD_URL, 401, "");

        assertThat(unavailableReason(client.record("OPS-42"))).contains("credentials");
    }

    @Test
    void doesNotCacheTheNeedToAuthorise() throws Exception {
        AuthorisationURIGenerator generator = mock(AuthorisationURIGenerator.class);
        when(generator.getAuthorisationURI()).thenReturn(AUTHORIZE);
        when(factory.createRequest(MethodType.GET, RECORD_URL))
                .thenThrow(new CredentialsRequiredException(generator, "authenticate"));
        assertThat(client.record("OPS-42")).isInstanceOf(JiraResult.AuthorizationRequired.class);

        jiraAnswers(MethodType.GET, RECORD_URL, 200, RECORD_JSON); // the user authorised in between
        assertThat(client.record("OPS-42").isOk()).isTrue();
    }

    // ----- Jira down or slow ----------------------------------------------------------------------------------------

    @Test
    void isUnavailableWhenJiraIsDown() throws Exception {
        ConnectException refused = new ConnectException("Connection refused");
        jiraFails(MethodType.GET, RECORD_URL, new ResponseException(refused));

        assertThat(unavailableReason(client.record("OPS-42"))).isEqualTo("Jira could not be reached: Connection refused");
    }

    @Test
    void isUnavailableWithoutDetailWhenTheFailureSaysNothing() throws Exception {
        jiraFails(MethodType.GET, RECORD_URL, new ResponseException());

        assertThat(unavailableReason(client.record("OPS-42"))).isEqualTo("Jira could not be reached");
    }

    @Test
    void saysItTimedOutWhenJiraIsSlow() throws Exception {
        jiraFails(MethodType.GET, RECORD_URL, new ResponseException(new SocketTimeoutException("Read timed out")));

        assertThat(unavailableReason(client.record("OPS-42")))
                .isEqualTo("Jira timed out (limits: 2 s to connect, 4 s to answer)");
    }

    @Test
    void recognisesSalsOwnTimeoutException() throws Exception {
        jiraFails(MethodType.POST, RECORD_URL + "/learnings", new ResponseTimeoutException("connect timed out"));

        assertThat(unavailableReason(client.addLearning("OPS-42", "text", "insight", null))).contains("timed out");
    }

    @Test
    void isUnavailableWhenJiraFailsWithA5xx() throws Exception {
        jiraAnswers(MethodType.GET, RECORD_URL, 503, "<html>Service Unavailable</html>");

        assertThat(unavailableReason(client.record("OPS-42"))).isEqualTo("Jira answered HTTP 503");
    }

    @Test
    void isUnavailableWhenTheBodyIsNotTheRecordJson() throws Exception {
        jiraAnswers(MethodType.GET, RECORD_URL, 200, "<html>Log in to Jira</html>");
        assertThat(unavailableReason(client.record("OPS-42"))).startsWith("Jira's answer could not be read");

        jiraAnswers(MethodType.GET, RECORD_URL, 200, "{\"records\": []}");
        assertThat(unavailableReason(client.record("OPS-42"))).startsWith("Jira's answer could not be read");

        jiraAnswers(MethodType.GET, RECORD_URL, 200, "{\"record\": {\"issueKey\": \"OPS-42\"}, \"learnings\": {}}");
        assertThat(unavailableReason(client.record("OPS-42"))).startsWith("Jira's answer could not be read");

        jiraAnswers(MethodType.GET, RECORD_URL, 200, "");
        assertThat(unavailableReason(client.record("OPS-42"))).startsWith("Jira's answer could not be read");
    }

    @Test
    void neverThrowsWhenApplinksFailsUnexpectedly() {
        when(link.createAuthenticatedRequestFactory()).thenThrow(new IllegalStateException("consumer key missing"));

        assertThatCode(() -> client.record("OPS-42")).doesNotThrowAnyException();
        assertThat(unavailableReason(client.record("OPS-42"))).isEqualTo("unexpected error while calling Jira");
    }

    @Test
    void isUnavailableWhenTheLinkHasNoRequestFactory() {
        when(link.createAuthenticatedRequestFactory()).thenReturn(null);

        assertThat(unavailableReason(client.record("OPS-42"))).contains("no authentication");
    }

    // ----- 404, 403, 400 --------------------------------------------------------------------------------------------

    @Test
    void mapsA404ToNotFound() throws Exception {
        jiraAnswers(MethodType.GET, RECORD_URL, 404, "{\"status\":404,\"message\":\"No record OPS-42.\",\"errors\":[]}");

        assertThat(client.record("OPS-42")).isEqualTo(new JiraResult.NotFound<>());
    }

    @Test
    void mapsA403ToForbidden() throws Exception {
        jiraAnswers(MethodType.POST, RECORD_URL + "/learnings", 403,
                "{\"status\":403,\"message\":\"You may not edit OPS-42.\",\"errors\":[]}");

        assertThat(client.addLearning("OPS-42", "text", "insight", null)).isEqualTo(new JiraResult.Forbidden<>());
    }

    @Test
    void passesJirasFieldErrorsOnForA400() throws Exception {
        jiraAnswers(MethodType.POST, RECORD_URL + "/actions", 400, """
                {"status": 400, "message": "The action item is not valid.",
                 "errors": [{"field": "dueDate", "code": "date.invalid", "message": "Due date must be yyyy-MM-dd."},
                            {"field": "type", "code": "enum.invalid", "message": "Type must be one of prevent, mitigate, detect, process."}]}
                """);

        JiraResult<ActionView> result = client.addAction("OPS-42",
                new NewAction("Alert on checkout 5xx", "JIRAUSER10101", "next week", "watch", null));

        assertThat(result).isEqualTo(new JiraResult.Invalid<>(List.of(
                new FieldProblem("dueDate", "date.invalid", "Due date must be yyyy-MM-dd."),
                new FieldProblem("type", "enum.invalid", "Type must be one of prevent, mitigate, detect, process."))));
    }

    @Test
    void reportsA400WithoutFieldErrorsAsAProblemOfTheWholeRequest() throws Exception {
        jiraAnswers(MethodType.POST, RECORD_URL + "/learnings", 400,
                "{\"status\":400,\"message\":\"The body is not JSON.\",\"errors\":[]}");
        assertThat(client.addLearning("OPS-42", "text", "insight", null))
                .isEqualTo(new JiraResult.Invalid<>(List.of(new FieldProblem("body", "invalid", "The body is not JSON."))));

        jiraAnswers(MethodType.POST, RECORD_URL + "/learnings", 400, "Bad Request");
        assertThat(client.addLearning("OPS-42", "text", "insight", null))
                .isEqualTo(new JiraResult.Invalid<>(List.of(new FieldProblem("body", "invalid", ""))));
    }

    // ----- the cache ------------------------------------------------------------------------------------------------

    @Nested
    class Cache {

        @Test
        void answersASecondReadWithoutAskingJira() throws Exception {
            jiraAnswers(MethodType.GET, RECORD_URL, 200, RECORD_JSON);

            JiraResult<RecordView> first = client.record("OPS-42");
            JiraResult<RecordView> second = client.record("OPS-42");

            assertThat(second).isEqualTo(first);
            verify(factory, times(1)).createRequest(MethodType.GET, RECORD_URL);
        }

        @Test
        void asksJiraAgainAfterThirtySeconds() throws Exception {
            jiraAnswers(MethodType.GET, RECORD_URL, 200, RECORD_JSON);

            client.record("OPS-42");
            clock.advance(Duration.ofSeconds(29));
            client.record("OPS-42");
            verify(factory, times(1)).createRequest(MethodType.GET, RECORD_URL);

            clock.advance(Duration.ofSeconds(1));
            client.record("OPS-42");
            verify(factory, times(2)).createRequest(MethodType.GET, RECORD_URL);
        }

        @Test
        void dropsTheRecordWhenALearningIsAdded() throws Exception {
            jiraAnswers(MethodType.GET, RECORD_URL, 200, RECORD_JSON);
            jiraAnswers(MethodType.POST, RECORD_URL + "/learnings", 201, LEARNING_JSON);

            client.record("OPS-42");
            client.addLearning("OPS-42", "Feature flags make rollback cheap", "went_well", null);
            client.record("OPS-42");

            verify(factory, times(2)).createRequest(MethodType.GET, RECORD_URL);
        }

        @Test
        void dropsTheRecordWhenAnActionItemIsAddedEvenIfTheWriteTimedOut() throws Exception {
            jiraAnswers(MethodType.GET, RECORD_URL, 200, RECORD_JSON);
            jiraFails(MethodType.POST, RECORD_URL + "/actions", new ResponseException(new SocketTimeoutException()));

            client.record("OPS-42");
            client.addAction("OPS-42", new NewAction("Alert", "JIRAUSER10101", "2026-06-15", "detect", null));
            client.record("OPS-42");

            verify(factory, times(2)).createRequest(MethodType.GET, RECORD_URL);
        }

        @Test
        void keepsOtherRecordsWhenOneIsWritten() throws Exception {
            String otherUrl = "/rest/failforward/1.0/records/OPS-7";
            jiraAnswers(MethodType.GET, otherUrl, 200, RECORD_JSON.replace("OPS-42", "OPS-7"));
            jiraAnswers(MethodType.POST, RECORD_URL + "/learnings", 201, LEARNING_JSON);

            client.record("OPS-7");
            client.addLearning("OPS-42", "text", "insight", null);
            client.record("OPS-7");

            verify(factory, times(1)).createRequest(MethodType.GET, otherUrl);
        }

        @Test
        void neverSharesOneUsersAnswerWithAnother() throws Exception {
            jiraAnswers(MethodType.GET, RECORD_URL, 200, RECORD_JSON);

            client.record("OPS-42");
            actAs("bob");
            client.record("OPS-42");
            actAs(null);
            client.record("OPS-42");
            verify(factory, times(3)).createRequest(MethodType.GET, RECORD_URL);

            actAs("alice");
            client.record("OPS-42");
            verify(factory, times(3)).createRequest(MethodType.GET, RECORD_URL);
        }

        @Test
        void doesNotCacheFailures() throws Exception {
            jiraAnswers(MethodType.GET, RECORD_URL, 404, "{}");

            client.record("OPS-42");
            client.record("OPS-42");

            verify(factory, times(2)).createRequest(MethodType.GET, RECORD_URL);
        }
    }

    // ----- the learnings archive -------------------------------------------------------------------------------------

    @Nested
    class Learnings {

        private LearningSearch firstPage() {
            return new LearningSearch(List.of(), null, null, null, null, null, null, null, 0, 20);
        }

        /** The first page as Jira answers it with {@code body} (past the cache's time, so Jira is asked again). */
        private LearningPageView answered(String body) throws Exception {
            clock.advance(AppLinksFailureDbClient.CACHE_TTL.plusSeconds(1));
            jiraAnswers(MethodType.GET, LEARNINGS_URL, 200, body);
            return client.searchLearnings(firstPage()).okValue().orElseThrow();
        }

        @Test
        void readsAPageWithFacetsRetroPagesAndJirasDisplayUrl() throws Exception {
            when(link.getDisplayUrl()).thenReturn(URI.create("https://jira.example.com/"));
            jiraAnswers(MethodType.GET, LEARNINGS_URL, 200, LEARNING_PAGE_JSON);

            LearningPageView page = client.searchLearnings(firstPage()).okValue().orElseThrow();

            assertThat(page.startAt()).isZero();
            assertThat(page.maxResults()).isEqualTo(20);
            assertThat(page.total()).isEqualTo(42);
            assertThat(page.jiraUrl()).isEqualTo(URI.create("https://jira.example.com/"));
            assertThat(page.items()).containsExactly(
                    new LearningPageView.Item(7, "Canary deploys catch schema drift", "insight",
                            Instant.parse("2026-05-05T10:00:00Z"),
                            new LearningPageView.Record("OPS-42", "OPS", "Checkout down after deploy", "incident",
                                    "Done", "complex", "process_deviation"),
                            new LearningPageView.RetroPage("https://wiki.example.com/pages/viewpage.action?pageId=99",
                                    "OPS-42 post-mortem")),
                    new LearningPageView.Item(8, "Yearly prices scare small teams", "surprise",
                            Instant.parse("2026-05-04T09:00:00Z"),
                            new LearningPageView.Record("GROW-3", "GROW", "Pricing page test", "experiment",
                                    "Decided", null, null),
                            null),
                    new LearningPageView.Item(9, "Feature flags make rollback cheap", "went_well", null,
                            new LearningPageView.Record("OPS-40", null, null, "incident", null, null, null), null));
            LearningPageView.Facets facets = page.facets();
            assertThat(facets.project()).containsExactly(entry("GROW", 1), entry("OPS", 41));
            assertThat(facets.recordKind()).containsExactly(entry("experiment", 1), entry("incident", 41));
            assertThat(facets.learningKind())
                    .containsExactly(entry("insight", 30), entry("surprise", 10), entry("went_well", 2));
            assertThat(facets.failureType()).containsExactly(entry("complex", 40));
            assertThat(facets.category()).containsExactly(entry("process_deviation", 40));
        }

        @Test
        void toleratesAPageWithoutFacetsOrCounts() throws Exception {
            jiraAnswers(MethodType.GET, LEARNINGS_URL, 200,
                    "{\"items\": [{\"id\": 1, \"text\": \"t\", \"record\": {\"issueKey\": \"OPS-1\"},"
                            + " \"retroPage\": {\"title\": \"no url\"}}]}");

            LearningPageView page = client.searchLearnings(firstPage()).okValue().orElseThrow();

            assertThat(page.total()).isEqualTo(1);
            assertThat(page.items().get(0).retroPage()).isNull();
            assertThat(page.facets()).isEqualTo(LearningPageView.Facets.NONE);
            assertThat(page.jiraUrl()).isNull(); // the mocked link has no display URL
            assertThat(page.index()).as("no index line").isNull();
            assertThat(page.items().get(0).highlight()).as("the plain text").isNull();
        }

        @Test
        void readsTheSearchIndexTheMonthFacetAndHighlights() throws Exception {
            jiraAnswers(MethodType.GET, LEARNINGS_URL, 200, """
                    {"items": [{"id": 1, "text": "Roll back <fast>", "record": {"issueKey": "OPS-1"},
                                "highlight": [{"text": "Roll ", "match": false}, {"text": "back", "match": true},
                                              {"text": " <fast>"}]},
                               {"id": 2, "text": "t", "record": {"issueKey": "OPS-2"}, "highlight": null}],
                     "facets": {"period": {"2026-04": 3, "2026-05": 2}},
                     "index": {"state": "building", "percent": 42}}
                    """);

            LearningPageView page = client.searchLearnings(firstPage()).okValue().orElseThrow();

            assertThat(page.index()).isEqualTo(new SimilarView.Index("building", 42));
            assertThat(page.facets().period()).containsExactly(entry("2026-04", 3), entry("2026-05", 2));
            assertThat(page.items().get(0).highlight()).containsExactly(
                    new LearningPageView.Segment("Roll ", false), new LearningPageView.Segment("back", true),
                    new LearningPageView.Segment(" <fast>", false));
            assertThat(page.items().get(1).highlight()).isNull();
        }

        @Test
        void aReadyOrUnavailableIndexIsPassedOnAndAPercentIsKeptWithinBounds() throws Exception {
            assertThat(answered("{\"items\": [], \"index\": {\"state\": \"ready\", \"percent\": 100}}").index())
                    .isEqualTo(new SimilarView.Index("ready", 100));

            assertThat(answered("{\"items\": [], \"index\": {\"state\": \"unavailable\"}}").index())
                    .isEqualTo(new SimilarView.Index("unavailable", 0));

            assertThat(answered("{\"items\": [], \"index\": {\"state\": \"building\", \"percent\": 250}}").index())
                    .isEqualTo(new SimilarView.Index("building", 100));
        }

        @Test
        void whatOnlyDecoratesThePageIsDroppedWhenUnreadableNeverThePage() throws Exception {
            String[] oddIndexes = {"null", "\"building\"", "[]", "{}", "{\"state\": \"\"}", "{\"state\": 7}",
                    "{\"state\": {\"x\": 1}, \"percent\": 5}"};
            for (String index : oddIndexes) {
                assertThat(answered("{\"items\": [], \"index\": " + index + "}").index()).as(index).isNull();
            }
            assertThat(answered("{\"items\": [], \"index\": {\"state\": \"building\", \"percent\": \"half\"}}").index())
                    .isEqualTo(new SimilarView.Index("building", 0));

            LearningPageView page = answered("""
                    {"items": [{"id": 1, "text": "a", "record": {"issueKey": "OPS-1"}, "highlight": "a"},
                               {"id": 2, "text": "b", "record": {"issueKey": "OPS-2"}, "highlight": []},
                               {"id": 3, "text": "c", "record": {"issueKey": "OPS-3"},
                                "highlight": [{"text": "c", "match": true}, "d"]},
                               {"id": 4, "text": "e", "record": {"issueKey": "OPS-4"},
                                "highlight": [{"text": "e", "match": true}, {"match": true}]},
                               {"id": 5, "text": "f", "record": {"issueKey": "OPS-5"},
                                "highlight": [{"text": {"html": "<b>f</b>"}, "match": true}]},
                               {"id": 6, "text": "g", "record": {"issueKey": "OPS-6"},
                                "highlight": [{"text": "g", "match": "true"}]}],
                     "facets": {"period": {"2026-05": 2, "2026-13": 1, "May 2026": 1, "2026-5": 1, "2026-06": "x",
                                           "+2026-07": 1, "2026-08": 4}}}
                    """);

            assertThat(page.items()).extracting(LearningPageView.Item::highlight)
                    .containsExactly(null, null, null, null, null, List.of(new LearningPageView.Segment("g", false)));
            assertThat(page.facets().period()).containsExactly(entry("2026-05", 2), entry("2026-08", 4));
            assertThat(page.index()).isNull();

            assertThat(answered("{\"items\": [], \"facets\": {\"period\": [1, 2]}}").facets().period()).isEmpty();
        }

        @Test
        void encodesEveryParameterIntoTheQuery() throws Exception {
            String url = "/rest/failforward/1.0/learnings?project=OPS&project=GROW_2&recordKind=incident"
                    + "&learningKind=went_well&failureType=complex&category=data_gap&from=2026-01-01&to=2026-03-31"
                    + "&text=roll%20back%20%26%20%22fast%22%3D100%25%2F%C3%BCber%23x&startAt=40&maxResults=100";
            jiraAnswers(MethodType.GET, url, 200, "{\"items\": []}");

            JiraResult<LearningPageView> result = client.searchLearnings(new LearningSearch(List.of("OPS", "GROW_2"),
                    "incident", "went_well", "complex", "data_gap", LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 3, 31), "roll back & \"fast\"=100%/über#x", 40, 100));

            assertThat(result.isOk()).isTrue();
            verify(factory).createRequest(MethodType.GET, url);
        }

        @Test
        void isUnavailableWhenTheBodyHasNoItems() throws Exception {
            jiraAnswers(MethodType.GET, LEARNINGS_URL, 200, "{\"total\": 3}");
            assertThat(unavailableReason(client.searchLearnings(firstPage())))
                    .isEqualTo("Jira's answer could not be read (no 'items' array)");

            jiraAnswers(MethodType.GET, LEARNINGS_URL, 200, "{\"items\": [{\"id\": 1, \"record\": {}}]}");
            assertThat(unavailableReason(client.searchLearnings(firstPage())))
                    .isEqualTo("Jira's answer could not be read (no 'issueKey')");
        }

        @Test
        void asksTheUserToAuthoriseAndNeverThrows() throws Exception {
            jiraAnswers(MethodType.GET, LEARNINGS_URL, 401, "");
            assertThat(client.searchLearnings(firstPage())).isEqualTo(new JiraResult.AuthorizationRequired<>(AUTHORIZE));

            when(links.getPrimaryApplicationLink(JiraApplicationType.class)).thenReturn(null);
            assertThat(client.searchLearnings(firstPage()))
                    .isEqualTo(new JiraResult.NoLink<>("/plugins/servlet/applinks/listApplicationLinks"));
        }

        @Test
        void passesJirasFieldErrorsOn() throws Exception {
            jiraAnswers(MethodType.GET, LEARNINGS_URL, 400, """
                    {"status": 400, "message": "Invalid.",
                     "errors": [{"field": "category", "code": "unknown", "message": "No such category."}]}
                    """);

            assertThat(client.searchLearnings(firstPage())).isEqualTo(new JiraResult.Invalid<>(
                    List.of(new FieldProblem("category", "unknown", "No such category."))));
        }

        @Test
        void cachesASearchUntilAnyLearningIsAdded() throws Exception {
            when(link.getDisplayUrl()).thenReturn(URI.create("https://jira.example.com"));
            jiraAnswers(MethodType.GET, LEARNINGS_URL, 200, LEARNING_PAGE_JSON);
            jiraAnswers(MethodType.POST, "/rest/failforward/1.0/records/GROW-3/learnings", 201,
                    LEARNING_JSON.replace("OPS-42", "GROW-3"));

            client.searchLearnings(firstPage());
            JiraResult<LearningPageView> cached = client.searchLearnings(firstPage());
            verify(factory, times(1)).createRequest(MethodType.GET, LEARNINGS_URL);
            assertThat(cached.okValue().orElseThrow().jiraUrl()).isEqualTo(URI.create("https://jira.example.com"));

            client.addLearning("GROW-3", "Monthly first", "insight", null);
            client.searchLearnings(firstPage());
            verify(factory, times(2)).createRequest(MethodType.GET, LEARNINGS_URL);
        }
    }

    // ----- citing a learning from a retro page ------------------------------------------------------------------------

    @Nested
    class Citations {

        static final String REUSES_URL = "/rest/failforward/1.0/learnings/31/reuses";
        static final String REUSE_JSON = """
                {"learningId": 31, "kind": "retro", "target": "page:98304", "reusedAt": "2026-05-06T11:00:00Z",
                 "reuses": 4}
                """;

        @Test
        void postsTheRetroReuseAndTellsANewCitationFromOneAlreadyRecorded() throws Exception {
            ApplicationLinkRequest request = jiraAnswers(MethodType.POST, REUSES_URL, 201, REUSE_JSON);

            assertThat(client.citeLearning(31, 98304)).isEqualTo(new JiraResult.Ok<>(new CitationView(31,
                    "page:98304", Instant.parse("2026-05-06T11:00:00Z"), 4, true)));
            verify(request).setRequestBody("{\"kind\":\"retro\",\"target\":\"page:98304\"}", "application/json");

            jiraAnswers(MethodType.POST, REUSES_URL, 200, REUSE_JSON);
            assertThat(client.citeLearning(31, 98304).okValue().orElseThrow().created()).isFalse();
        }

        @Test
        void mapsJirasAnswersAndNeverAsksForANonPositiveId() throws Exception {
            jiraAnswers(MethodType.POST, REUSES_URL, 404, "{}");
            assertThat(client.citeLearning(31, 98304)).isEqualTo(new JiraResult.NotFound<>());

            jiraAnswers(MethodType.POST, REUSES_URL, 400,
                    "{\"status\":400,\"message\":\"x\",\"errors\":[{\"field\":\"target\",\"code\":\"format\",\"message\":\"bad\"}]}");
            assertThat(client.citeLearning(31, 98304)).isEqualTo(new JiraResult.Invalid<>(
                    List.of(new FieldProblem("target", "format", "bad"))));

            jiraFails(MethodType.POST, REUSES_URL, new ResponseException(new SocketTimeoutException("Read timed out")));
            assertThat(unavailableReason(client.citeLearning(31, 98304))).startsWith("Jira timed out");

            jiraAnswers(MethodType.POST, REUSES_URL, 201, "{\"learningId\": 31}");
            assertThat(unavailableReason(client.citeLearning(31, 98304)))
                    .isEqualTo("Jira's answer could not be read (no 'target')");

            assertThat(client.citeLearning(0, 98304)).isEqualTo(new JiraResult.NotFound<>());
            assertThat(client.citeLearning(31, -1)).isEqualTo(new JiraResult.NotFound<>());
        }
    }

    // ----- similar past failures ------------------------------------------------------------------------------------

    @Nested
    class Similar {

        static final String SIMILAR_URL = "/rest/failforward/1.0/similar/OPS-42?max=5&withLearnings=true";

        static final String SIMILAR_JSON = """
                {"matches": [{"key": "OPS-12", "projectKey": "OPS", "summary": "Certificate expired on the API gateway",
                              "score": 0.71, "reasons": ["certificate", "expired", "same component"],
                              "url": "/browse/OPS-12", "aFieldJiraAddsLater": {"x": 1},
                              "learnings": [{"id": 31, "text": "Alert 30 days before expiry", "kind": "insight"},
                                            {"id": "32", "text": "an id that is not a number"},
                                            {"id": 33}, "not an object"]},
                             {"key": "GROW-3", "summary": null, "score": 0.2, "reasons": ["expired", 7, null],
                              "url": "/browse/GROW-3"},
                             {"key": "SEC-9"}],
                 "index": {"state": "ready", "percent": 100, "node": "n1"}, "somethingNew": true}
                """;

        @Test
        void readsTheMatchesWithTheirReasonsAndJirasDisplayUrl() throws Exception {
            when(link.getDisplayUrl()).thenReturn(URI.create("https://jira.example.com/"));
            ApplicationLinkRequest request = jiraAnswers(MethodType.GET, SIMILAR_URL, 200, SIMILAR_JSON);

            SimilarView similar = client.similar("OPS-42", 5).okValue().orElseThrow();

            assertThat(similar.matches()).containsExactly(
                    new SimilarView.Match("OPS-12", "OPS", "Certificate expired on the API gateway", 0.71,
                            List.of("certificate", "expired", "same component"), "/browse/OPS-12",
                            List.of(new SimilarView.Learning(31, "Alert 30 days before expiry", "insight"))),
                    new SimilarView.Match("GROW-3", null, null, 0.2, List.of("expired"), "/browse/GROW-3"),
                    new SimilarView.Match("SEC-9", null, null, 0, List.of(), null));
            assertThat(similar.index()).isEqualTo(new SimilarView.Index("ready", 100));
            assertThat(similar.jiraUrl()).isEqualTo(URI.create("https://jira.example.com/"));
            verify(request).setHeader("Accept", "application/json");
            verify(request).setSoTimeout(4_000);
        }

        @Test
        void asksWhichLearningsARetroPageCitedAndACitationDropsTheCachedAnswers() throws Exception {
            String url = "/rest/failforward/1.0/similar/OPS-42?max=5&withLearnings=true&reusedBy=page:98304";
            jiraAnswers(MethodType.GET, url, 200, """
                    {"matches": [{"key": "OPS-12", "learnings": [{"id": 31, "text": "t", "kind": "insight",
                                                                 "reused": true}]}],
                     "index": {"state": "ready", "percent": 100}}
                    """);
            jiraAnswers(MethodType.POST, "/rest/failforward/1.0/learnings/31/reuses", 200,
                    "{\"learningId\": 31, \"target\": \"page:98304\", \"reuses\": 1}");

            assertThat(client.similar("OPS-42", 5, 98304).okValue().orElseThrow().matches().get(0).learnings())
                    .containsExactly(new SimilarView.Learning(31, "t", "insight", true));
            client.similar("OPS-42", 5, 98304);
            verify(factory, times(1)).createRequest(MethodType.GET, url);
            client.citeLearning(31, 98304);
            client.similar("OPS-42", 5, 98304);
            verify(factory, times(2)).createRequest(MethodType.GET, url);
        }

        @Test
        void saysThatJirasIndexIsStillBuilding() throws Exception {
            jiraAnswers(MethodType.GET, SIMILAR_URL, 200,
                    "{\"matches\": [], \"index\": {\"state\": \"building\", \"percent\": 42}}");

            SimilarView similar = client.similar("OPS-42", 5).okValue().orElseThrow();

            assertThat(similar.matches()).isEmpty();
            assertThat(similar.index()).isEqualTo(new SimilarView.Index("building", 42));
            assertThat(similar.jiraUrl()).isNull(); // the mocked link has no display URL
        }

        @Test
        void passesMaxAndEncodesTheKeyAsOnePathSegment() throws Exception {
            String url = "/rest/failforward/1.0/similar/OPS%2F42%3Fx%3D1?max=20&withLearnings=true";
            jiraAnswers(MethodType.GET, url, 404, "{}");

            assertThat(client.similar("OPS/42?x=1", 20)).isEqualTo(new JiraResult.NotFound<>());
            verify(factory).createRequest(MethodType.GET, url);
        }

        @Test
        void answersABlankIssueKeyWithoutAskingJira() {
            assertThat(client.similar(" ", 5)).isEqualTo(new JiraResult.NotFound<>());
            assertThat(client.similar(null, 5)).isEqualTo(new JiraResult.NotFound<>());
            verifyNoInteractions(links);
        }

        @Test
        void isUnavailableWhenTheBodyIsNotTheSimilarJson() throws Exception {
            jiraAnswers(MethodType.GET, SIMILAR_URL, 200, "{\"index\": {\"state\": \"ready\"}}");
            assertThat(unavailableReason(client.similar("OPS-42", 5)))
                    .isEqualTo("Jira's answer could not be read (no 'matches' array)");

            jiraAnswers(MethodType.GET, SIMILAR_URL, 200, "{\"matches\": [{\"summary\": \"x\"}], \"index\": {\"state\": \"ready\"}}");
            assertThat(unavailableReason(client.similar("OPS-42", 5)))
                    .isEqualTo("Jira's answer could not be read (no 'key')");

            jiraAnswers(MethodType.GET, SIMILAR_URL, 200, "{\"matches\": [\"OPS-12\"], \"index\": {\"state\": \"ready\"}}");
            assertThat(unavailableReason(client.similar("OPS-42", 5)))
                    .isEqualTo("Jira's answer could not be read (match is not an object)");

            jiraAnswers(MethodType.GET, SIMILAR_URL, 200,
                    "{\"matches\": [{\"key\": \"OPS-12\", \"reasons\": \"certificate\"}], \"index\": {\"state\": \"ready\"}}");
            assertThat(unavailableReason(client.similar("OPS-42", 5)))
                    .isEqualTo("Jira's answer could not be read ('reasons' is not an array)");

            jiraAnswers(MethodType.GET, SIMILAR_URL, 200, "{\"matches\": []}");
            assertThat(unavailableReason(client.similar("OPS-42", 5)))
                    .isEqualTo("Jira's answer could not be read (no 'index' object)");

            jiraAnswers(MethodType.GET, SIMILAR_URL, 200, "{\"matches\": [], \"index\": {\"percent\": 3}}");
            assertThat(unavailableReason(client.similar("OPS-42", 5)))
                    .isEqualTo("Jira's answer could not be read (no 'state')");

            jiraAnswers(MethodType.GET, SIMILAR_URL, 200, "[]");
            assertThat(unavailableReason(client.similar("OPS-42", 5)))
                    .isEqualTo("Jira's answer could not be read (body is not an object)");
        }

        @Test
        void keepsAPercentWithinZeroToHundred() throws Exception {
            jiraAnswers(MethodType.GET, SIMILAR_URL, 200,
                    "{\"matches\": [], \"index\": {\"state\": \"building\", \"percent\": 140}}");
            assertThat(client.similar("OPS-42", 5).okValue().orElseThrow().index().percent()).isEqualTo(100);
        }

        @Test
        void mapsJirasFailuresAsForEveryRead() throws Exception {
            jiraAnswers(MethodType.GET, SIMILAR_URL, 401, "");
            assertThat(client.similar("OPS-42", 5)).isEqualTo(new JiraResult.AuthorizationRequired<>(AUTHORIZE));

            jiraAnswers(MethodType.GET, SIMILAR_URL, 403, "{}");
            assertThat(client.similar("OPS-42", 5)).isEqualTo(new JiraResult.Forbidden<>());

            jiraAnswers(MethodType.GET, SIMILAR_URL, 503, "");
            assertThat(unavailableReason(client.similar("OPS-42", 5))).isEqualTo("Jira answered HTTP 503");

            jiraFails(MethodType.GET, SIMILAR_URL, new ResponseException(new SocketTimeoutException("Read timed out")));
            assertThat(unavailableReason(client.similar("OPS-42", 5))).startsWith("Jira timed out");

            jiraAnswers(MethodType.GET, "/rest/failforward/1.0/similar/OPS-42?max=21&withLearnings=true", 400, """
                    {"status": 400, "message": "Invalid.",
                     "errors": [{"field": "max", "code": "outOfRange", "message": "max must be 1 to 20."}]}
                    """);
            assertThat(client.similar("OPS-42", 21)).isEqualTo(new JiraResult.Invalid<>(
                    List.of(new FieldProblem("max", "outOfRange", "max must be 1 to 20."))));

            when(links.getPrimaryApplicationLink(JiraApplicationType.class)).thenReturn(null);
            assertThat(client.similar("OPS-42", 5))
                    .isEqualTo(new JiraResult.NoLink<>("/plugins/servlet/applinks/listApplicationLinks"));
        }

        @Test
        void cachesPerUserAndMaxUntilAnyRecordIsWritten() throws Exception {
            when(link.getDisplayUrl()).thenReturn(URI.create("https://jira.example.com"));
            jiraAnswers(MethodType.GET, SIMILAR_URL, 200, SIMILAR_JSON);
            jiraAnswers(MethodType.GET, "/rest/failforward/1.0/similar/OPS-42?max=3&withLearnings=true", 200, SIMILAR_JSON);
            jiraAnswers(MethodType.POST, "/rest/failforward/1.0/records/SEC-9/learnings", 201,
                    LEARNING_JSON.replace("OPS-42", "SEC-9"));

            client.similar("OPS-42", 5);
            JiraResult<SimilarView> cached = client.similar("OPS-42", 5);
            verify(factory, times(1)).createRequest(MethodType.GET, SIMILAR_URL);
            assertThat(cached.okValue().orElseThrow().jiraUrl()).isEqualTo(URI.create("https://jira.example.com"));

            client.similar("OPS-42", 3);
            verify(factory, times(1)).createRequest(MethodType.GET, "/rest/failforward/1.0/similar/OPS-42?max=3&withLearnings=true");
            actAs("bob");
            client.similar("OPS-42", 5);
            verify(factory, times(2)).createRequest(MethodType.GET, SIMILAR_URL);

            // a learning on another record may make it a neighbour of OPS-42
            client.addLearning("SEC-9", "Certificates need an owner", "insight", null);
            client.similar("OPS-42", 5);
            verify(factory, times(3)).createRequest(MethodType.GET, SIMILAR_URL);
        }

        @Test
        void doesNotCacheAFailure() throws Exception {
            jiraAnswers(MethodType.GET, SIMILAR_URL, 404, "{}");

            client.similar("OPS-42", 5);
            client.similar("OPS-42", 5);

            verify(factory, times(2)).createRequest(MethodType.GET, SIMILAR_URL);
        }
    }

    // ----- the failure showcase -------------------------------------------------------------------------------------

    static final String SHOWCASE_URL = "/rest/failforward/1.0/showcase?projects=OPS&period=2026-Q3";
    static final String SHOWCASE_JSON = """
            {"projects": ["OPS"], "period": {"key": "2026-Q3", "label": "Q3 2026", "from": "2026-07-01",
             "to": "2026-09-30", "granularity": "quarter"}, "timeZone": "Europe/Berlin",
             "generatedAt": "2026-10-02T08:15:00Z",
             "awards": [{"id": "instance@2026-07-01", "scopeKey": "instance", "scopeName": "Everyone",
               "start": "2026-07-01", "end": "2026-10-01", "votingCloses": "2026-10-15T00:00:00Z", "phase": "closed",
               "winner": null, "nominees": [{"record": {"key": "OPS-12", "projectKey": "OPS", "summary": "Outage",
                 "kind": "incident", "status": "Closed", "url": "/browse/OPS-12"}, "reason": "Canaries",
                 "nominatedAt": "2026-09-01T10:00:00Z", "votes": 7, "winner": true}]}],
             "learnings": [{"id": 41, "text": "Canary config too", "kind": "insight", "record": {"key": "OPS-12",
               "url": "/browse/OPS-12"}, "reuses": 5, "retros": 3, "records": 2}],
             "experiments": [{"record": {"key": "OPS-7"}, "outcome": "refuted", "decision": "pivot",
               "decidedAt": "2026-08-20T09:00:00Z", "nextIterations": [{"key": "OPS-9"}]}],
             "incidents": [{"record": {"key": "OPS-12"}, "discoveredAt": null, "followUps": [{"id": 3,
               "description": "Mandatory canary", "checkInDate": "2026-09-01", "note": null}]}],
             "experimentsTotal": 12, "incidentsTotal": 1,
             "kpis": [{"key": "recurrence_rate", "name": "Recurrence rate", "description": "d", "unit": "share",
               "direction": "down", "trend": "better", "points": [{"period": "2026-Q3", "label": "Q3 2026",
               "value": 0.125, "status": "ok", "sampleSize": 8, "partial": false},
               {"period": "2026-Q4", "label": "Q4 2026", "value": null, "status": "no_data", "sampleSize": 0,
               "partial": true}]}]}
            """;

    @Test
    void readsTheShowcaseAndAsksJiraEveryTimeItIsRendered() throws Exception {
        when(link.getDisplayUrl()).thenReturn(URI.create("https://jira.example.com"));
        ApplicationLinkRequest request = jiraAnswers(MethodType.GET, SHOWCASE_URL, 200, SHOWCASE_JSON);

        ShowcaseView view = client.showcase("projects=OPS&period=2026-Q3").okValue().orElseThrow();
        client.showcase("projects=OPS&period=2026-Q3");

        verify(request, times(2)).execute(any(ApplicationLinkResponseHandler.class));
        verify(request, times(2)).setSoTimeout(4_000);
        assertThat(view.jiraUrl()).isEqualTo(URI.create("https://jira.example.com"));
        assertThat(view.period()).isEqualTo(new ShowcaseView.Period("2026-Q3", "Q3 2026", "2026-07-01", "2026-09-30"));
        ShowcaseView.Nominee winner = view.awards().get(0).nominees().get(0);
        assertThat(winner.winner()).isTrue();
        assertThat(winner.votes()).isEqualTo(7);
        assertThat(winner.record().url()).isEqualTo("/browse/OPS-12");
        assertThat(view.learnings().get(0).reuses()).isEqualTo(5);
        assertThat(view.experiments().get(0).nextIterations()).extracting(ShowcaseView.Record::key)
                .containsExactly("OPS-9");
        assertThat(view.incidents().get(0).followUps().get(0).note()).isNull();
        assertThat(view.experimentsTotal()).as("Jira sent the latest of 12").isEqualTo(12);
        assertThat(view.incidentsTotal()).isEqualTo(1);
        assertThat(view.kpis().get(0).points()).extracting(ShowcaseView.Point::value).containsExactly(0.125, null);
    }

    @Test
    void aShowcaseJiraCannotGiveIsUnavailableOrWhatJiraSaid() throws Exception {
        jiraAnswers(MethodType.GET, SHOWCASE_URL, 200, "{\"projects\": []}");
        assertThat(unavailableReason(client.showcase("projects=OPS&period=2026-Q3"))).contains("could not be read");
        jiraFails(MethodType.GET, SHOWCASE_URL, new ResponseTimeoutException("Read timed out"));
        assertThat(unavailableReason(client.showcase("projects=OPS&period=2026-Q3"))).contains("timed out");
        jiraAnswers(MethodType.GET, "/rest/failforward/1.0/showcase?period=Q3", 400,
                "{\"errors\": [{\"field\": \"period\", \"code\": \"invalid\", \"message\": \"Bad period\"}]}");
        assertThat(client.showcase("period=Q3")).isInstanceOf(JiraResult.Invalid.class);
        jiraAnswers(MethodType.GET, "/rest/failforward/1.0/showcase", 403, "{}");
        assertThat(client.showcase("")).isEqualTo(new JiraResult.Forbidden<>());
    }

    // ----- the failure huddle ---------------------------------------------------------------------------------------

    static final String BOARD_URL = "/rest/failforward/1.0/huddles/board?projects=OPS%2CCARE";
    /** Jira's HuddlesResource.BoardJson, member for member. */
    static final String BOARD_JSON = """
            {"projects": ["CARE", "OPS"], "team": "CARE,OPS", "week": "2026-W49", "zone": "Europe/Berlin",
             "since": "2026-11-30T09:00:00Z", "sinceLastHuddle": true,
             "lastHuddle": {"team": "CARE,OPS", "projects": ["CARE", "OPS"], "week": "2026-W48",
               "heldAt": "2026-11-30T09:00:00Z", "heldBy": "anna", "heldByName": "Anna Admin", "failuresReviewed": 3,
               "celebratedLearningId": null, "note": null},
             "heldThisWeek": null,
             "failures": {"total": 2, "items": [{"key": "OPS-106", "summary": "Checkout errors", "kind": "incident",
               "status": "Investigating", "createdAt": "2026-12-04T10:00:00Z", "url": "/browse/OPS-106"}]},
             "openRules": [{"key": "OPS-106", "summary": "Checkout errors", "discoveredAt": "2026-12-04T09:40:00Z",
               "deadline": "2026-12-05T09:40:00Z", "secondsLeft": 3600, "learnings": 1, "minLearnings": 3,
               "nextSteps": 0, "minNextSteps": 2, "url": "/browse/OPS-106"}],
             "overdue": [{"id": 12, "description": "Canary for config", "owner": "sam", "ownerName": "Sam Ops",
               "dueDate": "2026-11-20", "daysOverdue": 15, "record": {"key": "OPS-102", "projectKey": "OPS",
               "summary": "Payment timeouts", "kind": null, "url": "/browse/OPS-102"}}],
             "overdueTotal": 1, "celebrationRule": "The learning reused most; else the newest.",
             "celebrate": {"learning": {"id": 77, "text": "After a jam", "kind": "insight",
               "createdAt": "2026-12-01T08:00:00Z", "record": {"key": "CARE-9", "projectKey": "CARE",
               "summary": "Wrong wristband", "kind": "incident", "url": "/browse/CARE-9"}}, "reuses": 2}}
            """;

    @Test
    void readsTheHuddleBoardAndAsksJiraEveryTime() throws Exception {
        when(link.getDisplayUrl()).thenReturn(URI.create("https://jira.example.com"));
        ApplicationLinkRequest request = jiraAnswers(MethodType.GET, BOARD_URL, 200, BOARD_JSON);

        HuddleBoardView board = client.huddleBoard(List.of("OPS", "CARE")).okValue().orElseThrow();
        client.huddleBoard(List.of("OPS", "CARE"));

        verify(request, times(2)).execute(any(ApplicationLinkResponseHandler.class));
        assertThat(board.jiraUrl()).isEqualTo(URI.create("https://jira.example.com"));
        assertThat(board.projects()).containsExactly("CARE", "OPS");
        assertThat(board.sinceLastHuddle()).isTrue();
        assertThat(board.lastHuddle()).isEqualTo(new HuddleBoardView.Held("2026-W48", "2026-11-30T09:00:00Z", "Anna Admin"));
        assertThat(board.heldThisWeek()).isNull();
        assertThat(board.failuresTotal()).isEqualTo(2);
        assertThat(board.failures()).containsExactly(new HuddleBoardView.Failure("OPS-106", "Checkout errors",
                "incident", "Investigating", "2026-12-04T10:00:00Z"));
        assertThat(board.openRules()).containsExactly(new HuddleBoardView.Rule("OPS-106", "Checkout errors",
                "2026-12-05T09:40:00Z", 1, 3, 0, 2));
        assertThat(board.overdue()).containsExactly(new HuddleBoardView.Overdue("Canary for config", "Sam Ops",
                "2026-11-20", 15, "OPS-102", "Payment timeouts"));
        assertThat(board.celebrate()).isEqualTo(new HuddleBoardView.Celebration(77, "After a jam", "insight", "CARE-9",
                "Wrong wristband", 2));
    }

    @Test
    void aBoardJiraCannotGiveIsUnavailableOrWhatJiraSaid() throws Exception {
        jiraAnswers(MethodType.GET, BOARD_URL, 200, "{\"projects\": [\"OPS\"]}");
        assertThat(unavailableReason(client.huddleBoard(List.of("OPS", "CARE")))).contains("could not be read");
        jiraAnswers(MethodType.GET, BOARD_URL, 200, BOARD_JSON.replace("\"key\": \"OPS-106\"", "\"key\": null"));
        assertThat(unavailableReason(client.huddleBoard(List.of("OPS", "CARE")))).contains("without 'key'");
        jiraAnswers(MethodType.GET, BOARD_URL, 403, "{}");
        assertThat(client.huddleBoard(List.of("OPS", "CARE"))).isEqualTo(new JiraResult.Forbidden<>());
        jiraAnswers(MethodType.GET, BOARD_URL, 404, "{}");
        assertThat(client.huddleBoard(List.of("OPS", "CARE"))).as("a Jira without the huddle board")
                .isEqualTo(new JiraResult.NotFound<>());
        assertThat(client.huddleBoard(List.of())).isEqualTo(new JiraResult.NotFound<>());
    }

    @Test
    void marksTheHuddleHeldWithThePageAsItsNote() throws Exception {
        String held = """
                {"created": %s, "message": "%s", "huddle": {"team": "CARE,OPS", "projects": ["CARE", "OPS"],
                 "week": "2026-W49", "heldAt": "2026-12-07T09:05:00Z", "heldBy": "dee", "heldByName": "Dee Demo",
                 "failuresReviewed": 2, "celebratedLearningId": 77, "note": "Held with p"}}
                """;
        ApplicationLinkRequest request = jiraAnswers(MethodType.POST, "/rest/failforward/1.0/huddles", 201,
                held.formatted("true", "Marked held."));

        HuddleHeldView view = client.holdHuddle(List.of("OPS", "CARE"), "Held with \"p\"").okValue().orElseThrow();

        verify(request).setRequestBody("{\"projects\":[\"OPS\",\"CARE\"],\"note\":\"Held with \\\"p\\\"\"}",
                "application/json");
        assertThat(view).isEqualTo(new HuddleHeldView(true, "Marked held.",
                new HuddleBoardView.Held("2026-W49", "2026-12-07T09:05:00Z", "Dee Demo")));

        jiraAnswers(MethodType.POST, "/rest/failforward/1.0/huddles", 200, held.formatted("false", "Already held."));
        assertThat(client.holdHuddle(List.of("OPS"), null).okValue().orElseThrow().created()).isFalse();
        jiraAnswers(MethodType.POST, "/rest/failforward/1.0/huddles", 400,
                "{\"errors\": [{\"field\": \"projects\", \"code\": \"invalid\", \"message\": \"Projects: bad\"}]}");
        assertThat(client.holdHuddle(List.of("OPS"), null)).isInstanceOf(JiraResult.Invalid.class);
    }
}
