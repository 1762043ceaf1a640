package dev.failforward.jira.recurrence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Port of the stored recurrence suggestions; implemented on Active Objects by {@code AoRecurrenceSuggestions}. */
public interface RecurrenceSuggestionStore {

    /** The issue's suggestions, oldest first, one per past issue. */
    List<RecurrenceSuggestion> forIssue(long issueId);

    /** Stores the draft unless the pair (issue, past issue) already has a suggestion in any state; whether it did. */
    boolean addIfAbsent(RecurrenceSuggestion.Draft draft);

    /**
     * Moves the pair's suggestion to {@code state} as decided by {@code userKey}: confirming from pending or dismissed,
     * dismissing from pending. The suggestion as it is now, or empty when the pair has none.
     */
    Optional<RecurrenceSuggestion> decide(long issueId, long pastIssueId, RecurrenceSuggestion.State state,
                                          String userKey, Instant at);

    /**
     * Pending suggestions per project of the incident, counting only those whose earlier failure is in these projects
     * too (its key's project), so nobody counts what they could not open; a project without any is absent.
     */
    Map<String, Integer> pendingByProject(Collection<String> projectKeys);

    /** Every project that has a failure record: where a recurrence may be found. */
    Set<String> recordProjects();
}
