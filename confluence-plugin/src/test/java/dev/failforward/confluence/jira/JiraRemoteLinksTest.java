package dev.failforward.confluence.jira;

import com.atlassian.applinks.api.ApplicationId;
import com.atlassian.applinks.api.ApplicationLink;
import com.atlassian.applinks.api.ApplicationLinkRequest;
import com.atlassian.applinks.api.ApplicationLinkRequestFactory;
import com.atlassian.applinks.api.ApplicationLinkResponseHandler;
import com.atlassian.applinks.api.ApplicationLinkService;
import com.atlassian.applinks.api.CredentialsRequiredException;
import com.atlassian.applinks.api.application.jira.JiraApplicationType;
import com.atlassian.applinks.host.spi.HostApplication;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.net.Request.MethodType;
import com.atlassian.sal.api.net.Response;
import com.atlassian.sal.api.net.ResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.confluence.jira.JiraRemoteLinks.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The remote link Confluence asks Jira for when a retro page is made: its JSON and every way it can fail quietly. */
class JiraRemoteLinksTest {

    private final ApplicationLinkService links = mock(ApplicationLinkService.class);
    private final ApplicationLink link = mock(ApplicationLink.class);
    private final ApplicationLinkRequestFactory factory = mock(ApplicationLinkRequestFactory.class);
    private final ApplicationLinkRequest request = mock(ApplicationLinkRequest.class);
    private final HostApplication host = mock(HostApplication.class);
    private final ApplicationProperties application = mock(ApplicationProperties.class);
    private final JiraRemoteLinks remoteLinks = new JiraRemoteLinks(links, host, application);

    @BeforeEach
    void aLinkedJira() throws Exception {
        when(links.getPrimaryApplicationLink(JiraApplicationType.class)).thenReturn(link);
        when(link.createAuthenticatedRequestFactory()).thenReturn(factory);
        when(factory.createRequest(any(), anyString())).thenReturn(request);
        when(host.getId()).thenReturn(new ApplicationId("c0ffee00-1111-2222-3333-444455556666"));
        when(application.getBaseUrl(UrlMode.CANONICAL)).thenReturn("https://wiki.example.com/");
        when(application.getDisplayName()).thenReturn("Example Wiki");
    }

    @SuppressWarnings("unchecked")
    private void jiraAnswers(int status) throws Exception {
        Response response = mock(Response.class);
        when(response.getStatusCode()).thenReturn(status);
        when(request.execute(any(ApplicationLinkResponseHandler.class)))
                .thenAnswer(call -> call.<ApplicationLinkResponseHandler<?>>getArgument(0).handle(response));
    }

    @Test
    void postsTheRemoteLinkConfluenceItselfWouldAsTheCurrentUser() throws Exception {
        jiraAnswers(201);
        assertThat(remoteLinks.linkPage(" ops-12 ", 98_765L, "Post-mortem: OPS-12 Checkout was down"))
                .isEqualTo(Outcome.LINKED);
        verify(factory).createRequest(MethodType.POST, "/rest/api/2/issue/OPS-12/remotelink");
        verify(request).setConnectionTimeout(2_000);
        verify(request).setSoTimeout(4_000);
        ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
        verify(request).setRequestBody(body.capture(), org.mockito.ArgumentMatchers.eq("application/json"));
        JsonNode json = new ObjectMapper().readTree(body.getValue());
        assertThat(json).isEqualTo(new ObjectMapper().readTree("""
                {"globalId": "appId=c0ffee00-1111-2222-3333-444455556666&pageId=98765",
                 "application": {"type": "com.atlassian.confluence", "name": "Example Wiki"},
                 "relationship": "Wiki Page",
                 "object": {"url": "https://wiki.example.com/pages/viewpage.action?pageId=98765",
                            "title": "Post-mortem: OPS-12 Checkout was down",
                            "icon": {"url16x16": "https://wiki.example.com/download/resources/dev.failforward.confluence/images/pluginIcon.png",
                                     "title": "Example Wiki"}}}
                """));
    }

    @Test
    void aBlankTitleIsJirasPlaceholder() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JiraRemoteLinks.body(
                new ApplicationId("c0ffee00-1111-2222-3333-444455556666"), "http://c", "C", 1, " "));
        assertThat(json.at("/object/title").asText()).isEqualTo("Page");
    }

    @Test
    void anInvalidKeyIsNeverSent() throws Exception {
        for (String key : new String[] {null, "", "not a key", "OPS-12/../../admin", "OPS-0"}) {
            assertThat(remoteLinks.linkPage(key, 1L, "t")).isEqualTo(Outcome.INVALID_KEY);
        }
        verify(factory, never()).createRequest(any(), anyString());
    }

    @Test
    void withoutAJiraLinkNothingIsSent() throws Exception {
        when(links.getPrimaryApplicationLink(JiraApplicationType.class)).thenReturn(null);
        assertThat(remoteLinks.linkPage("OPS-12", 1L, "t")).isEqualTo(Outcome.NO_LINK);
        verify(factory, never()).createRequest(any(), anyString());
    }

    @Test
    void aUserWhoHasNotAuthorisedTheLinkIsNotAuthorised() throws Exception {
        when(factory.createRequest(any(), anyString())).thenThrow(new CredentialsRequiredException(factory, "x"));
        assertThat(remoteLinks.linkPage("OPS-12", 1L, "t")).isEqualTo(Outcome.NOT_AUTHORISED);
    }

    @Test
    void jirasRefusalsAndErrorsAreOutcomesNotExceptions() throws Exception {
        jiraAnswers(401);
        assertThat(remoteLinks.linkPage("OPS-12", 1L, "t")).isEqualTo(Outcome.NOT_AUTHORISED);
        jiraAnswers(403);
        assertThat(remoteLinks.linkPage("OPS-12", 1L, "t")).isEqualTo(Outcome.NOT_AUTHORISED);
        jiraAnswers(404);
        assertThat(remoteLinks.linkPage("OPS-12", 1L, "t")).isEqualTo(Outcome.FAILED);
        jiraAnswers(500);
        assertThat(remoteLinks.linkPage("OPS-12", 1L, "t")).isEqualTo(Outcome.FAILED);
    }

    @Test
    @SuppressWarnings("unchecked")
    void jiraDownOrAnyRuntimeErrorIsFailedNeverThrown() throws Exception {
        when(request.execute(any(ApplicationLinkResponseHandler.class))).thenThrow(new ResponseException("refused"));
        assertThat(remoteLinks.linkPage("OPS-12", 1L, "t")).isEqualTo(Outcome.FAILED);
        when(links.getPrimaryApplicationLink(JiraApplicationType.class)).thenThrow(new IllegalStateException("boom"));
        assertThat(remoteLinks.linkPage("OPS-12", 1L, "t")).isEqualTo(Outcome.FAILED);
    }
}
