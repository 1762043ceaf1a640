package dev.failforward.jira.stopcheck;

import com.atlassian.jira.issue.Issue;
import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import dev.failforward.core.experiment.Breach;
import dev.failforward.jira.workflow.IssueSnapshots;
import dev.failforward.jira.workflow.WorkflowRules;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The daily stop-criteria check. Stop criteria are not only written, they are checked: every running experiment whose
 * time-box or budget has run out, or whose stop criteria name a deadline that has passed, gets a comment saying so
 * (which notifies its watchers), once per breach.
 *
 * <p>{@link StopCheckScheduler} runs it once a day on one node of the cluster. "Now" is the time the scheduler started
 * the run. For each running experiment: read the issue, ask the core rules for breaches, keep those not flagged before,
 * comment on them, remember them. The comment comes before the memory: if remembering fails, tomorrow's comment
 * repeats one; if commenting fails, tomorrow tries again. One experiment's failure is logged and the others are still
 * checked.
 */
@Named
public class StopCheckJob implements JobRunner {

    private static final Logger log = LoggerFactory.getLogger(StopCheckJob.class);

    static final String NOT_SET_UP = "Fail Forward setup has not run yet (no Experiment issue type or Running status"
            + " recorded): nothing was checked";

    private final RunningExperiments experiments;
    private final IssueSnapshots snapshots;
    private final WorkflowRules rules;
    private final BreachMemory memory;
    private final BreachComments comments;

    @Inject
    public StopCheckJob(RunningExperiments experiments, IssueSnapshots snapshots, WorkflowRules rules,
                        BreachMemory memory, BreachComments comments) {
        this.experiments = Objects.requireNonNull(experiments, "experiments");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.comments = Objects.requireNonNull(comments, "comments");
    }

    @Override
    public JobRunnerResponse runJob(JobRunnerRequest request) {
        Instant now = request.getStartTime().toInstant();
        Tally tally = new Tally();
        try {
            Optional<Iterable<Issue>> running = experiments.find();
            if (running.isEmpty()) {
                log.info("Fail Forward stop-criteria check: {}", NOT_SET_UP);
                return JobRunnerResponse.success(NOT_SET_UP);
            }
            for (Issue experiment : running.get()) {
                if (request.isCancellationRequested()) {
                    return JobRunnerResponse.aborted("stopped on request: " + tally);
                }
                check(experiment, now, tally);
            }
        } catch (RunningExperiments.SearchFailed e) {
            log.error("Fail Forward stop-criteria check failed: {}", e.getMessage(), e);
            return JobRunnerResponse.failed(e.getMessage() + " (" + tally + ")");
        }
        log.info("Fail Forward stop-criteria check: {}", tally);
        return JobRunnerResponse.success(tally.toString());
    }

    private void check(Issue experiment, Instant now, Tally tally) {
        try {
            tally.checked(flagNewBreaches(experiment, now));
        } catch (RuntimeException e) {
            log.warn("Fail Forward stop-criteria check: {} could not be checked", experiment.getKey(), e);
            tally.failed();
        }
    }

    /** Comments on the breaches not flagged before and remembers them; true if there were any. */
    private boolean flagNewBreaches(Issue experiment, Instant now) {
        List<Breach> breaches = rules.experiments().breaches(snapshots.experiment(experiment), now);
        List<Breach> newBreaches = memory.notFlaggedYet(experiment, breaches);
        if (newBreaches.isEmpty()) {
            return false;
        }
        comments.add(experiment, newBreaches);
        memory.rememberFlagged(experiment, newBreaches);
        return true;
    }

    /** What one run did, as the scheduler's admin page shows it. */
    private static final class Tally {
        private int checked;
        private int flagged;
        private int failed;

        void checked(boolean flaggedOne) {
            checked++;
            if (flaggedOne) {
                flagged++;
            }
        }

        void failed() {
            failed++;
        }

        @Override
        public String toString() {
            String done = "checked " + checked + " running experiments, flagged " + flagged;
            return failed == 0 ? done : done + "; " + failed + " could not be checked (see the Jira log)";
        }
    }
}
