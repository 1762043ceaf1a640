package dev.failforward.jira.reuse;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningRepository;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.permissions.RecordPermissions;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Records and lists the reuses of learnings as the current user may: the learning's record must be browsable (a
 * learning of a hidden record is answered exactly like a missing one), and a newer record that applies it must be
 * browsable too and editable by the user (applying a learning changes what that record shows). A retro page target
 * is not checked here: Confluence decides who may see the page, the macro that cites runs as the page's reader.
 *
 * <p>Recording is idempotent: the same learning, kind and target make one reuse, also when two nodes record it at
 * once ({@link LearningReuseStore#record}).
 */
@Named
public class LearningReuseService {

    private final LearningReuseStore store;
    private final LearningRepository learnings;
    private final FailureRecordRepository records;
    private final RecordPermissions permissions;
    private final Clock clock;

    @Inject
    public LearningReuseService(LearningReuseStore store, LearningRepository learnings,
                                FailureRecordRepository records, RecordPermissions permissions) {
        this(store, learnings, records, permissions, Clock.systemUTC());
    }

    public LearningReuseService(LearningReuseStore store, LearningRepository learnings,
                                FailureRecordRepository records, RecordPermissions permissions, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.learnings = Objects.requireNonNull(learnings, "learnings");
        this.records = Objects.requireNonNull(records, "records");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The target issue of a reuse is missing or hidden (the same answer): 404 naming {@code target}. */
    public static final class TargetNotFound extends FailureDbException {
        public TargetNotFound(String target) {
            super("failforward.reuse.error.target.notfound", target);
        }
    }

    /** A stored reuse and the learning's total number of reuses afterwards. */
    public record Result(LearningReuse reuse, boolean created, int total) {
    }

    /** The learning's reuses the user may see, and the total of all its reuses. */
    public record Listing(long learningId, int total, List<LearningReuse> visible) {
    }

    /**
     * @param kind   {@code retro}, {@code experiment} or {@code incident} (any case)
     * @param target {@code page:<id>} for a retro, else an issue key (any case)
     * @throws FailureDbException.BadField       400 naming {@code kind} or {@code target}
     * @throws FailureDbException.NotFound       404: no such learning, or its record is hidden
     * @throws TargetNotFound                    404 naming {@code target}: the target issue is missing or hidden
     * @throws FailureDbException.FieldDenied    403 naming {@code target}: the user may not edit the target record
     */
    public Result record(long learningId, String kind, String target) {
        LearningReuse.Kind reuseKind = LearningReuse.Kind.of(kind);
        if (reuseKind == null) {
            throw new FailureDbException.BadField("kind", kind == null || kind.isBlank() ? "required" : "unknown",
                    "failforward.reuse.error.kind", String.valueOf(kind));
        }
        String normalised = target == null ? "" : target.strip();
        if (reuseKind != LearningReuse.Kind.RETRO) {
            normalised = normalised.toUpperCase(Locale.ROOT);
        }
        if (!(reuseKind == LearningReuse.Kind.RETRO ? LearningReuse.PAGE_TARGET : LearningReuse.ISSUE_TARGET)
                .matcher(normalised).matches()) {
            throw new FailureDbException.BadField("target", normalised.isEmpty() ? "required" : "invalid",
                    reuseKind == LearningReuse.Kind.RETRO ? "failforward.reuse.error.target.page"
                            : "failforward.reuse.error.target.issue", normalised);
        }
        Visible visible = visible(learningId);
        if (reuseKind != LearningReuse.Kind.RETRO) {
            FailureRecord targetRecord = records.findByIssueKey(normalised)
                    .filter(r -> permissions.canBrowse(r.projectKey()))
                    .orElseThrow(() -> new TargetNotFound(target.strip()));
            RecordKind expected = reuseKind == LearningReuse.Kind.EXPERIMENT ? RecordKind.EXPERIMENT : RecordKind.INCIDENT;
            if (targetRecord.kind() != expected) {
                throw new FailureDbException.BadField("kind", "mismatch", "failforward.reuse.error.kind.mismatch",
                        targetRecord.issueKey(), reuseKind.key());
            }
            if (targetRecord.issueId() == visible.record().issueId()) {
                throw new FailureDbException.BadField("target", "own-record", "failforward.reuse.error.target.own",
                        targetRecord.issueKey());
            }
            if (!permissions.canEdit(targetRecord.projectKey())) {
                throw new FailureDbException.FieldDenied("target", "failforward.reuse.error.target.denied",
                        targetRecord.issueKey());
            }
        }
        LearningReuse reuse = new LearningReuse(learningId, visible.record().issueId(), visible.record().projectKey(),
                reuseKind, normalised, permissions.currentUserKey().orElse(null), clock.instant());
        LearningReuseStore.Recorded recorded = store.record(reuse);
        return new Result(recorded.reuse(), recorded.created(), store.byLearning(learningId).size());
    }

    /**
     * The learning's reuses: those whose target the user may see (a page, or an issue of a browsable project), oldest
     * first; the total counts them all (a number names nothing hidden).
     *
     * @throws FailureDbException.NotFound 404: no such learning, or its record is hidden
     */
    public Listing list(long learningId) {
        visible(learningId);
        List<LearningReuse> all = store.byLearning(learningId);
        return new Listing(learningId, all.size(), all.stream()
                .filter(r -> r.targetProject() == null || permissions.canBrowse(r.targetProject())).toList());
    }

    private record Visible(Learning learning, FailureRecord record) {
    }

    private Visible visible(long learningId) {
        Learning learning = learningId <= 0 ? null : learnings.findById(learningId).orElse(null);
        FailureRecord record = learning == null ? null : records.findByIssueId(learning.recordIssueId())
                .filter(r -> permissions.canBrowse(r.projectKey())).orElse(null);
        if (record == null) {
            throw new FailureDbException.NotFound("failforward.reuse.error.learning.notfound", learningId);
        }
        return new Visible(learning, record);
    }
}
