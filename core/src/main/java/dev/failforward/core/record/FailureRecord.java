package dev.failforward.core.record;

import dev.failforward.core.experiment.Decision;
import dev.failforward.core.experiment.Outcome;
import dev.failforward.core.experiment.Phase;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureMode;
import dev.failforward.core.incident.FailureType;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of the failure database: the projection of an experiment or incident issue that KPIs and the learnings
 * archive read instead of looping over Jira issues (ARCHITECTURE.md §4). Jira stays the system of record; this value
 * carries what the KPIs and the archive need. Build one with {@link #builder()}; {@link #toBuilder()} copies.
 *
 * <p>The constructor checks each component and names it in the {@link IllegalArgumentException}: a record is built by
 * the projection from Jira's data, not from a form, so a bad value is a programming error, not user input (user input
 * goes through the commands, which return {@link dev.failforward.core.lifecycle.FieldProblem}s). It deliberately does
 * not check the order of the incident times against each other: Jira's validators are configurable, and the database
 * must still hold an issue whose times were entered out of order.
 *
 * @param issueId             the Jira issue id, stable across moves between projects (the record's identity)
 * @param issueKey            the current issue key, e.g. {@code OPS-42}
 * @param projectKey          the current project key, e.g. {@code OPS}; must be the prefix of {@code issueKey}
 * @param status              the name of the issue's Jira status as shown, e.g. {@code Running} (statuses can be added
 *                            and renamed by Jira administrators, so it is text, not an enum)
 * @param phase               experiments: Explore / Experiment / Execute, or {@code null}
 * @param hypothesis          the experiment's hypothesis text, or {@code null} (incidents have none)
 * @param hypothesisCondition the "If …" part as the hypothesis linter parsed it, or {@code null}
 * @param hypothesisOutcome   the "then …" part, or {@code null}
 * @param hypothesisRationale the "because …" part, or {@code null}
 * @param successCriteria     the success criteria text (one criterion a line), or {@code null}
 * @param stopCriteria        the stop criteria text, or {@code null}
 * @param labels              Jira labels (no whitespace), sorted; never {@code null}
 * @param pivotedFrom         the key of the experiment this one pivoted from ("pivoted from" link), or {@code null}
 * @param recurrenceOf        keys of earlier failures this one repeats ("recurrence of" links), sorted; never {@code null}
 * @param version             increases by one whenever the stored row changes; for optimistic locking of edits
 */
public record FailureRecord(long issueId, String issueKey, String projectKey, RecordKind kind, String summary,
                            String status, Phase phase, String hypothesis, String hypothesisCondition,
                            String hypothesisOutcome, String hypothesisRationale, String successCriteria,
                            String stopCriteria, Outcome outcome, Decision decision, FailureType failureType,
                            FailureCategory failureCategory, FailureMode failureMode, Instant discoveredAt,
                            Instant reportedAt, Instant resolvedAt, Instant decidedAt, Instant startedAt, String team,
                            String component, Set<String> labels, String pivotedFrom, Set<String> recurrenceOf,
                            Instant createdAt, Instant updatedAt, long version) {

    public static final int SUMMARY_MAX_LENGTH = 255;
    public static final int STATUS_MAX_LENGTH = 60;
    public static final int HYPOTHESIS_MAX_LENGTH = 2000;
    /** Each of condition, expected outcome and rationale. */
    public static final int HYPOTHESIS_PART_MAX_LENGTH = 2000;
    /** Success criteria and stop criteria, each. */
    public static final int CRITERIA_MAX_LENGTH = 4000;
    /** Team and component, each. */
    public static final int NAME_MAX_LENGTH = 255;
    public static final int LABEL_MAX_LENGTH = 255;
    public static final int MAX_LABELS = 100;
    public static final int MAX_RECURRENCES = 100;

    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,254}");
    private static final Pattern ISSUE_KEY = Pattern.compile("([A-Z][A-Z0-9_]{0,254})-([1-9][0-9]{0,17})");
    private static final Pattern WHITESPACE = Pattern.compile("\\s");

    public FailureRecord {
        if (issueId <= 0) {
            throw new IllegalArgumentException("issueId must be positive: " + issueId);
        }
        require(issueKey, "issueKey");
        require(projectKey, "projectKey");
        Objects.requireNonNull(kind, "kind");
        require(summary, "summary");
        require(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (!PROJECT_KEY.matcher(projectKey).matches()) {
            throw new IllegalArgumentException("projectKey is not a Jira project key: " + projectKey);
        }
        Matcher key = ISSUE_KEY.matcher(issueKey);
        if (!key.matches() || !key.group(1).equals(projectKey)) {
            throw new IllegalArgumentException("issueKey " + issueKey + " is not an issue key of project " + projectKey);
        }
        maxLength(summary, SUMMARY_MAX_LENGTH, "summary");
        maxLength(status, STATUS_MAX_LENGTH, "status");
        hypothesis = optional(hypothesis, HYPOTHESIS_MAX_LENGTH, "hypothesis");
        hypothesisCondition = optional(hypothesisCondition, HYPOTHESIS_PART_MAX_LENGTH, "hypothesisCondition");
        hypothesisOutcome = optional(hypothesisOutcome, HYPOTHESIS_PART_MAX_LENGTH, "hypothesisOutcome");
        hypothesisRationale = optional(hypothesisRationale, HYPOTHESIS_PART_MAX_LENGTH, "hypothesisRationale");
        successCriteria = optional(successCriteria, CRITERIA_MAX_LENGTH, "successCriteria");
        stopCriteria = optional(stopCriteria, CRITERIA_MAX_LENGTH, "stopCriteria");
        team = optional(team, NAME_MAX_LENGTH, "team");
        component = optional(component, NAME_MAX_LENGTH, "component");
        labels = labels(labels);
        if (pivotedFrom != null) {
            requireIssueKey(pivotedFrom, "pivotedFrom");
            if (pivotedFrom.equals(issueKey)) {
                throw new IllegalArgumentException("pivotedFrom must name another issue than " + issueKey);
            }
        }
        recurrenceOf = recurrences(recurrenceOf, issueKey);
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("updatedAt " + updatedAt + " is before createdAt " + createdAt);
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The number after the dash of the issue key ({@code 42} for {@code OPS-42}), for sorting keys numerically. */
    public long issueNumber() {
        return issueNumber(issueKey);
    }

    /** The number after the dash of a valid issue key. */
    public static long issueNumber(String issueKey) {
        Matcher key = ISSUE_KEY.matcher(Objects.requireNonNull(issueKey, "issueKey"));
        if (!key.matches()) {
            throw new IllegalArgumentException("not an issue key: " + issueKey);
        }
        return Long.parseLong(key.group(2));
    }

    /** Whether the text is a Jira issue key such as {@code OPS-42}. */
    public static boolean isIssueKey(String text) {
        return text != null && ISSUE_KEY.matcher(text).matches();
    }

    /** Whether the text is a Jira project key such as {@code OPS}. */
    public static boolean isProjectKey(String text) {
        return text != null && PROJECT_KEY.matcher(text).matches();
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static void requireIssueKey(String value, String name) {
        if (!isIssueKey(value)) {
            throw new IllegalArgumentException(name + " is not an issue key: " + value);
        }
    }

    private static void maxLength(String value, int max, String name) {
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " is longer than " + max + " characters");
        }
    }

    /** Blank becomes {@code null}, so stores that cannot tell "" from NULL (Oracle) round-trip the value. */
    private static String optional(String value, int max, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        maxLength(value, max, name);
        return value;
    }

    private static Set<String> labels(Set<String> labels) {
        if (labels == null) {
            return Collections.emptySortedSet();
        }
        if (labels.size() > MAX_LABELS) {
            throw new IllegalArgumentException("labels has more than " + MAX_LABELS + " entries");
        }
        SortedSet<String> copy = new TreeSet<>();
        for (String label : labels) {
            if (label == null || label.isEmpty() || WHITESPACE.matcher(label).find()) {
                throw new IllegalArgumentException("labels must be non-empty words without whitespace: \"" + label + "\"");
            }
            maxLength(label, LABEL_MAX_LENGTH, "labels entry");
            copy.add(label);
        }
        return Collections.unmodifiableSortedSet(copy);
    }

    private static Set<String> recurrences(Set<String> keys, String issueKey) {
        if (keys == null) {
            return Collections.emptySortedSet();
        }
        if (keys.size() > MAX_RECURRENCES) {
            throw new IllegalArgumentException("recurrenceOf has more than " + MAX_RECURRENCES + " entries");
        }
        SortedSet<String> copy = new TreeSet<>();
        for (String key : keys) {
            requireIssueKey(key, "recurrenceOf entry");
            if (key.equals(issueKey)) {
                throw new IllegalArgumentException("recurrenceOf must not name the record itself: " + key);
            }
            copy.add(key);
        }
        return Collections.unmodifiableSortedSet(copy);
    }

    /** Builds a {@link FailureRecord}; {@link #build()} runs the record's checks. Optional values default to none. */
    public static final class Builder {
        private long issueId;
        private String issueKey;
        private String projectKey;
        private RecordKind kind;
        private String summary;
        private String status;
        private Phase phase;
        private String hypothesis;
        private String hypothesisCondition;
        private String hypothesisOutcome;
        private String hypothesisRationale;
        private String successCriteria;
        private String stopCriteria;
        private Outcome outcome;
        private Decision decision;
        private FailureType failureType;
        private FailureCategory failureCategory;
        private FailureMode failureMode;
        private Instant discoveredAt;
        private Instant reportedAt;
        private Instant resolvedAt;
        private Instant decidedAt;
        private Instant startedAt;
        private String team;
        private String component;
        private Set<String> labels = Set.of();
        private String pivotedFrom;
        private Set<String> recurrenceOf = Set.of();
        private Instant createdAt;
        private Instant updatedAt;
        private long version;

        private Builder() {
        }

        private Builder(FailureRecord r) {
            issueId = r.issueId;
            issueKey = r.issueKey;
            projectKey = r.projectKey;
            kind = r.kind;
            summary = r.summary;
            status = r.status;
            phase = r.phase;
            hypothesis = r.hypothesis;
            hypothesisCondition = r.hypothesisCondition;
            hypothesisOutcome = r.hypothesisOutcome;
            hypothesisRationale = r.hypothesisRationale;
            successCriteria = r.successCriteria;
            stopCriteria = r.stopCriteria;
            outcome = r.outcome;
            decision = r.decision;
            failureType = r.failureType;
            failureCategory = r.failureCategory;
            failureMode = r.failureMode;
            discoveredAt = r.discoveredAt;
            reportedAt = r.reportedAt;
            resolvedAt = r.resolvedAt;
            decidedAt = r.decidedAt;
            startedAt = r.startedAt;
            team = r.team;
            component = r.component;
            labels = r.labels;
            pivotedFrom = r.pivotedFrom;
            recurrenceOf = r.recurrenceOf;
            createdAt = r.createdAt;
            updatedAt = r.updatedAt;
            version = r.version;
        }

        public Builder issueId(long issueId) {
            this.issueId = issueId;
            return this;
        }

        /** Sets the issue key and the project key it starts with. */
        public Builder issueKey(String issueKey) {
            this.issueKey = issueKey;
            if (issueKey != null && issueKey.lastIndexOf('-') > 0) {
                this.projectKey = issueKey.substring(0, issueKey.lastIndexOf('-'));
            }
            return this;
        }

        public Builder projectKey(String projectKey) {
            this.projectKey = projectKey;
            return this;
        }

        public Builder kind(RecordKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder status(String status) {
            this.status = status;
            return this;
        }

        public Builder phase(Phase phase) {
            this.phase = phase;
            return this;
        }

        public Builder hypothesis(String hypothesis) {
            this.hypothesis = hypothesis;
            return this;
        }

        /** The linter's parts of the hypothesis: condition, expected outcome, rationale (each may be {@code null}). */
        public Builder hypothesisParts(String condition, String expectedOutcome, String rationale) {
            this.hypothesisCondition = condition;
            this.hypothesisOutcome = expectedOutcome;
            this.hypothesisRationale = rationale;
            return this;
        }

        public Builder successCriteria(String successCriteria) {
            this.successCriteria = successCriteria;
            return this;
        }

        public Builder stopCriteria(String stopCriteria) {
            this.stopCriteria = stopCriteria;
            return this;
        }

        public Builder outcome(Outcome outcome) {
            this.outcome = outcome;
            return this;
        }

        public Builder decision(Decision decision) {
            this.decision = decision;
            return this;
        }

        public Builder failureType(FailureType failureType) {
            this.failureType = failureType;
            return this;
        }

        public Builder failureCategory(FailureCategory failureCategory) {
            this.failureCategory = failureCategory;
            return this;
        }

        public Builder failureMode(FailureMode failureMode) {
            this.failureMode = failureMode;
            return this;
        }

        public Builder discoveredAt(Instant discoveredAt) {
            this.discoveredAt = discoveredAt;
            return this;
        }

        public Builder reportedAt(Instant reportedAt) {
            this.reportedAt = reportedAt;
            return this;
        }

        public Builder resolvedAt(Instant resolvedAt) {
            this.resolvedAt = resolvedAt;
            return this;
        }

        public Builder decidedAt(Instant decidedAt) {
            this.decidedAt = decidedAt;
            return this;
        }

        public Builder startedAt(Instant startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        public Builder team(String team) {
            this.team = team;
            return this;
        }

        public Builder component(String component) {
            this.component = component;
            return this;
        }

        public Builder labels(Set<String> labels) {
            this.labels = labels;
            return this;
        }

        public Builder pivotedFrom(String pivotedFrom) {
            this.pivotedFrom = pivotedFrom;
            return this;
        }

        public Builder recurrenceOf(Set<String> recurrenceOf) {
            this.recurrenceOf = recurrenceOf;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /** Sets both times (a record that was never edited after creation). */
        public Builder createdAndUpdatedAt(Instant at) {
            this.createdAt = at;
            this.updatedAt = at;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public FailureRecord build() {
            return new FailureRecord(issueId, issueKey, projectKey, kind, summary, status, phase, hypothesis,
                    hypothesisCondition, hypothesisOutcome, hypothesisRationale, successCriteria, stopCriteria,
                    outcome, decision, failureType, failureCategory, failureMode, discoveredAt, reportedAt,
                    resolvedAt, decidedAt, startedAt, team, component, labels, pivotedFrom, recurrenceOf, createdAt,
                    updatedAt, version);
        }
    }
}
