package dev.failforward.jira.stopcheck;

import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.search.SearchException;
import com.atlassian.jira.web.bean.PagerFilter;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.query.Query;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import dev.failforward.jira.setup.SetupRecords;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The running experiments: issues of Fail Forward's Experiment issue type in its Running status, found by the Jira ids
 * setup recorded for both ({@link SetupRecords}), with Jira's {@link SearchService}.
 *
 * <p>The daily job has no user, so this is a system-wide search that overrides security: an experiment behind issue
 * security is still checked. Results come {@value #PAGE_SIZE} at a time, ordered by key (a comment does not move an
 * issue in that order), because Jira 11 with OpenSearch answers at most 10,000 hits per request. An issue that leaves
 * Running while we page may be missed; tomorrow's run sees it again.
 */
@Named
public class RunningExperiments {

    static final int PAGE_SIZE = 200;

    private static final Pattern JIRA_ID = Pattern.compile("\\d+");

    private final SearchService searchService;
    private final PluginSettingsFactory pluginSettingsFactory;

    @Inject
    public RunningExperiments(@ComponentImport SearchService searchService,
                              @ComponentImport PluginSettingsFactory pluginSettingsFactory) {
        this.searchService = Objects.requireNonNull(searchService, "searchService");
        this.pluginSettingsFactory = Objects.requireNonNull(pluginSettingsFactory, "pluginSettingsFactory");
    }

    /**
     * The running experiments, fetched page by page as they are iterated; empty while setup has not recorded the
     * Experiment issue type and the Running status.
     *
     * @throws SearchFailed (also while iterating) when Jira cannot parse the query or search
     */
    public Optional<Iterable<Issue>> find() {
        return jql().map(this::parse).map(query -> () -> new Pages(query));
    }

    /** {@code issuetype = <id> AND status = <id> ORDER BY key ASC}, or empty while setup has not run. */
    Optional<String> jql() {
        SetupRecords records = SetupRecords.in(pluginSettingsFactory);
        Optional<String> issueType = digits(records.issueTypeId("experiment"));
        Optional<String> running = digits(records.statusId("RUNNING"));
        if (issueType.isEmpty() || running.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("issuetype = " + issueType.get() + " AND status = " + running.get() + " ORDER BY key ASC");
    }

    /** A recorded Jira id, only if it is all digits, so it can go into JQL as it is. */
    private static Optional<String> digits(Optional<String> recorded) {
        return recorded.map(String::strip).filter(id -> JIRA_ID.matcher(id).matches());
    }

    private Query parse(String jql) {
        SearchService.ParseResult parsed = searchService.parseQuery(null, jql);
        if (!parsed.isValid()) {
            throw new SearchFailed("Jira cannot parse the running-experiments query: " + jql, null);
        }
        return parsed.getQuery();
    }

    /** Jira could not run the search; the run as a whole failed. */
    public static final class SearchFailed extends RuntimeException {
        SearchFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Walks the result pages, fetching the next one when the last is used up; an issue seen before is skipped. */
    private final class Pages implements Iterator<Issue> {
        private final Query query;
        private final Deque<Issue> page = new ArrayDeque<>();
        private final Set<Long> seen = new HashSet<>();
        private int start;
        private boolean lastPage;

        Pages(Query query) {
            this.query = query;
        }

        @Override
        public boolean hasNext() {
            while (page.isEmpty() && !lastPage) {
                fetchNextPage();
            }
            return !page.isEmpty();
        }

        @Override
        public Issue next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.removeFirst();
        }

        private void fetchNextPage() {
            List<Issue> results;
            try {
                results = searchService.searchOverrideSecurity(null, query, new PagerFilter<Issue>(start, PAGE_SIZE))
                        .getResults();
            } catch (SearchException e) {
                throw new SearchFailed("Jira could not search for running experiments (from " + start + ")", e);
            }
            start += results.size();
            results.stream().filter(issue -> seen.add(issue.getId())).forEach(page::addLast);
            // a short page is the last; so is a full page of issues already seen (a search that repeats itself)
            lastPage = results.size() < PAGE_SIZE || page.isEmpty();
        }
    }
}
