package dev.failforward.jira.recurrence;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.search.FailureSearchIndex;
import dev.failforward.jira.search.SearchableRecord;
import dev.failforward.jira.search.SimilarMatch;
import dev.failforward.jira.search.SimilarQuery;
import dev.failforward.jira.similar.RecordTextSource;
import dev.failforward.jira.similar.RecordTexts;
import dev.failforward.jira.similar.SearchIndexAccess;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the earlier incidents a new incident may repeat and stores each as a pending "Recurrence of OPS-12?"
 * suggestion: the {@value #CANDIDATES} most similar earlier incidents (any project with records: a recurrence does not
 * stop at a project's border; who may see a suggestion is decided when it is shown) whose similarity is at least
 * {@link #THRESHOLD}, that were created before it, are not linked yet and were never suggested for it — so a dismissed
 * one stays dismissed. Runs without a user (after the report, and nightly), never on a request thread.
 */
@Named
public class RecurrenceDetector {

    /** The similarity (0..1) from which a match is offered; chosen on the evaluation set's fresh reports (README). */
    public static final double THRESHOLD = 0.35;
    static final int CANDIDATES = 3;

    private final FailureRecordRepository records;
    private final RecordTextSource texts;
    private final SearchIndexAccess index;
    private final RecurrenceSuggestionStore suggestions;
    private final Clock clock;

    @Inject
    public RecurrenceDetector(FailureRecordRepository records, RecordTextSource texts, SearchIndexAccess index,
                              RecurrenceSuggestionStore suggestions) {
        this(records, texts, index, suggestions, Clock.systemUTC());
    }

    public RecurrenceDetector(FailureRecordRepository records, RecordTextSource texts, SearchIndexAccess index,
                              RecurrenceSuggestionStore suggestions, Clock clock) {
        this.records = Objects.requireNonNull(records, "records");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.index = Objects.requireNonNull(index, "index");
        this.suggestions = Objects.requireNonNull(suggestions, "suggestions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The outcome of one look: how many new suggestions, or that the index could not answer yet. */
    public enum Outcome { CHECKED, NOT_AN_INCIDENT, INDEX_NOT_READY }

    /**
     * Looks for earlier incidents {@code issueId} repeats; stores new suggestions.
     *
     * @return how it went; {@link Outcome#INDEX_NOT_READY} means "try again later" (the nightly run does)
     */
    public Outcome detect(long issueId) {
        Optional<SearchableRecord> searchable = texts.load(issueId);
        if (searchable.isEmpty() || searchable.get().details().record().kind() != RecordKind.INCIDENT) {
            return Outcome.NOT_AN_INCIDENT;
        }
        Optional<FailureSearchIndex> ready = index.whenReady();
        if (ready.isEmpty()) {
            return Outcome.INDEX_NOT_READY;
        }
        FailureRecord incident = searchable.get().details().record();
        Set<String> projects = new HashSet<>(suggestions.recordProjects());
        projects.add(incident.projectKey());
        List<SimilarMatch> matches = ready.get().similar(new SimilarQuery(RecordTexts.of(searchable.get()), projects,
                incident.projectKey(), RecordKind.INCIDENT, incident.issueKey(), incident.component(),
                incident.failureCategory(), CANDIDATES));
        for (SimilarMatch match : matches) {
            if (match.score() < THRESHOLD || incident.recurrenceOf().contains(match.issueKey())) {
                continue;
            }
            Optional<FailureRecord> past = records.findByIssueId(match.issueId());
            if (past.isEmpty() || !past.get().createdAt().isBefore(incident.createdAt())) {
                continue;
            }
            suggestions.addIfAbsent(new RecurrenceSuggestion.Draft(incident.issueId(), incident.projectKey(),
                    match.issueId(), match.issueKey(), match.score(), match.reasons(), clock.instant()));
        }
        return Outcome.CHECKED;
    }
}
