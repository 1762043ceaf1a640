package dev.failforward.jira.retro;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.link.RemoteIssueLink;
import com.atlassian.jira.issue.link.RemoteIssueLinkManager;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The retro pages of an issue: its remote links to Confluence pages with the relationship {@code "Wiki Page"} — the
 * links the Confluence plugin makes when a page is created from a retro blueprint for the issue, and those Jira's own
 * "Link → Confluence page" makes. Other remote links (web links, "mentioned in" links Confluence adds for any page that
 * shows the issue) are not retros.
 *
 * <p>Read from Jira's {@link RemoteIssueLinkManager} (Jira's own table: no copy of ours); only {@code http(s)} URLs
 * are returned (a link's URL is whatever its creator posted), once each, in Jira's order. A page with a placeholder
 * title (Jira's own links store "Wiki Page"/"Page" and fetch the live title when they render) is named by its URL.
 * Never throws: a failure to read the links is logged and gives no pages.
 */
@Named
public class RetroPageLinks {

    /** Jira's application type of Confluence links. */
    public static final String CONFLUENCE = "com.atlassian.confluence";
    /** The relationship of retro pages (Jira's own Confluence page links use it too). */
    public static final String RELATIONSHIP = "Wiki Page";

    private static final Logger LOG = LoggerFactory.getLogger(RetroPageLinks.class);
    private static final Set<String> PLACEHOLDER_TITLES = Set.of("wiki page", "page");

    private final RemoteIssueLinkManager remoteLinks;

    @Inject
    public RetroPageLinks(@ComponentImport RemoteIssueLinkManager remoteLinks) {
        this.remoteLinks = Objects.requireNonNull(remoteLinks, "remoteLinks");
    }

    /** The issue's retro pages, in Jira's order; empty when there are none or they cannot be read. */
    public List<RetroPage> pages(Issue issue) {
        if (issue == null || issue.getId() == null) {
            return List.of();
        }
        List<RemoteIssueLink> links;
        try {
            links = remoteLinks.getRemoteIssueLinksForIssue(issue);
        } catch (RuntimeException e) {
            LOG.warn("Fail Forward: the remote links of issue {} could not be read", issue.getId(), e);
            return List.of();
        }
        if (links == null) {
            return List.of();
        }
        List<RetroPage> pages = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (RemoteIssueLink link : links) {
            if (link == null || !CONFLUENCE.equals(link.getApplicationType())
                    || link.getRelationship() == null || !RELATIONSHIP.equalsIgnoreCase(link.getRelationship().strip())
                    || !isWebUrl(link.getUrl()) || !seen.add(link.getUrl().strip())) {
                continue;
            }
            pages.add(new RetroPage(title(link), link.getUrl().strip()));
        }
        return List.copyOf(pages);
    }

    private static String title(RemoteIssueLink link) {
        String title = link.getTitle() == null ? "" : link.getTitle().strip();
        return title.isEmpty() || PLACEHOLDER_TITLES.contains(title.toLowerCase(Locale.ROOT)) ? link.getUrl().strip()
                : title;
    }

    /** An absolute {@code http} or {@code https} URL with a host (never {@code javascript:} and the like). */
    static boolean isWebUrl(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
