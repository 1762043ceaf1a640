package dev.failforward.jira.reuse;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Port to the stored reuses of learnings ({@code LEARNING_REUSE}). */
public interface LearningReuseStore {

    /** The stored reuse, and whether this call stored it. */
    record Recorded(LearningReuse reuse, boolean created) {
    }

    /**
     * Stores the reuse unless one with the same {@link LearningReuse#key()} is stored; either way returns the stored
     * one. Two calls at once (two nodes) store one row and both return it, exactly one with {@code created}.
     */
    Recorded record(LearningReuse reuse);

    /** The learning's reuses, oldest first. */
    List<LearningReuse> byLearning(long learningId);

    /** How often each of these learnings was reused (learnings never reused are absent). */
    Map<Long, Integer> counts(Collection<Long> learningIds);

    /** Of these learnings, those already reused by {@code target}. */
    Set<Long> reusedBy(Collection<Long> learningIds, String target);
}
