package dev.failforward.jira.projection;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import dev.failforward.core.incident.TextItems;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionItemRepository;
import dev.failforward.core.record.ActionType;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.LearningRepository;
import dev.failforward.jira.failuredb.CountsChanged;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.fields.IssueFields;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Moves what an incident's old "Learnings" / "Next steps" text fields hold into the failure database, the one home of
 * learnings and next steps (the Close validator, the 24-hour rule, the record page, retro header, archive and KPIs all
 * count its rows).
 *
 * <ul>
 *   <li>Each field is split into items as the old validator counted them ({@link TextItems}: one per non-blank line,
 *       bullets, numbering and task boxes stripped, headings skipped).</li>
 *   <li>Each learning line becomes a learning of kind {@link #MIGRATED_KIND}; each next-step line an OPEN action item
 *       of type {@link #MIGRATED_TYPE}. An action item needs an owner and a due date, so the owner is the issue's
 *       reporter ({@link #NO_OWNER} when it has none) and the due date {@link #DUE_AFTER_DAYS} days after the
 *       migration. Both are stamped with the issue's last update: the latest instant the text can have been written,
 *       so the 24-hour rule is never judged met earlier than it was.</li>
 *   <li><b>Idempotent</b>: an item whose text the record already holds (as often as the field lists it) is not created
 *       again, so a run that stopped half-way and is repeated, or a second run, creates nothing twice.</li>
 *   <li>The old field values stay as they are (the fields are retired from the screens, their text stays readable in
 *       the issue and its history): nothing is lost even if a write fails.</li>
 * </ul>
 * <p>Run by {@link BackfillJob} (one run at a time in the cluster, with its checkpoint): the first run that starts
 * from the beginning after the upgrade migrates every issue it projects, a run that resumes it continues, and once a
 * whole pass has gone through without a failed migration the state is {@link State#DONE} and later runs (the nightly
 * reconcile) migrate nothing — so a migrated item someone deleted on the record does not come back. The state lives
 * in SAL's global plugin settings under {@value #STATE_KEY} (Jira's database, seen by every node).
 */
@Named
public class LegacyTextMigration {

    public static final LearningKind MIGRATED_KIND = LearningKind.INSIGHT;
    public static final ActionType MIGRATED_TYPE = ActionType.PREVENT;
    /** Owner of a migrated action item whose issue has no reporter: a placeholder to reassign on the record. */
    public static final String NO_OWNER = "failforward-unassigned";
    public static final int DUE_AFTER_DAYS = 14;

    /** Where the migration stands in the cluster. */
    public enum State {
        /** Not started: the next backfill run that starts from the beginning migrates. */
        PENDING,
        /** A backfill run is migrating; a run that resumes it continues. */
        RUNNING,
        /** Some issue could not be migrated in the current pass: the next fresh run migrates again (idempotent). */
        RETRY,
        /** Every issue was migrated once; nothing is migrated again. */
        DONE
    }

    static final String STATE_KEY = "dev.failforward.jira:legacy-text-migration:state";

    /** What one issue's migration created. */
    public record Result(int learningsCreated, int actionItemsCreated) {
        public boolean changedAnything() {
            return learningsCreated + actionItemsCreated > 0;
        }
    }

    private final IssueFields fields;
    private final LearningRepository learnings;
    private final ActionItemRepository actions;
    private final PluginSettingsFactory settings;

    /** Told about every issue the migration gave learnings or action items (Jira reindexes it: the count fields). */
    private final CountsChanged counts;

    @Inject
    public LegacyTextMigration(IssueFields fields, LearningRepository learnings, ActionItemRepository actions,
                               @ComponentImport PluginSettingsFactory settings, CountsChanged counts) {
        this.counts = Objects.requireNonNull(counts, "counts");
        this.fields = Objects.requireNonNull(fields, "fields");
        this.learnings = Objects.requireNonNull(learnings, "learnings");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A migration whose items nothing else follows (tests of other things). */
    public LegacyTextMigration(IssueFields fields, LearningRepository learnings, ActionItemRepository actions,
                               PluginSettingsFactory settings) {
        this(fields, learnings, actions, settings, CountsChanged.NONE);
    }

    public State state() {
        Object value = settings.createGlobalSettings().get(STATE_KEY);
        try {
            return value instanceof String text ? State.valueOf(text) : State.PENDING;
        } catch (IllegalArgumentException unknown) {
            return State.PENDING;
        }
    }

    private void state(State state) {
        settings.createGlobalSettings().put(STATE_KEY, state.name());
    }

    /**
     * A backfill run begins; {@code fromTheStart} when it does not resume an earlier run. Returns whether this run
     * migrates: a run from the start migrates unless all is done; a resumed run only when it resumes a migrating one.
     */
    boolean runStarting(boolean fromTheStart) {
        State state = state();
        if (fromTheStart && state != State.DONE) {
            state(State.RUNNING);
            return true;
        }
        return state == State.RUNNING || state == State.RETRY && !fromTheStart;
    }

    /** An issue's migration failed in this pass: the pass does not count as complete. */
    void failedOnce() {
        state(State.RETRY);
    }

    /** The run's projecting pass went through every issue. */
    void passCompleted() {
        State state = state();
        if (state == State.RUNNING) {
            state(State.DONE);
        } else if (state == State.RETRY) {
            state(State.PENDING);
        }
    }

    /** Migrates the issue's old fields; {@code today} sets the due date of created action items. */
    public Result migrate(Issue issue, LocalDate today) {
        long issueId = issue.getId();
        List<String> learningLines = items(issue, FailForwardField.LEARNINGS, Learning.TEXT_MAX_LENGTH);
        List<String> nextStepLines = items(issue, FailForwardField.NEXT_STEPS, ActionItem.DESCRIPTION_MAX_LENGTH);
        if (learningLines.isEmpty() && nextStepLines.isEmpty()) {
            return new Result(0, 0);
        }
        Instant writtenAt = writtenAt(issue);
        String person = reporterKey(issue);
        int learningsCreated = 0;
        int actionsCreated = 0;
        try {
            if (!learningLines.isEmpty()) {
                Map<String, Integer> stored = counts(learnings.findByRecord(issueId).stream().map(Learning::text).toList());
                for (String line : learningLines) {
                    if (!take(stored, line)) {
                        learnings.add(new Learning.Draft(issueId, line, MIGRATED_KIND, person, writtenAt));
                        learningsCreated++;
                    }
                }
            }
            if (!nextStepLines.isEmpty()) {
                Map<String, Integer> stored = counts(actions.findByRecord(issueId).stream().map(ActionItem::description).toList());
                LocalDate due = today.plusDays(DUE_AFTER_DAYS);
                for (String line : nextStepLines) {
                    if (!take(stored, line)) {
                        actions.add(new ActionItem.Draft(issueId, line, person, due, MIGRATED_TYPE, null, writtenAt));
                        actionsCreated++;
                    }
                }
            }
        } finally {
            if (learningsCreated + actionsCreated > 0) {
                counts.countsChanged(issueId); // after the writes committed, even if a later one failed
            }
        }
        return new Result(learningsCreated, actionsCreated);
    }

    /** The field's items, each cut to what the failure database stores. */
    private List<String> items(Issue issue, FailForwardField field, int maxLength) {
        return TextItems.items(fields.text(issue, field)).stream()
                .map(item -> item.length() <= maxLength ? item : item.substring(0, maxLength))
                .toList();
    }

    private static Instant writtenAt(Issue issue) {
        if (issue.getUpdated() != null) {
            return issue.getUpdated().toInstant();
        }
        return issue.getCreated() == null ? Instant.EPOCH : issue.getCreated().toInstant();
    }

    private static String reporterKey(Issue issue) {
        ApplicationUser reporter = issue.getReporter();
        String key = reporter == null ? null : reporter.getKey();
        return key == null || key.isBlank() || key.length() > Learning.USER_KEY_MAX_LENGTH ? NO_OWNER : key;
    }

    private static Map<String, Integer> counts(List<String> texts) {
        Map<String, Integer> counts = new HashMap<>();
        texts.forEach(text -> counts.merge(text.strip(), 1, Integer::sum));
        return counts;
    }

    /** Whether one stored item with this text is still unclaimed; claims it. */
    private static boolean take(Map<String, Integer> stored, String text) {
        Integer left = stored.get(text);
        if (left == null || left == 0) {
            return false;
        }
        stored.put(text, left - 1);
        return true;
    }

    public static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
