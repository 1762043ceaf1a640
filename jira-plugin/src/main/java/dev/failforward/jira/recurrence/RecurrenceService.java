package dev.failforward.jira.recurrence;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.jira.failuredb.BrowsableProjects;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.permissions.RecordPermissions;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The recurrence suggestions as the current user may see and decide them. An issue's suggestions are read with Browse
 * Projects on it, and only those whose earlier failure the user may browse too (another project's key is never
 * named to someone who cannot open it); confirming or dismissing needs Edit Issues on it. Confirming makes the
 * "recurrence of" link as the user; dismissing is remembered, so that pair is never offered again.
 */
@Named
public class RecurrenceService {

    private final FailureRecordRepository records;
    private final RecurrenceSuggestionStore store;
    private final RecurrenceLinks links;
    private final RecordPermissions permissions;
    private final BrowsableProjects projects;
    private final Clock clock;

    @Inject
    public RecurrenceService(FailureRecordRepository records, RecurrenceSuggestionStore store, RecurrenceLinks links,
                             RecordPermissions permissions) {
        this(records, store, links, permissions, Clock.systemUTC());
    }

    public RecurrenceService(FailureRecordRepository records, RecurrenceSuggestionStore store, RecurrenceLinks links,
                             RecordPermissions permissions, Clock clock) {
        this.records = Objects.requireNonNull(records, "records");
        this.store = Objects.requireNonNull(store, "store");
        this.links = Objects.requireNonNull(links, "links");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.projects = new BrowsableProjects(permissions);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One suggestion as shown: the earlier failure's record (summary, status) with why it was offered. */
    public record Shown(RecurrenceSuggestion suggestion, FailureRecord past) {
    }

    /** The issue's suggestions the user may see, pending first, then decided (newest decision first). */
    public List<Shown> forIssue(String issueKey) {
        FailureRecord record = visible(issueKey);
        return shown(record);
    }

    /** The pending ones only, for a record already read (the issue view's panel). */
    public List<Shown> pending(FailureRecord record) {
        return shown(record).stream()
                .filter(s -> s.suggestion().state() == RecurrenceSuggestion.State.PENDING).toList();
    }

    /** Whether the user may confirm or dismiss suggestions on this record. */
    public boolean canDecide(FailureRecord record) {
        return permissions.canEdit(record.projectKey());
    }

    public Shown confirm(String issueKey, String pastKey) {
        FailureRecord record = editable(issueKey);
        Shown shown = suggestion(record, pastKey);
        if (shown.suggestion().state() != RecurrenceSuggestion.State.CONFIRMED
                && !links.link(shown.past().issueId(), record.issueId())) {
            throw new FailureDbException.BadField("pastKey", "no-link-type",
                    "failforward.recurrence.error.linktype");
        }
        return decide(record, shown, RecurrenceSuggestion.State.CONFIRMED);
    }

    public Shown dismiss(String issueKey, String pastKey) {
        FailureRecord record = editable(issueKey);
        Shown shown = suggestion(record, pastKey);
        return decide(record, shown, RecurrenceSuggestion.State.DISMISSED);
    }

    /**
     * Pending suggestions in the projects the user may browse (of {@code requested}, or all when {@code null}): the
     * number the KPI gadget shows next to the recurrence rate.
     */
    public int pendingCount(Set<String> requested) {
        Set<String> allowed = projects.forSearch(requested, 1000);
        if (allowed.isEmpty()) {
            return 0;
        }
        Map<String, Integer> counts = store.pendingByProject(allowed);
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    private Shown decide(FailureRecord record, Shown shown, RecurrenceSuggestion.State state) {
        RecurrenceSuggestion decided = store.decide(record.issueId(), shown.past().issueId(), state,
                permissions.currentUserKey().orElse(null), clock.instant()).orElseThrow(() -> notFound(record, shown.past().issueKey()));
        if (decided.state() != state) {
            throw new FailureDbException.BadField("pastKey", "decided", "failforward.recurrence.error.decided",
                    shown.past().issueKey());
        }
        return new Shown(decided, shown.past());
    }

    private Shown suggestion(FailureRecord record, String pastKey) {
        String key = pastKey == null ? "" : pastKey.strip().toUpperCase(java.util.Locale.ROOT);
        return shown(record).stream().filter(s -> s.past().issueKey().equals(key)).findFirst()
                .orElseThrow(() -> notFound(record, key));
    }

    private List<Shown> shown(FailureRecord record) {
        List<Shown> pending = new ArrayList<>();
        List<Shown> decided = new ArrayList<>();
        for (RecurrenceSuggestion suggestion : store.forIssue(record.issueId())) {
            Optional<FailureRecord> past = records.findByIssueId(suggestion.pastIssueId())
                    .filter(p -> permissions.canBrowse(p.projectKey()));
            if (past.isEmpty()) {
                continue;
            }
            (suggestion.state() == RecurrenceSuggestion.State.PENDING ? pending : decided)
                    .add(new Shown(suggestion, past.get()));
        }
        decided.sort((a, b) -> b.suggestion().decidedAt() == null || a.suggestion().decidedAt() == null ? 0
                : b.suggestion().decidedAt().compareTo(a.suggestion().decidedAt()));
        pending.addAll(decided);
        return pending;
    }

    private FailureRecord visible(String issueKey) {
        String key = issueKey == null ? "" : issueKey.strip().toUpperCase(java.util.Locale.ROOT);
        if (!FailureRecord.isIssueKey(key)) {
            throw recordNotFound(issueKey);
        }
        return records.findByIssueKey(key).filter(r -> permissions.canBrowse(r.projectKey()))
                .orElseThrow(() -> recordNotFound(issueKey));
    }

    private FailureRecord editable(String issueKey) {
        FailureRecord record = visible(issueKey);
        if (!permissions.canEdit(record.projectKey())) {
            throw new FailureDbException.EditDenied();
        }
        return record;
    }

    private static FailureDbException.NotFound recordNotFound(String issueKey) {
        return new FailureDbException.NotFound("failforward.failuredb.error.record.notfound", String.valueOf(issueKey));
    }

    private static FailureDbException.NotFound notFound(FailureRecord record, String pastKey) {
        return new FailureDbException.NotFound("failforward.recurrence.error.notfound", record.issueKey(), pastKey);
    }
}
