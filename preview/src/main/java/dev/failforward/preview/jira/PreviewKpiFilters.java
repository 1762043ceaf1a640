package dev.failforward.preview.jira;

import dev.failforward.jira.kpi.KpiFilters;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The preview's saved filters (it has no issue navigator to save one): 10000 "Operations and care" searches OPS and
 * CARE; 10001 "All experiments and incidents" has no project clause, so it scopes to every browsable project.
 */
public final class PreviewKpiFilters implements KpiFilters {

    private static final Map<Long, Scope> FILTERS = Map.of(
            10000L, new Scope(10000, "Operations and care", false, Set.of("OPS", "CARE")),
            10001L, new Scope(10001, "All experiments and incidents", true, Set.of()));

    @Override
    public Optional<Scope> scope(long filterId) {
        return Optional.ofNullable(FILTERS.get(filterId));
    }
}
