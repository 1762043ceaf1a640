package dev.failforward.jira.projection;

import java.time.Instant;
import java.util.Objects;

/**
 * Where the backfill stands, as every node's admin page shows it (stored by {@link BackfillProgressStore} in the
 * cluster-shared plugin settings).
 *
 * @param state            see {@link State}
 * @param phase            what a running (or interrupted) run is doing
 * @param checkpoint       the last issue id projected, in id order; a restart continues after it
 * @param repairCheckpoint the last record id checked by the drift repair; a restart continues after it
 * @param processed        issues projected in this run (including those that failed)
 * @param failed           issues that could not be projected in this run
 * @param removed          records removed by the drift repair in this run
 * @param total            issues to project in this run, as far as known (Jira's count at the last batch)
 * @param startedAt        when this run started, or null
 * @param finishedAt       when the last run finished, or null while running
 * @param lastError        the last failure's message (never a stack trace), or null
 */
public record BackfillProgress(State state, Phase phase, long checkpoint, long repairCheckpoint, long processed,
                               long failed, long removed, long total, Instant startedAt, Instant finishedAt,
                               String lastError) {

    /** A run's lifecycle. A run that is not {@link #DONE} or {@link #IDLE} is continued by the next run. */
    public enum State {
        /** Never ran. */
        IDLE,
        /** Running now — or the node running it died, in which case the next run continues it. */
        RUNNING,
        /** Stopped on request (Jira shutting down); the next run continues it. */
        INTERRUPTED,
        /** Stopped by an error; the next run continues it. */
        FAILED,
        /** Finished. */
        DONE;

        boolean resumable() {
            return this == RUNNING || this == INTERRUPTED || this == FAILED;
        }
    }

    /** The two passes of a run. */
    public enum Phase {
        /** Projecting every experiment and incident in Jira, by ascending issue id. */
        PROJECTING,
        /** Removing records whose issue is gone or no longer ours, by ascending issue id. */
        REPAIRING
    }

    public static final BackfillProgress NEVER_RUN =
            new BackfillProgress(State.IDLE, Phase.PROJECTING, 0, 0, 0, 0, 0, 0, null, null, null);

    public BackfillProgress {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(phase, "phase");
    }

    static BackfillProgress started(Instant now) {
        return new BackfillProgress(State.RUNNING, Phase.PROJECTING, 0, 0, 0, 0, 0, 0, now, null, null);
    }

    BackfillProgress running() {
        return new BackfillProgress(State.RUNNING, phase, checkpoint, repairCheckpoint, processed, failed, removed,
                total, startedAt, null, lastError);
    }

    BackfillProgress batchProjected(long lastIssueId, int issues, int failures, long remaining, String error) {
        long done = processed + issues;
        return new BackfillProgress(state, phase, lastIssueId, repairCheckpoint, done, failed + failures, removed,
                done + Math.max(0, remaining - issues), startedAt, finishedAt, error != null ? error : lastError);
    }

    BackfillProgress repairing() {
        return new BackfillProgress(state, Phase.REPAIRING, checkpoint, repairCheckpoint, processed, failed, removed,
                Math.max(total, processed), startedAt, finishedAt, lastError);
    }

    BackfillProgress batchRepaired(long lastIssueId, int removedRecords) {
        return new BackfillProgress(state, phase, checkpoint, lastIssueId, processed, failed, removed + removedRecords,
                total, startedAt, finishedAt, lastError);
    }

    BackfillProgress ended(State end, Instant now, String error) {
        boolean done = end == State.DONE;
        return new BackfillProgress(end, done ? Phase.PROJECTING : phase, done ? 0 : checkpoint,
                done ? 0 : repairCheckpoint, processed, failed, removed, total, startedAt, now,
                error != null ? error : lastError);
    }
}
