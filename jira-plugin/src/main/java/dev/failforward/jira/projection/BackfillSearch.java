package dev.failforward.jira.projection;

import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.search.SearchException;
import com.atlassian.jira.issue.search.SearchResults;
import com.atlassian.jira.web.bean.PagerFilter;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One page of Fail Forward issues for the backfill: issues of our types with an id above the checkpoint, by ascending
 * id, at most a page. Keyset paging ({@code id > checkpoint}, always from the first result) rather than offsets, so
 * issues created or deleted meanwhile do not shift later pages, and the checkpoint alone says where to continue.
 *
 * <p>A system search that overrides security (the job has no user): an issue behind issue security is still
 * projected. The page is sorted by id and filtered to ids above the checkpoint here too, so the checkpoint only ever
 * moves forward even if Jira's order differed.
 */
@Named
public class BackfillSearch {

    private static final Pattern JIRA_ID = Pattern.compile("\\d+");

    private final SearchService searchService;

    @Inject
    public BackfillSearch(@ComponentImport SearchService searchService) {
        this.searchService = Objects.requireNonNull(searchService, "searchService");
    }

    /** {@code issuetype in (…) AND id > N ORDER BY id ASC}; only recorded ids that are all digits go into JQL. */
    static String jql(Collection<String> issueTypeIds, long afterIssueId) {
        String types = issueTypeIds.stream().map(String::strip).filter(id -> JIRA_ID.matcher(id).matches()).sorted()
                .collect(Collectors.joining(", "));
        if (types.isEmpty()) {
            throw new IllegalArgumentException("no issue type ids: " + issueTypeIds);
        }
        return "issuetype in (" + types + ") AND id > " + afterIssueId + " ORDER BY id ASC";
    }

    /**
     * The next page after the checkpoint.
     *
     * @throws BackfillFailed when Jira cannot parse the query or search
     */
    public Page after(Collection<String> issueTypeIds, long afterIssueId, int pageSize) {
        String jql = jql(issueTypeIds, afterIssueId);
        SearchService.ParseResult parsed = searchService.parseQuery(null, jql);
        if (!parsed.isValid()) {
            throw new BackfillFailed("Jira cannot parse the backfill query: " + jql, null);
        }
        SearchResults<Issue> results;
        try {
            results = searchService.searchOverrideSecurity(null, parsed.getQuery(), new PagerFilter<Issue>(0, pageSize));
        } catch (SearchException e) {
            throw new BackfillFailed("Jira could not search for Fail Forward issues after id " + afterIssueId, e);
        }
        List<Issue> issues = results.getResults().stream()
                .filter(issue -> issue != null && issue.getId() != null && issue.getId() > afterIssueId)
                .sorted(Comparator.comparing(Issue::getId))
                .toList();
        return new Page(issues, results.getResults().size() >= pageSize, results.getTotal());
    }

    /**
     * @param issues    this page's issues, by ascending id
     * @param full      whether Jira returned a full page (so there may be more)
     * @param remaining how many issues Jira counts from the checkpoint on, this page included
     */
    public record Page(List<Issue> issues, boolean full, int remaining) {
    }

    /** The backfill cannot go on now; its checkpoint stays, so the next run continues. */
    public static final class BackfillFailed extends RuntimeException {
        BackfillFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
