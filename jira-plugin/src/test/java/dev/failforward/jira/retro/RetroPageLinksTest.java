package dev.failforward.jira.retro;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.link.RemoteIssueLink;
import com.atlassian.jira.issue.link.RemoteIssueLinkManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class RetroPageLinksTest {

    private final RemoteIssueLinkManager manager = mock(RemoteIssueLinkManager.class);
    private final Issue issue = mock(Issue.class);
    private final RetroPageLinks links = new RetroPageLinks(manager);

    @BeforeEach
    void issue() {
        when(issue.getId()).thenReturn(10101L);
    }

    private static RemoteIssueLink link(String type, String relationship, String title, String url) {
        return new RemoteIssueLink(1L, 10101L, "appId=c1&pageId=5", title, null, url, null, null, relationship, null,
                null, null, null, type, "Wiki");
    }

    @Test
    void confluenceWikiPageLinksAreTheRetroPagesInJirasOrder() {
        when(manager.getRemoteIssueLinksForIssue(issue)).thenReturn(List.of(
                link("com.atlassian.confluence", "Wiki Page", "Post-mortem: OPS-12 Checkout was down",
                        "https://wiki.example.com/pages/viewpage.action?pageId=5"),
                link("com.atlassian.confluence", "wiki page ", "Second look", "http://wiki.example.com/x?pageId=6")));
        assertThat(links.pages(issue)).containsExactly(
                new RetroPage("Post-mortem: OPS-12 Checkout was down",
                        "https://wiki.example.com/pages/viewpage.action?pageId=5"),
                new RetroPage("Second look", "http://wiki.example.com/x?pageId=6"));
    }

    @Test
    void otherLinksAreNotRetros() {
        when(manager.getRemoteIssueLinksForIssue(issue)).thenReturn(Arrays.asList(
                link("com.atlassian.confluence", "mentioned in", "Page", "https://wiki.example.com/p?pageId=7"),
                link(null, "Wiki Page", "A web link", "https://example.com/"),
                link("com.atlassian.jira", "Wiki Page", "Other Jira", "https://jira2.example.com/browse/X-1"),
                link("com.atlassian.confluence", null, "No relationship", "https://wiki.example.com/p?pageId=8"),
                null));
        assertThat(links.pages(issue)).isEmpty();
    }

    @Test
    void onlyWebUrlsOnceEachAndPlaceholderTitlesAreNamedByTheirUrl() {
        when(manager.getRemoteIssueLinksForIssue(issue)).thenReturn(List.of(
                link("com.atlassian.confluence", "Wiki Page", "Evil", "javascript:alert(1)"),
                link("com.atlassian.confluence", "Wiki Page", "Relative", "/pages/viewpage.action?pageId=1"),
                link("com.atlassian.confluence", "Wiki Page", "Wiki Page", "https://wiki.example.com/p?pageId=9"),
                link("com.atlassian.confluence", "Wiki Page", "Again", "https://wiki.example.com/p?pageId=9"),
                link("com.atlassian.confluence", "Wiki Page", " ", "https://wiki.example.com/p?pageId=10")));
        assertThat(links.pages(issue)).containsExactly(
                new RetroPage("https://wiki.example.com/p?pageId=9", "https://wiki.example.com/p?pageId=9"),
                new RetroPage("https://wiki.example.com/p?pageId=10", "https://wiki.example.com/p?pageId=10"));
    }

    @Test
    void failuresGiveNoPages() {
        when(manager.getRemoteIssueLinksForIssue(issue)).thenThrow(new IllegalStateException("db down"));
        assertThat(links.pages(issue)).isEmpty();
        assertThat(links.pages(null)).isEmpty();
        Issue unsaved = mock(Issue.class);
        assertThat(links.pages(unsaved)).isEmpty();
    }
}
