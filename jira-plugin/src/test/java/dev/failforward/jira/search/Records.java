package dev.failforward.jira.search;

import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.SourcePage;
import dev.failforward.core.record.WhyStep;
import dev.failforward.jira.failuredb.RecordDetails;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link SearchableRecord}s for the index tests. */
final class Records {

    static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

    private final FailureRecord.Builder record;
    private final long issueId;
    private final List<Learning> learnings = new ArrayList<>();
    private final List<WhyStep> whys = new ArrayList<>();
    private String description;
    private String factors;

    private Records(long issueId, String key, RecordKind kind, String summary) {
        this.issueId = issueId;
        this.record = FailureRecord.builder().issueId(issueId).issueKey(key).projectKey(key.substring(0,
                        key.indexOf('-'))).kind(kind).summary(summary)
                .status(kind == RecordKind.EXPERIMENT ? "Running" : "Reported")
                .createdAt(T0.plusSeconds(issueId * 3600)).updatedAt(T0.plusSeconds(issueId * 3600));
    }

    static Records incident(long issueId, String key, String summary) {
        return new Records(issueId, key, RecordKind.INCIDENT, summary);
    }

    static Records experiment(long issueId, String key, String summary) {
        return new Records(issueId, key, RecordKind.EXPERIMENT, summary);
    }

    Records with(java.util.function.UnaryOperator<FailureRecord.Builder> change) {
        change.apply(record);
        return this;
    }

    Records type(FailureType type, FailureCategory category) {
        record.failureType(type).failureCategory(category);
        return this;
    }

    Records description(String text) {
        this.description = text;
        return this;
    }

    Records factors(String text) {
        this.factors = text;
        return this;
    }

    Records why(String question, String answer) {
        whys.add(new WhyStep(issueId, whys.size() + 1, question, answer));
        return this;
    }

    Records learning(long id, String text, LearningKind kind, Instant createdAt) {
        learnings.add(new Learning(id, issueId, text, kind, "u-anna", createdAt));
        return this;
    }

    Records learning(long id, String text, LearningKind kind, Instant createdAt, SourcePage source) {
        learnings.add(new Learning(id, issueId, text, kind, "u-anna", createdAt, source));
        return this;
    }

    SearchableRecord build() {
        return new SearchableRecord(new RecordDetails(record.build(), learnings, List.of(), whys), description,
                factors);
    }
}
