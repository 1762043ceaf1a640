package dev.failforward.jira.kpi;

import com.atlassian.jira.bc.JiraServiceContextImpl;
import com.atlassian.jira.bc.filter.SearchRequestService;
import com.atlassian.jira.bc.issue.search.SearchService;
import com.atlassian.jira.issue.search.SearchRequest;
import com.atlassian.jira.jql.context.ProjectContext;
import com.atlassian.jira.jql.context.QueryContext;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.project.ProjectManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A saved filter's projects from Jira: the filter as the user may see it ({@link SearchRequestService#getFilter}, null
 * when missing or not shared with them), then the projects of its query context ({@link SearchService#getQueryContext},
 * which reads the query's clauses, runs no search and touches no issue). A context of "all projects" (a query without a
 * project clause) scopes to every project the user may browse.
 */
@Named
public class JiraKpiFilters implements KpiFilters {

    private final SearchRequestService filters;
    private final SearchService search;
    private final ProjectManager projects;
    private final JiraAuthenticationContext authentication;

    @Inject
    public JiraKpiFilters(@ComponentImport SearchRequestService filters, @ComponentImport SearchService search,
                          @ComponentImport ProjectManager projects,
                          @ComponentImport JiraAuthenticationContext authentication) {
        this.filters = Objects.requireNonNull(filters, "filters");
        this.search = Objects.requireNonNull(search, "search");
        this.projects = Objects.requireNonNull(projects, "projects");
        this.authentication = Objects.requireNonNull(authentication, "authentication");
    }

    @Override
    public Optional<Scope> scope(long filterId) {
        ApplicationUser user = authentication.getLoggedInUser();
        SearchRequest filter = filters.getFilter(new JiraServiceContextImpl(user), filterId);
        if (filter == null || filter.getQuery() == null) {
            return Optional.empty();
        }
        Set<String> keys = new HashSet<>();
        QueryContext context = search.getQueryContext(user, filter.getQuery());
        if (context != null) {
            for (QueryContext.ProjectIssueTypeContexts each : context.getProjectIssueTypeContexts()) {
                ProjectContext project = each.getProjectContext();
                if (project == null || project.isAll() || project.getProjectId() == null) {
                    return Optional.of(new Scope(filterId, filter.getName(), true, Set.of()));
                }
                Project found = projects.getProjectObj(project.getProjectId());
                if (found != null) {
                    keys.add(found.getKey());
                }
            }
        }
        return Optional.of(new Scope(filterId, filter.getName(), false, keys));
    }
}
