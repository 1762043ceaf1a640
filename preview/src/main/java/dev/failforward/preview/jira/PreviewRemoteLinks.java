package dev.failforward.preview.jira;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.link.RemoteIssueLink;
import com.atlassian.jira.issue.link.RemoteIssueLinkManager;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Jira's remote issue links in the preview: what {@code POST /rest/api/2/issue/{key}/remotelink} stores (the preview's
 * {@code RemoteLinkServlet}) and {@link RemoteIssueLinkManager} reads. As in Jira, a link with the global id of an
 * existing link of the issue replaces it. Kept in memory: links made in one preview run (the retro pages created in the
 * preview's Confluence, which are in memory too) are gone after a restart, and a second preview node does not see them.
 */
public final class PreviewRemoteLinks implements RemoteIssueLinkManager {

    private final Map<Long, List<RemoteIssueLink>> byIssue = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(10_000);

    /** Jira's {@code RemoteIssueLinkManager}: the issue's links, ordered by global id then id. */
    @Override
    public List<RemoteIssueLink> getRemoteIssueLinksForIssue(Issue issue) {
        return issue == null || issue.getId() == null ? List.of() : forIssue(issue.getId());
    }

    /** The issue's links (by issue id), ordered by global id then id. */
    public List<RemoteIssueLink> forIssue(long issueId) {
        List<RemoteIssueLink> links = new ArrayList<>(byIssue.getOrDefault(issueId, List.of()));
        links.sort(Comparator.comparing((RemoteIssueLink l) -> l.getGlobalId() == null ? "" : l.getGlobalId())
                .thenComparing(RemoteIssueLink::getId));
        return List.copyOf(links);
    }

    /**
     * Stores a link; one with the same non-blank global id on the issue is replaced (keeping its id).
     *
     * @return the link's id and whether it was created (else updated)
     */
    public Saved save(long issueId, String globalId, String title, String url, String relationship,
                      String applicationType, String applicationName) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Saved[] saved = new Saved[1];
        byIssue.compute(issueId, (id, existing) -> {
            List<RemoteIssueLink> links = new ArrayList<>(existing == null ? List.of() : existing);
            Long linkId = null;
            for (int i = 0; i < links.size(); i++) {
                if (globalId != null && !globalId.isBlank() && globalId.equals(links.get(i).getGlobalId())) {
                    linkId = links.remove(i).getId();
                    break;
                }
            }
            boolean created = linkId == null;
            long newId = created ? ids.incrementAndGet() : linkId;
            links.add(new RemoteIssueLink(newId, issueId, globalId, title, null, url, null, null, relationship, null,
                    null, null, null, applicationType, applicationName));
            saved[0] = new Saved(newId, created);
            return List.copyOf(links);
        });
        return saved[0];
    }

    /** What {@link #save} did. */
    public record Saved(long id, boolean created) {
    }
}
