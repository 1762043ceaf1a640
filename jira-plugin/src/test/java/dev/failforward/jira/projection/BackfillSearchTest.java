package dev.failforward.jira.projection;

import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.search.SearchException;
import com.atlassian.jira.issue.search.SearchResults;
import com.atlassian.jira.util.MessageSet;
import com.atlassian.jira.web.bean.PagerFilter;
import com.atlassian.query.Query;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The backfill's keyset search: its JQL, the first page from the checkpoint, and failures. */
class BackfillSearchTest {

    private final SearchService searchService = mock(SearchService.class);
    private final BackfillSearch search = new BackfillSearch(searchService);
    private final Query query = mock(Query.class);
    private final TestJira jira = new TestJira();

    private void parses(String jql, boolean valid) {
        MessageSet errors = mock(MessageSet.class);
        when(errors.hasAnyErrors()).thenReturn(!valid);
        when(searchService.parseQuery(null, jql)).thenReturn(new SearchService.ParseResult(query, errors));
    }

    @Test
    void theQueryAsksForOurTypesAfterTheCheckpointInIdOrder() {
        assertThat(BackfillSearch.jql(List.of("10101", " 10100 "), 0))
                .isEqualTo("issuetype in (10100, 10101) AND id > 0 ORDER BY id ASC");
        assertThat(BackfillSearch.jql(List.of("10100", "x) OR (1=1"), 52_311))
                .isEqualTo("issuetype in (10100) AND id > 52311 ORDER BY id ASC");
        assertThatThrownBy(() -> BackfillSearch.jql(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPageIsTheFirstResultsFromTheCheckpointSortedById() throws Exception {
        String jql = "issuetype in (10100) AND id > 5 ORDER BY id ASC";
        parses(jql, true);
        List<Issue> results = List.of(jira.experiment(9, "OPS-9"), jira.experiment(7, "OPS-7"), jira.experiment(5, "OPS-5"));
        when(searchService.searchOverrideSecurity(isNull(), eq(query), any())).thenReturn(new SearchResults<>(results, 40, 3, 0));

        BackfillSearch.Page page = search.after(Set.of("10100"), 5, 3);

        assertThat(page.issues()).extracting(Issue::getId).containsExactly(7L, 9L);
        assertThat(page.full()).isTrue();
        assertThat(page.remaining()).isEqualTo(40);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<PagerFilter<Issue>> pager = ArgumentCaptor.forClass(PagerFilter.class);
        verify(searchService).searchOverrideSecurity(isNull(), eq(query), pager.capture());
        assertThat(pager.getValue().getStart()).isZero();
        assertThat(pager.getValue().getMax()).isEqualTo(3);
    }

    @Test
    void aQueryJiraCannotParseOrASearchThatFailsStopsTheRun() throws Exception {
        parses("issuetype in (10100) AND id > 0 ORDER BY id ASC", false);
        assertThatThrownBy(() -> search.after(Set.of("10100"), 0, 200))
                .isInstanceOf(BackfillSearch.BackfillFailed.class).hasMessageContaining("cannot parse");

        parses("issuetype in (10100) AND id > 0 ORDER BY id ASC", true);
        when(searchService.searchOverrideSecurity(isNull(), eq(query), any())).thenThrow(new SearchException("index down"));
        assertThatThrownBy(() -> search.after(Set.of("10100"), 0, 200))
                .isInstanceOf(BackfillSearch.BackfillFailed.class).hasMessageContaining("after id 0");
    }
}
