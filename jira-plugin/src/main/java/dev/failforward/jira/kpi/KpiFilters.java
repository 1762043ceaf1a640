package dev.failforward.jira.kpi;

import java.util.Optional;
import java.util.Set;

/**
 * Saved filters as a KPI scope: the projects a filter's query searches. KPIs come from per-project roll-ups, so a
 * filter narrows them to its projects; its other clauses (status, labels, …) cannot apply to aggregated months.
 */
public interface KpiFilters {

    /**
     * @param allProjects the filter searches every project (no project clause): every browsable project counts
     * @param projectKeys the filter's projects otherwise
     */
    record Scope(long id, String name, boolean allProjects, Set<String> projectKeys) {
        public Scope {
            projectKeys = Set.copyOf(projectKeys);
        }
    }

    /** The filter as the current user sees it; empty when it does not exist or is not shared with them. */
    Optional<Scope> scope(long filterId);
}
