package dev.failforward.jira.counts;

import dev.failforward.core.record.ActionItemRepository;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.core.record.LearningRepository;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Objects;
import java.util.Optional;

/**
 * How many learnings and next steps (action items) a failure record holds, read from the failure database — the one
 * home of both. What the count fields ({@link FailureCountFieldType}) show and Jira indexes.
 */
@Named
public class FailureCounts {

    /** Which count. */
    public enum Count { LEARNINGS, NEXT_STEPS }

    private final FailureRecordRepository records;
    private final LearningRepository learnings;
    private final ActionItemRepository actions;

    @Inject
    public FailureCounts(FailureRecordRepository records, LearningRepository learnings, ActionItemRepository actions) {
        this.records = Objects.requireNonNull(records, "records");
        this.learnings = Objects.requireNonNull(learnings, "learnings");
        this.actions = Objects.requireNonNull(actions, "actions");
    }

    /**
     * The count for the issue's failure record; empty when the issue has none (not one of ours, or not projected yet),
     * so the field is empty rather than a misleading 0.
     */
    public Optional<Integer> of(long issueId, Count count) {
        Objects.requireNonNull(count, "count");
        if (records.findByIssueId(issueId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (count) {
            case LEARNINGS -> learnings.countByRecord(issueId);
            case NEXT_STEPS -> actions.findByRecord(issueId).size();
        });
    }
}
