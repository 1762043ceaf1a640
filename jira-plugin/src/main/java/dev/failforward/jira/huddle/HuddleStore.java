package dev.failforward.jira.huddle;

import dev.failforward.core.record.ActionItem;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Port to the huddles held ({@code HUDDLE}) and the open follow-ups a huddle board shows. */
public interface HuddleStore {

    /** The stored huddle of the team and week, and whether this call stored it. */
    record Held(Huddle huddle, boolean created) {
    }

    /** An open action item past its due date, with its record. */
    record OverdueAction(ActionItem item, String issueKey, String projectKey, String summary) {
    }

    /**
     * Stores the huddle unless the team already held one that week; either way returns the stored one. Two calls at
     * once (two nodes) store one row and both return it, exactly one with {@code created}.
     */
    Held hold(Huddle huddle);

    /** The team's huddles, newest first, at most {@code limit}. */
    List<Huddle> history(String teamKey, int limit);

    /** The team's latest huddle. */
    default Optional<Huddle> last(String teamKey) {
        return history(teamKey, 1).stream().findFirst();
    }

    /** Open action items of records in these projects due before {@code today}, the latest due date first. */
    List<OverdueAction> overdue(Set<String> projectKeys, LocalDate today, int limit);
}
