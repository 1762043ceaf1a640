package dev.failforward.jira.counts;

import jakarta.inject.Inject;

/** The {@code learning-count} field type: how many learnings the failure record holds. */
public class LearningCountFieldType extends FailureCountFieldType {

    @Inject
    public LearningCountFieldType(FailureCounts counts) {
        super(counts, FailureCounts.Count.LEARNINGS);
    }
}
