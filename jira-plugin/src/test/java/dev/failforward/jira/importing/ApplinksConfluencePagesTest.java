package dev.failforward.jira.importing;

import com.atlassian.applinks.api.ApplicationLink;
import com.atlassian.applinks.api.ApplicationLinkRequest;
import com.atlassian.applinks.api.ApplicationLinkRequestFactory;
import com.atlassian.applinks.api.ApplicationLinkResponseHandler;
import com.atlassian.applinks.api.ApplicationLinkService;
import com.atlassian.applinks.api.CredentialsRequiredException;
import com.atlassian.applinks.api.application.confluence.ConfluenceApplicationType;
import com.atlassian.sal.api.net.Request;
import com.atlassian.sal.api.net.Response;
import com.atlassian.sal.api.net.ResponseException;
import com.atlassian.sal.api.net.ResponseTimeoutException;
import dev.failforward.jira.importing.ConfluencePageSource.ConfluenceUnavailableException;
import dev.failforward.jira.importing.ConfluencePageSource.Page;
import dev.failforward.jira.importing.ConfluencePageSource.PageQuery;
import dev.failforward.jira.importing.ConfluencePageSource.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Confluence's content search over the application link: paging, the CQL, and every way it can fail. */
class ApplinksConfluencePagesTest {

    private final ApplicationLinkService links = mock(ApplicationLinkService.class);
    private final ApplicationLink link = mock(ApplicationLink.class);
    private final ApplicationLinkRequestFactory factory = mock(ApplicationLinkRequestFactory.class);
    private final List<String> urls = new ArrayList<>();
    private final ApplinksConfluencePages pages = new ApplinksConfluencePages(links);

    @BeforeEach
    void link() {
        when(links.getPrimaryApplicationLink(ConfluenceApplicationType.class)).thenReturn(link);
        when(link.createAuthenticatedRequestFactory()).thenReturn(factory);
        when(link.getDisplayUrl()).thenReturn(URI.create("https://wiki.example.com"));
    }

    /** Confluence answers each request with what {@code answer} makes of its URL (status and body). */
    private void confluence(Function<String, Response> answer) throws Exception {
        when(factory.createRequest(eq(Request.MethodType.GET), anyString())).thenAnswer(call -> {
            String url = call.getArgument(1);
            urls.add(url);
            ApplicationLinkRequest request = mock(ApplicationLinkRequest.class);
            when(request.execute(any(ApplicationLinkResponseHandler.class))).thenAnswer(
                    exec -> ((ApplicationLinkResponseHandler<?>) exec.getArgument(0)).handle(answer.apply(url)));
            return request;
        });
    }

    private static Response response(int status, String body) {
        Response response = mock(Response.class);
        when(response.getStatusCode()).thenReturn(status);
        try {
            when(response.getResponseBodyAsString()).thenReturn(body);
        } catch (ResponseException e) {
            throw new AssertionError(e);
        }
        return response;
    }

    private static int parameter(String url, String name) {
        for (String part : url.substring(url.indexOf('?') + 1).split("&")) {
            if (part.startsWith(name + "=")) {
                return Integer.parseInt(part.substring(name.length() + 1));
            }
        }
        throw new AssertionError(name + " missing in " + url);
    }

    /** A search answer with pages {@code from}..{@code to} (exclusive) of {@code total}. */
    private static String results(int from, int to, int total) {
        StringBuilder b = new StringBuilder("{\"results\":[");
        for (int i = from; i < to; i++) {
            b.append(i > from ? "," : "").append("{\"id\":\"").append(1000 + i).append("\",\"type\":\"page\",\"title\":\"Page ")
                    .append(i).append("\",\"body\":{\"storage\":{\"value\":\"<h2>Summary</h2><p>").append(i)
                    .append("</p>\",\"representation\":\"storage\"}},\"_links\":{\"webui\":\"/spaces/OPS/pages/")
                    .append(1000 + i).append("\"}}");
        }
        b.append("],\"start\":").append(from).append(",\"size\":").append(to - from)
                .append(",\"_links\":{\"base\":\"https://wiki.example.com/confluence\"");
        if (to < total) {
            b.append(",\"next\":\"/rest/api/content/search?start=").append(to).append("\"");
        }
        return b.append("}}").toString();
    }

    @Test
    void readsPageAfterPageUntilTheLastWithBodiesAndAddresses() throws Exception {
        confluence(url -> {
            int start = parameter(url, "start");
            int limit = parameter(url, "limit");
            return response(200, results(start, Math.min(start + limit, 120), 120));
        });
        List<Page> found = pages.pages(new PageQuery("OPS", null, null, 200));
        assertThat(found).hasSize(120);
        assertThat(urls).hasSize(3);
        assertThat(urls).allMatch(u -> u.startsWith("/rest/api/content/search?cql="))
                .allMatch(u -> u.contains("&expand=body.storage%2Cversion%2Cspace"));
        assertThat(urls.stream().map(u -> parameter(u, "start"))).containsExactly(0, 50, 100);
        Page first = found.get(0);
        assertThat(first.id()).isEqualTo("1000");
        assertThat(first.title()).isEqualTo("Page 0");
        assertThat(first.storage()).isEqualTo("<h2>Summary</h2><p>0</p>");
        assertThat(first.url()).isEqualTo("https://wiki.example.com/confluence/spaces/OPS/pages/1000");
    }

    @Test
    void stopsAtMax() throws Exception {
        confluence(url -> response(200, results(parameter(url, "start"),
                parameter(url, "start") + parameter(url, "limit"), 10_000)));
        assertThat(pages.pages(new PageQuery("OPS", null, null, 70))).hasSize(70);
        assertThat(urls.stream().map(u -> parameter(u, "limit"))).containsExactly(50, 20);
    }

    @Test
    void aConfluenceThatGivesFewerPerAnswerThanAskedIsReadToTheEnd() throws Exception {
        confluence(url -> {
            int start = parameter(url, "start");
            return response(200, results(start, Math.min(start + 25, 130), 130)); // its own cap of 25
        });
        assertThat(pages.pages(new PageQuery("OPS", null, null, 200))).hasSize(130);
        assertThat(urls.stream().map(u -> parameter(u, "start"))).containsExactly(0, 25, 50, 75, 100, 125);
    }

    @Test
    void aConfluenceThatNeverStopsSayingMoreIsStillAskedBoundedly() throws Exception {
        confluence(url -> response(200, "{\"results\":[],\"_links\":{\"next\":\"/more\"}}"));
        assertThat(pages.pages(new PageQuery("OPS", null, null, 200))).isEmpty();
        assertThat(urls).hasSize(1);
    }

    @Test
    void theCqlQuotesAndEscapesEveryValue() throws Exception {
        confluence(url -> response(200, results(0, 0, 0)));
        pages.pages(new PageQuery("O\"PS", "post\\mortem\" or space=\"HR", "12345", 10));
        String cql = URLDecoder.decode(urls.get(0).substring(urls.get(0).indexOf("cql=") + 4,
                urls.get(0).indexOf("&expand")), StandardCharsets.UTF_8);
        assertThat(cql).isEqualTo("type=page and space=\"O\\\"PS\" and label=\"post\\\\mortem\\\" or space=\\\"HR\""
                + " and ancestor=12345 order by created asc");
        assertThat(new PageQuery("OPS", "postmortem", null, 1).cql())
                .isEqualTo("type=page and space=\"OPS\" and label=\"postmortem\" order by created asc");
    }

    @Test
    void noLinkIsSaid() {
        when(links.getPrimaryApplicationLink(ConfluenceApplicationType.class)).thenReturn(null);
        assertThatThrownBy(() -> pages.pages(new PageQuery("OPS", null, null, 10)))
                .isInstanceOfSatisfying(ConfluenceUnavailableException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.NO_LINK));
    }

    @Test
    void credentialsRequiredGivesTheAuthorisationAddress() throws Exception {
        URI authorize = URI.create("https://jira.example.com/plugins/servlet/applinks/oauth/login-dance/authorize?x=1");
        when(factory.createRequest(any(), anyString())).thenThrow(new CredentialsRequiredException(() -> authorize,
                "authorise first"));
        assertThatThrownBy(() -> pages.pages(new PageQuery("OPS", null, null, 10)))
                .isInstanceOfSatisfying(ConfluenceUnavailableException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.AUTHORIZATION_REQUIRED);
                    assertThat(e.authorizeUri()).isEqualTo(authorize);
                });
    }

    @Test
    void theHandlersCredentialsRequiredAndA401AskForAuthorisationToo() throws Exception {
        URI authorize = URI.create("https://jira.example.com/authorize");
        when(factory.getAuthorisationURI()).thenReturn(authorize);
        ApplicationLinkRequest request = mock(ApplicationLinkRequest.class);
        when(factory.createRequest(any(), anyString())).thenReturn(request);
        when(request.execute(any(ApplicationLinkResponseHandler.class))).thenAnswer(
                exec -> ((ApplicationLinkResponseHandler<?>) exec.getArgument(0)).credentialsRequired(response(401, "")));
        assertThatThrownBy(() -> pages.pages(new PageQuery("OPS", null, null, 10)))
                .isInstanceOfSatisfying(ConfluenceUnavailableException.class,
                        e -> assertThat(e.authorizeUri()).isEqualTo(authorize));
        confluence(url -> response(401, ""));
        assertThatThrownBy(() -> pages.pages(new PageQuery("OPS", null, null, 10)))
                .isInstanceOfSatisfying(ConfluenceUnavailableException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.AUTHORIZATION_REQUIRED));
    }

    @Test
    void statusesBecomeProblems() throws Exception {
        assertThat(problemFor(403, "")).isEqualTo(Problem.FORBIDDEN);
        assertThat(problemFor(404, "")).isEqualTo(Problem.NOT_FOUND);
        assertThat(problemFor(500, "oops")).isEqualTo(Problem.UNAVAILABLE);
        assertThat(problemFor(200, "<html>login</html>")).isEqualTo(Problem.UNAVAILABLE);
        assertThat(problemFor(200, "{\"no\":\"results\"}")).isEqualTo(Problem.UNAVAILABLE);
        confluence(url -> response(400, "{\"statusCode\":400,\"message\":\"Could not parse cql : type=page\"}"));
        assertThatThrownBy(() -> pages.pages(new PageQuery("OPS", null, null, 10)))
                .isInstanceOfSatisfying(ConfluenceUnavailableException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.BAD_QUERY);
                    assertThat(e.detail()).isEqualTo("Could not parse cql : type=page");
                });
    }

    private Problem problemFor(int status, String body) throws Exception {
        confluence(url -> response(status, body));
        try {
            pages.pages(new PageQuery("OPS", null, null, 10));
            throw new AssertionError("no problem for " + status);
        } catch (ConfluenceUnavailableException e) {
            return e.problem();
        }
    }

    @Test
    void timeoutsAndUnreachableConfluence() throws Exception {
        ApplicationLinkRequest request = mock(ApplicationLinkRequest.class);
        when(factory.createRequest(any(), anyString())).thenReturn(request);
        when(request.execute(any(ApplicationLinkResponseHandler.class)))
                .thenThrow(new ResponseTimeoutException("read timed out"))
                .thenThrow(new ResponseException("Connection refused"))
                .thenThrow(new IllegalStateException("applinks broke"));
        for (Problem expected : new Problem[] {Problem.TIMEOUT, Problem.UNAVAILABLE, Problem.UNAVAILABLE}) {
            assertThatThrownBy(() -> pages.pages(new PageQuery("OPS", null, null, 10)))
                    .isInstanceOfSatisfying(ConfluenceUnavailableException.class,
                            e -> assertThat(e.problem()).isEqualTo(expected));
        }
        verify(request, org.mockito.Mockito.times(3)).setSoTimeout(ApplinksConfluencePages.SOCKET_TIMEOUT_MILLIS);
    }

    @Test
    void aPageWithoutWebuiIsAddressedThroughTheLinksDisplayUrl() {
        assertThat(ApplinksConfluencePages.address("", "", link, "77"))
                .isEqualTo("https://wiki.example.com/pages/viewpage.action?pageId=77");
        assertThat(ApplinksConfluencePages.address("javascript:", "alert(1)", link, "77")).isNull();
    }
}
