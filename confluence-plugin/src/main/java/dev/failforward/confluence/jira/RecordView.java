package dev.failforward.confluence.jira;

import java.util.List;
import java.util.Objects;

/** A record with its learnings, action items and 5 whys: Jira's {@code GET /records/{issueKey}}. Lists never null. */
public record RecordView(RecordFacts record, List<LearningView> learnings, List<ActionView> actionItems,
                         List<WhyView> whys) {

    public RecordView {
        Objects.requireNonNull(record, "record");
        learnings = learnings == null ? List.of() : List.copyOf(learnings);
        actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
        whys = whys == null ? List.of() : List.copyOf(whys);
    }
}
