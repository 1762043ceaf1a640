package dev.failforward.core.importing;

import dev.failforward.core.incident.FailureMode;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.FailureRecord;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An incident as read from a source, before it becomes an Incident issue and a {@link FailureRecord}. Immutable; build
 * one with {@link #builder(String, String)}.
 *
 * <p>Times mean what the failure database means by them: {@code startedAt} when the failure began (the trigger),
 * {@code discoveredAt} when someone or something noticed it, {@code reportedAt} when it was declared or reported as an
 * incident, {@code resolvedAt} when service was restored. Each may be {@code null}.
 *
 * @param sourceKey  the stable key that makes a re-import update the incident it created ({@link #sourceKey(String)})
 * @param title      the issue summary, at most {@link FailureRecord#SUMMARY_MAX_LENGTH} characters
 * @param summary    the summary / overview / description text, or {@code null}
 * @param severity   as written ("SEV2", "P1", "High"), or {@code null}
 * @param category   the stated or suggested failure category, or {@code null} when the text gave nothing to go on
 * @param failureType the failure type when the source states one, else {@code null} (never guessed)
 * @param failureMode whether the process or only the outcome failed, when the source states it, else {@code null}
 *                    (never guessed: it is the team's judgement)
 * @param whys       the 5 whys, each why with its answer; empty when absent
 * @param provenance for each extracted field, where it came from, e.g. {@code front matter "date"},
 *                   {@code section "Timeline" line 14}, {@code stat "Time to detection" line 7}
 * @param incidentDay the start of the incident's date in the source's time zone when the source gives a date
 *                    ("Incident date: 2024-05-22"), else {@code null}: what is left to estimate the discovery from
 *                    when no time is written anywhere
 */
public record ImportedIncident(String sourceKey, String title, String summary, String impact, String detection,
                               String resolution, String rootCause, String trigger, String contributingFactors,
                               List<TimelineEntry> timeline, Instant startedAt, Instant discoveredAt,
                               Instant reportedAt, Instant resolvedAt, String severity, CategorySuggestion category,
                               FailureType failureType, FailureMode failureMode, List<String> whys, List<ImportedLearning> learnings,
                               List<ImportedAction> actionItems, List<String> attendees,
                               Map<ImportField, String> provenance, Instant incidentDay) {

    /** Longest source key: fits a Jira entity property value and an AO string column. */
    public static final int SOURCE_KEY_MAX_LENGTH = 200;

    public ImportedIncident {
        if (sourceKey == null || sourceKey.isBlank() || sourceKey.length() > SOURCE_KEY_MAX_LENGTH) {
            throw new IllegalArgumentException("sourceKey must have 1.." + SOURCE_KEY_MAX_LENGTH + " characters: "
                    + sourceKey);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title is required");
        }
        if (title.length() > FailureRecord.SUMMARY_MAX_LENGTH) {
            throw new IllegalArgumentException("title is longer than " + FailureRecord.SUMMARY_MAX_LENGTH
                    + " characters");
        }
        timeline = List.copyOf(timeline);
        whys = List.copyOf(whys);
        learnings = List.copyOf(learnings);
        actionItems = List.copyOf(actionItems);
        attendees = List.copyOf(attendees);
        Map<ImportField, String> copy = new EnumMap<>(ImportField.class);
        copy.putAll(provenance);
        provenance = Collections.unmodifiableMap(copy);
    }

    /**
     * This incident with a discovery time it does not state, estimated from another time, and the estimate's
     * provenance ({@code estimated from ...}); {@code this} when it states one or gives nothing to estimate from:
     * the earliest of the start, the report, the first timed timeline entry, else the resolution (an incident is
     * noticed no later than it is reported or resolved, and no earlier than it started).
     */
    public ImportedIncident withEstimatedDiscovery() {
        if (discoveredAt != null) {
            return this;
        }
        Instant estimate = null;
        String from = null;
        if (startedAt != null) {
            estimate = startedAt;
            from = "the start";
        } else if (reportedAt != null) {
            estimate = reportedAt;
            from = "the report";
        } else if (timeline.stream().anyMatch(e -> e.at() != null)) {
            TimelineEntry first = timeline.stream().filter(e -> e.at() != null)
                    .min(Comparator.comparing(TimelineEntry::at)).orElseThrow();
            estimate = first.at();
            from = "the first timeline entry (line " + first.line() + ")";
        } else if (resolvedAt != null) {
            estimate = resolvedAt;
            from = "the resolution";
        } else if (incidentDay != null) {
            estimate = incidentDay;
            from = "the incident's date (no time is given)";
        }
        if (estimate == null) {
            return this;
        }
        Map<ImportField, String> where = new EnumMap<>(ImportField.class);
        where.putAll(provenance);
        where.put(ImportField.DISCOVERED_AT, "estimated from " + from + " (the file gives no discovery time)");
        return new ImportedIncident(sourceKey, title, summary, impact, detection, resolution, rootCause, trigger,
                contributingFactors, timeline, startedAt, estimate, reportedAt, resolvedAt, severity, category,
                failureType, failureMode, whys, learnings, actionItems, attendees, where, incidentDay);
    }

    public static Builder builder(String sourceKey, String title) {
        return new Builder(sourceKey, title);
    }

    /**
     * A stable source key from an id or a file name: the last path segment, without a {@code .md}/{@code .markdown}/
     * {@code .txt} extension, lower case, every run of characters other than ASCII letters and digits made one
     * {@code -}, no leading or trailing {@code -}, cut to {@link #SOURCE_KEY_MAX_LENGTH}. So
     * {@code "postmortems/2024-03-05 DB Outage.md"} and {@code "2024-03-05_db_outage.MD"} give the same key,
     * {@code 2024-03-05-db-outage}. {@code "unnamed"} when nothing is left.
     */
    public static String sourceKey(String idOrFileName) {
        String name = idOrFileName == null ? "" : idOrFileName.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        name = name.replaceFirst("(?i)\\.(md|markdown|mdown|txt)$", "");
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (key.length() > SOURCE_KEY_MAX_LENGTH) {
            key = key.substring(0, SOURCE_KEY_MAX_LENGTH).replaceAll("-+$", "");
        }
        return key.isEmpty() ? "unnamed" : key;
    }

    /** Builds an {@link ImportedIncident}; lists and provenance are copied on {@link #build()}. */
    public static final class Builder {
        private final String sourceKey;
        private final String title;
        private String summary;
        private String impact;
        private String detection;
        private String resolution;
        private String rootCause;
        private String trigger;
        private String contributingFactors;
        private List<TimelineEntry> timeline = List.of();
        private Instant startedAt;
        private Instant discoveredAt;
        private Instant reportedAt;
        private Instant resolvedAt;
        private String severity;
        private CategorySuggestion category;
        private FailureType failureType;
        private FailureMode failureMode;
        private List<String> whys = List.of();
        private List<ImportedLearning> learnings = List.of();
        private List<ImportedAction> actionItems = List.of();
        private List<String> attendees = List.of();
        private Map<ImportField, String> provenance = Map.of();
        private Instant incidentDay;

        private Builder(String sourceKey, String title) {
            this.sourceKey = sourceKey;
            this.title = title;
        }

        public Builder summary(String v) { summary = v; return this; }
        public Builder impact(String v) { impact = v; return this; }
        public Builder detection(String v) { detection = v; return this; }
        public Builder resolution(String v) { resolution = v; return this; }
        public Builder rootCause(String v) { rootCause = v; return this; }
        public Builder trigger(String v) { trigger = v; return this; }
        public Builder contributingFactors(String v) { contributingFactors = v; return this; }
        public Builder timeline(List<TimelineEntry> v) { timeline = Objects.requireNonNull(v); return this; }
        public Builder startedAt(Instant v) { startedAt = v; return this; }
        public Builder discoveredAt(Instant v) { discoveredAt = v; return this; }
        public Builder reportedAt(Instant v) { reportedAt = v; return this; }
        public Builder resolvedAt(Instant v) { resolvedAt = v; return this; }
        public Builder severity(String v) { severity = v; return this; }
        public Builder category(CategorySuggestion v) { category = v; return this; }
        public Builder failureType(FailureType v) { failureType = v; return this; }
        public Builder failureMode(FailureMode v) { failureMode = v; return this; }
        public Builder whys(List<String> v) { whys = Objects.requireNonNull(v); return this; }
        public Builder learnings(List<ImportedLearning> v) { learnings = Objects.requireNonNull(v); return this; }
        public Builder actionItems(List<ImportedAction> v) { actionItems = Objects.requireNonNull(v); return this; }
        public Builder attendees(List<String> v) { attendees = Objects.requireNonNull(v); return this; }
        public Builder provenance(Map<ImportField, String> v) { provenance = Objects.requireNonNull(v); return this; }
        public Builder incidentDay(Instant v) { incidentDay = v; return this; }

        public ImportedIncident build() {
            return new ImportedIncident(sourceKey, title, summary, impact, detection, resolution, rootCause, trigger,
                    contributingFactors, timeline, startedAt, discoveredAt, reportedAt, resolvedAt, severity,
                    category, failureType, failureMode, whys, learnings, actionItems, attendees, provenance,
                    incidentDay);
        }
    }
}
