package com.atlassian.jira.bc.issue.search;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.search.SearchException;
import com.atlassian.jira.issue.search.SearchResults;
import com.atlassian.jira.jql.context.QueryContext;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.MessageSet;
import com.atlassian.jira.web.bean.PagerFilter;
import com.atlassian.query.Query;

/**
 * Stand-in for {@code com.atlassian.jira.bc.issue.search.SearchService} ({@code @PublicApi}) from
 * {@code com.atlassian.jira:jira-api} 11.3. Still Jira 11's domain-level search API: Atlassian's "Migrating from Lucene
 * to Search API" (confluence.atlassian.com/display/ADMINJIRASERVER) names it the Jira 11 entry point "suitable for most
 * cases" next to the new {@code IssueDocumentSearchService}; "Migrating Lucene collectors to Search API in Jira 11"
 * says to use it "with pagination", as OpenSearch returns at most 10,000 documents per request by default. Signatures: {@code parseQuery(ApplicationUser, String)} and {@code ParseResult} used on
 * Jira 11.0.0 (atlassian-labs/atlassian-slack-integration-server @94c50dce {@code JqlIssueFilter},
 * {@code SlackPostFunctionFactory}, {@code JqlIssueFilterTest}); {@code searchOverrideSecurity(ApplicationUser, Query,
 * PagerFilter) throws SearchException} from a Jira 8.20 {@code implements SearchService} (cures-hub/cures-condec-jira
 * @fbadb349 {@code MockSearchService}; reference atlassian-api.md §2.7) — not seen in Jira 11 code, presumed unchanged.
 * Only the members Fail Forward calls.
 */
public interface SearchService {

    /** Parses JQL; the user is not needed to parse ({@code null} is fine). */
    ParseResult parseQuery(ApplicationUser searcher, String query);

    /** Searches without permission or issue-security checks, one page at a time. */
    SearchResults<Issue> searchOverrideSecurity(ApplicationUser searcher, Query query, PagerFilter pager)
            throws SearchException;

    /** The projects and issue types the query can match, as the user sees them (no search is run). */
    QueryContext getQueryContext(ApplicationUser searcher, Query query);

    /** A parsed query and its errors (the real class is nested in this interface, as here). */
    final class ParseResult {
        private final Query query;
        private final MessageSet errors;

        public ParseResult(Query query, MessageSet errors) {
            this.query = query;
            this.errors = errors;
        }

        public Query getQuery() {
            return query;
        }

        public boolean isValid() {
            return !errors.hasAnyErrors();
        }
    }
}
