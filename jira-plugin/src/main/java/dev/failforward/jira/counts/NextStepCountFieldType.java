package dev.failforward.jira.counts;

import jakarta.inject.Inject;

/** The {@code next-step-count} field type: how many next steps (action items) the failure record holds. */
public class NextStepCountFieldType extends FailureCountFieldType {

    @Inject
    public NextStepCountFieldType(FailureCounts counts) {
        super(counts, FailureCounts.Count.NEXT_STEPS);
    }
}
