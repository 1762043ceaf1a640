package dev.failforward.jira.failuredb;

import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.WhyStep;

import java.util.List;
import java.util.Objects;

/** A failure record with everything stored about it: learnings (oldest first), action items (by due date), 5 whys. */
public record RecordDetails(FailureRecord record, List<Learning> learnings, List<ActionItem> actionItems,
                            List<WhyStep> whys) {

    public RecordDetails {
        Objects.requireNonNull(record, "record");
        learnings = List.copyOf(learnings);
        actionItems = List.copyOf(actionItems);
        whys = List.copyOf(whys);
    }
}
