package dev.failforward.jira.projection;

import com.atlassian.jira.bc.project.component.ProjectComponent;
import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.IssueManager;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.jira.issue.label.Label;
import com.atlassian.jira.issue.link.IssueLink;
import com.atlassian.jira.issue.link.IssueLinkManager;
import com.atlassian.jira.issue.status.Status;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.core.experiment.ExperimentSnapshot;
import dev.failforward.core.hypothesis.HypothesisLinter;
import dev.failforward.core.hypothesis.HypothesisParts;
import dev.failforward.core.incident.IncidentSnapshot;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.core.incident.WhyChain;
import dev.failforward.core.record.WhyStep;
import dev.failforward.core.record.WhyStepRepository;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.fields.IssueFields;
import dev.failforward.jira.workflow.IssueSnapshots;
import dev.failforward.jira.failuredb.CountsChanged;
import dev.failforward.jira.failuredb.RecordChanges;
import dev.failforward.jira.search.node.RecordTextStore;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Projects one Jira issue into the failure database (ARCHITECTURE.md §4): reads the issue as it is now and writes its
 * {@link FailureRecord}, or removes the record when the issue is gone or no longer one of our issue types. Jira is the
 * system of record, so the projection never merges: it rebuilds the whole record from the issue each time, and the
 * repository keeps the version when nothing changed — the same event twice changes nothing.
 *
 * <p>How each record field is read:
 * <ul>
 *   <li>kind: the issue type, by the ids setup recorded ({@link ProjectionSetup#issueTypes()});</li>
 *   <li>status: the Jira status name as shown (statuses can be renamed, so it is text);</li>
 *   <li>plan, outcome, decision, classification and times: our custom fields through {@link IssueSnapshots} and
 *       {@link IssueFields}; the hypothesis is split into condition / outcome / rationale by the core
 *       {@link HypothesisLinter};</li>
 *   <li>component: the issue's first component by name (Jira keeps no order of components);</li>
 *   <li>team: that component; an issue without components names its team with a label {@code team-<name>}
 *       (e.g. {@code team-payments}), the first such label by name. Teams are components first because Jira lets a
 *       project lead own a component; the label convention covers projects without components;</li>
 *   <li>labels: all Jira labels (the first {@value FailureRecord#MAX_LABELS} by name);</li>
 *   <li>pivotedFrom: the source of an inward "Pivots" link (A "pivoted into" B makes B pivoted from A), the lowest
 *       issue id if several;</li>
 *   <li>recurrenceOf: the sources of inward "Recurrence" links (A "recurs as" B makes B a recurrence of A);</li>
 *   <li>beside the record, for the search index only: the description and an incident's "Contributing factors",
 *       whole ({@link RecordTextStore}).</li>
 * </ul>
 * Text longer than the record allows is cut at the limit rather than failing the projection: the full text stays in
 * Jira, the database keeps what KPIs and search need.
 */
@Named
public class JiraIssueProjection {

    /** Label prefix naming an issue's team when it has no component (see the class comment). */
    public static final String TEAM_LABEL_PREFIX = "team-";

    /** What {@link #project(long)} did. */
    public enum Result {
        /** The record was written (inserted, changed, or already equal: the repository tells those apart). */
        UPSERTED,
        /** The issue is gone or no longer one of ours, and its record was removed. */
        DELETED,
        /** The issue is not one of ours and had no record: nothing to do. */
        IGNORED
    }

    private final IssueManager issueManager;
    private final IssueLinkManager issueLinkManager;
    private final ProjectionSetup setup;
    private final IssueSnapshots snapshots;
    private final IssueFields fields;
    private final FailureRecordRepository repository;
    private final WhyStepRepository whySteps;
    private final HypothesisLinter linter = new HypothesisLinter();

    private final RecordChanges changes;
    /**
     * Told when an issue gains or loses its record: its count fields go from empty to 0 (or back), which Jira's index,
     * computed when Jira indexed the issue — before this projection ran — does not know yet.
     */
    private final CountsChanged counts;
    /** The issue text only the search index needs (description, contributing factors). */
    private final RecordTextStore texts;

    @Inject
    public JiraIssueProjection(@ComponentImport IssueManager issueManager,
                               @ComponentImport IssueLinkManager issueLinkManager, ProjectionSetup setup,
                               IssueSnapshots snapshots, IssueFields fields, FailureRecordRepository repository,
                               WhyStepRepository whySteps, RecordChanges changes, CountsChanged counts,
                               RecordTextStore texts) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.counts = Objects.requireNonNull(counts, "counts");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.issueManager = Objects.requireNonNull(issueManager, "issueManager");
        this.issueLinkManager = Objects.requireNonNull(issueLinkManager, "issueLinkManager");
        this.setup = Objects.requireNonNull(setup, "setup");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
        this.fields = Objects.requireNonNull(fields, "fields");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.whySteps = Objects.requireNonNull(whySteps, "whySteps");
    }

    /** A projection that keeps no issue text for the search index (tests of the record itself). */
    public JiraIssueProjection(IssueManager issueManager, IssueLinkManager issueLinkManager, ProjectionSetup setup,
                               IssueSnapshots snapshots, IssueFields fields, FailureRecordRepository repository,
                               WhyStepRepository whySteps, RecordChanges changes, CountsChanged counts) {
        this(issueManager, issueLinkManager, setup, snapshots, fields, repository, whySteps, changes, counts,
                RecordTextStore.NONE);
    }

    /** A projection whose new and removed records nothing else follows (hosts without Jira's index, tests). */
    public JiraIssueProjection(IssueManager issueManager, IssueLinkManager issueLinkManager, ProjectionSetup setup,
                               IssueSnapshots snapshots, IssueFields fields, FailureRecordRepository repository,
                               WhyStepRepository whySteps, RecordChanges changes) {
        this(issueManager, issueLinkManager, setup, snapshots, fields, repository, whySteps, changes,
                CountsChanged.NONE, RecordTextStore.NONE);
    }

    /** Reads the issue by id and projects it; safe to repeat, safe for an id that never was one of ours. */
    public Result project(long issueId) {
        Issue issue = issueManager.getIssueObject(issueId);
        return issue == null ? remove(issueId) : project(issue, setup.issueTypes());
    }

    /** Projects an issue already read (the backfill's search results), with the issue types read once per batch. */
    Result project(Issue issue, Map<String, RecordKind> ourTypes) {
        Optional<RecordKind> kind = kindOf(issue, ourTypes);
        if (kind.isEmpty()) {
            return remove(issue.getId());
        }
        // a new record (one indexed read, only when someone waits for it): the issue's counts are now 0, not empty
        boolean isNew = counts != CountsChanged.NONE && repository.findByIssueId(issue.getId()).isEmpty();
        repository.upsert(toRecord(issue, kind.get()));
        if (kind.get() == RecordKind.INCIDENT) {
            projectWhys(issue);
        }
        projectText(issue, kind.get());
        changes.changed(issue.getId());
        if (isNew) {
            counts.countsChanged(issue.getId());
        }
        return Result.UPSERTED;
    }

    /**
     * Whether the stored record of this issue id should go: the issue no longer exists, or is no longer one of our
     * types. For the backfill's drift repair; reads the issue, writes nothing.
     */
    boolean isStale(long issueId, Map<String, RecordKind> ourTypes) {
        Issue issue = issueManager.getIssueObject(issueId);
        return issue == null || kindOf(issue, ourTypes).isEmpty();
    }

    /** The backfill removed the record of {@code issueId}: derived data follows. */
    void removed(long issueId) {
        changes.changed(issueId);
        counts.countsChanged(issueId);
    }

    /**
     * The backfill projected these issues: everything derived from their records is recomputed from scratch, which
     * repairs drift (the projection itself only logs what it changed).
     */
    void recheck(List<Long> issueIds) {
        changes.recheck(issueIds);
    }

    /** The kind this issue is projected as, or empty when its type is not one of ours. */
    static Optional<RecordKind> kindOf(Issue issue, Map<String, RecordKind> ourTypes) {
        IssueType type = issue.getIssueType();
        return type == null || type.getId() == null ? Optional.empty()
                : Optional.ofNullable(ourTypes.get(type.getId().strip()));
    }

    /** The incident's "5 whys" field, one step per line; written only when it changed, so a repeated event writes nothing. */
    private void projectWhys(Issue issue) {
        String text = fields.text(issue, FailForwardField.FIVE_WHYS);
        List<WhyStep> steps = text == null ? List.of() : WhyStep.fromChain(issue.getId(), WhyChain.parse(text).whys());
        if (!whySteps.findByRecord(issue.getId()).equals(steps)) {
            whySteps.replaceAll(issue.getId(), steps);
        }
    }

    /**
     * The description and (incidents) "Contributing factors", kept whole for the search index: written, with a search
     * change row, only when they changed, so a repeated event writes nothing.
     */
    private void projectText(Issue issue, RecordKind kind) {
        String factors = kind == RecordKind.INCIDENT ? fields.text(issue, FailForwardField.CONTRIBUTING_FACTORS) : null;
        texts.write(issue.getId(), new RecordTextStore.RecordText(issue.getDescription(), factors));
    }

    private Result remove(long issueId) {
        // look first: most issues in Jira are not ours, and a delete also clears learnings, actions and why steps
        if (repository.findByIssueId(issueId).isEmpty()) {
            return Result.IGNORED;
        }
        repository.deleteByIssueId(issueId);
        changes.changed(issueId);
        counts.countsChanged(issueId); // an issue that is no longer ours has no counts; a deleted one is not reindexed
        return Result.DELETED;
    }

    /** The record for the issue as it is now (version 0: the repository decides the stored version). */
    FailureRecord toRecord(Issue issue, RecordKind kind) {
        Instant created = issue.getCreated() == null ? Instant.EPOCH : issue.getCreated().toInstant();
        Instant updated = issue.getUpdated() == null ? created : issue.getUpdated().toInstant();
        Set<String> labels = labels(issue);
        String component = firstComponent(issue);
        FailureRecord.Builder record = FailureRecord.builder()
                .issueId(issue.getId())
                .issueKey(issue.getKey())
                .kind(kind)
                .summary(cut(issue.getSummary(), FailureRecord.SUMMARY_MAX_LENGTH))
                .status(cut(statusName(issue), FailureRecord.STATUS_MAX_LENGTH))
                .component(cut(component, FailureRecord.NAME_MAX_LENGTH))
                .team(cut(component != null ? component : teamLabel(labels), FailureRecord.NAME_MAX_LENGTH))
                .labels(labels)
                .pivotedFrom(pivotedFrom(issue))
                .recurrenceOf(recurrenceOf(issue))
                .createdAt(created)
                .updatedAt(updated.isBefore(created) ? created : updated);
        if (kind == RecordKind.EXPERIMENT) {
            experiment(issue, record);
        } else {
            incident(issue, record);
        }
        return record.build();
    }

    private void experiment(Issue issue, FailureRecord.Builder record) {
        ExperimentSnapshot experiment = snapshots.experiment(issue);
        String hypothesis = experiment.hypothesis();
        HypothesisParts parts = hypothesis == null ? HypothesisParts.NONE : linter.check(hypothesis).parts();
        record.phase(experiment.phase())
                .hypothesis(cut(hypothesis, FailureRecord.HYPOTHESIS_MAX_LENGTH))
                .hypothesisParts(cut(parts.condition(), FailureRecord.HYPOTHESIS_PART_MAX_LENGTH),
                        cut(parts.expectedOutcome(), FailureRecord.HYPOTHESIS_PART_MAX_LENGTH),
                        cut(parts.rationale(), FailureRecord.HYPOTHESIS_PART_MAX_LENGTH))
                .successCriteria(cut(experiment.successCriteria(), FailureRecord.CRITERIA_MAX_LENGTH))
                .stopCriteria(cut(experiment.stopCriteria(), FailureRecord.CRITERIA_MAX_LENGTH))
                .outcome(experiment.outcome())
                .decision(experiment.decision())
                .startedAt(experiment.startedAt())
                .decidedAt(fields.instant(issue, FailForwardField.DECIDED_AT));
    }

    private void incident(Issue issue, FailureRecord.Builder record) {
        IncidentSnapshot incident = snapshots.incident(issue);
        record.failureType(incident.failureType())
                .failureCategory(incident.failureCategory())
                .failureMode(incident.failureMode())
                .discoveredAt(incident.discoveredAt())
                .reportedAt(incident.reportedAt())
                .resolvedAt(incident.resolvedAt());
    }

    private static String statusName(Issue issue) {
        Status status = issue.getStatus();
        return status == null || status.getName() == null || status.getName().isBlank() ? "?" : status.getName().strip();
    }

    private static Set<String> labels(Issue issue) {
        Set<Label> jiraLabels = issue.getLabels();
        TreeSet<String> labels = new TreeSet<>();
        if (jiraLabels != null) {
            for (Label label : jiraLabels) {
                String text = label == null ? null : label.getLabel();
                if (text != null && !text.isBlank() && !text.chars().anyMatch(Character::isWhitespace)
                        && text.length() <= FailureRecord.LABEL_MAX_LENGTH) {
                    labels.add(text);
                }
            }
        }
        while (labels.size() > FailureRecord.MAX_LABELS) {
            labels.pollLast();
        }
        return labels;
    }

    private static String firstComponent(Issue issue) {
        Collection<ProjectComponent> components = issue.getComponents();
        if (components == null) {
            return null;
        }
        return components.stream().filter(Objects::nonNull).map(ProjectComponent::getName)
                .filter(name -> name != null && !name.isBlank()).map(String::strip)
                .min(Comparator.comparing((String name) -> name.toLowerCase(Locale.ROOT)).thenComparing(name -> name))
                .orElse(null);
    }

    private static String teamLabel(Set<String> sortedLabels) {
        return sortedLabels.stream()
                .filter(label -> label.regionMatches(true, 0, TEAM_LABEL_PREFIX, 0, TEAM_LABEL_PREFIX.length()))
                .map(label -> label.substring(TEAM_LABEL_PREFIX.length()))
                .filter(team -> !team.isEmpty())
                .findFirst().orElse(null);
    }

    private String pivotedFrom(Issue issue) {
        return setup.pivotLinkTypeId()
                .flatMap(type -> inwardSources(issue, type).stream()
                        .min(Comparator.comparing(Issue::getId))
                        .map(Issue::getKey))
                .orElse(null);
    }

    private Set<String> recurrenceOf(Issue issue) {
        TreeSet<String> keys = new TreeSet<>();
        setup.recurrenceLinkTypeId().ifPresent(type -> inwardSources(issue, type).forEach(source -> keys.add(source.getKey())));
        while (keys.size() > FailureRecord.MAX_RECURRENCES) {
            keys.pollLast();
        }
        return keys;
    }

    /** The source issues of the issue's inward links of one type, other than the issue itself. */
    private List<Issue> inwardSources(Issue issue, long linkTypeId) {
        List<IssueLink> links = issueLinkManager.getInwardLinks(issue.getId());
        if (links == null) {
            return List.of();
        }
        return links.stream()
                .filter(link -> link != null && link.getLinkTypeId() != null && link.getLinkTypeId() == linkTypeId)
                .map(IssueLink::getSourceObject)
                .filter(source -> source != null && FailureRecord.isIssueKey(source.getKey())
                        && !source.getKey().equals(issue.getKey()))
                .toList();
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }
}
