package dev.failforward.jira.projection;

import dev.failforward.core.record.WhyStep;
import dev.failforward.core.record.WhyStepRepository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The why-step port in memory, counting writes so tests can tell a repeated event wrote nothing. */
final class InMemoryWhySteps implements WhyStepRepository {

    private final Map<Long, List<WhyStep>> chains = new HashMap<>();
    int writes;

    @Override
    public List<WhyStep> replaceAll(long recordIssueId, List<WhyStep> steps) {
        writes++;
        chains.put(recordIssueId, List.copyOf(steps));
        return chains.get(recordIssueId);
    }

    @Override
    public List<WhyStep> findByRecord(long recordIssueId) {
        return chains.getOrDefault(recordIssueId, List.of());
    }
}
