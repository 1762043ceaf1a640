package dev.failforward.preview.jira;

import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.search.SearchException;
import com.atlassian.jira.issue.search.SearchResults;
import com.atlassian.jira.jql.context.QueryContext;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.MessageSet;
import com.atlassian.jira.web.bean.PagerFilter;
import com.atlassian.query.Query;
import dev.failforward.core.record.RecordKind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The preview's Jira issue search, for the JQL the plugin's backfill sends ({@code issuetype in (…) AND id > N ORDER BY
 * id ASC}) over the preview's issues. Any other JQL is answered as Jira answers a query it cannot parse: with errors,
 * so a caller that sends something the preview does not understand fails visibly instead of getting wrong results.
 */
public final class PreviewSearchService implements SearchService {

    private static final Pattern BACKFILL = Pattern.compile(
            "issuetype in \\(([0-9, ]+)\\) AND id > (\\d{1,18}) ORDER BY id ASC");

    /** A parsed backfill query. */
    private record BackfillQuery(Set<RecordKind> kinds, long afterIssueId) implements Query {
    }

    private record Errors(boolean hasAnyErrors) implements MessageSet {
    }

    private final PreviewIssues issues;

    public PreviewSearchService(PreviewJira jira) {
        this.issues = Objects.requireNonNull(jira, "jira").issues();
    }

    @Override
    public ParseResult parseQuery(ApplicationUser searcher, String query) {
        Matcher m = BACKFILL.matcher(query == null ? "" : query.strip());
        if (!m.matches()) {
            return new ParseResult(null, new Errors(true));
        }
        Set<RecordKind> kinds = EnumSet.noneOf(RecordKind.class);
        for (String id : m.group(1).split(",")) {
            for (RecordKind kind : RecordKind.values()) {
                if (PreviewIssue.typeId(kind).equals(id.strip())) {
                    kinds.add(kind);
                }
            }
        }
        return new ParseResult(new BackfillQuery(kinds, Long.parseLong(m.group(2))), new Errors(false));
    }

    @Override
    public SearchResults<Issue> searchOverrideSecurity(ApplicationUser searcher, Query query, PagerFilter pager)
            throws SearchException {
        if (!(query instanceof BackfillQuery backfill)) {
            throw new SearchException("the preview's issue search understands the backfill's query only");
        }
        PreviewIssues.Page page = issues.after(backfill.kinds(), backfill.afterIssueId(), Math.min(pager.getMax(), 1000));
        List<Issue> results = new ArrayList<>(page.issues());
        return new SearchResults<>(results, page.total(), pager.getMax(), pager.getStart());
    }

    @Override
    public QueryContext getQueryContext(ApplicationUser searcher, Query query) {
        throw new UnsupportedOperationException("the preview's saved filters are PreviewKpiFilters");
    }
}
