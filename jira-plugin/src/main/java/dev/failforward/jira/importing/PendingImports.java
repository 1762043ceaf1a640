package dev.failforward.jira.importing;

import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.jira.failuredb.FollowUpIssues.IssueRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Crash safety of the import's create step. A new source is <b>claimed</b> before its issue is created
 * ({@link ImportSourceStore#claim}: a pending row with the content's hash) and its issue's description carries the
 * source's <b>marker</b>, a stable token made from the project and the source key. The row is completed with the issue
 * id once the issue and its learnings and action items are written. A node that dies anywhere in between leaves a
 * pending claim, which the next import of the source (on any node, under the project's import lock, so the claimer is
 * gone) <b>resolves</b> before anything else:
 * <ul>
 *   <li>the issue with the marker exists ({@link ImportedIssueLookup}, from the database): the claim becomes that issue,
 *       with a hash no content has, so this import updates it (fields written again, learnings and action items that
 *       did not make it added) — the issue is kept, never made twice;</li>
 *   <li>no such issue (the node died before Jira stored it): the claim is dropped and the source is created afresh.</li>
 * </ul>
 * A dry run resolves nothing: it says "update" or "create" as the import would.
 *
 * <p>Why a marker in the description rather than an issue property: it is written by the same create call as the
 * issue (an entity property would be a second write, with its own crash window), needs no new host API, and is
 * readable text for whoever wonders where the issue came from.
 */
public final class PendingImports {

    private static final Logger log = LoggerFactory.getLogger(PendingImports.class);

    /** The hash recorded for a recovered claim: no SHA-256 is this, so the next step updates the issue. */
    static final String INTERRUPTED = "interrupted";
    static final String MARKER_PREFIX = "ffimport-";

    private final ImportSourceStore sources;
    private final ImportedIssueLookup lookup;
    private final I18nResolver i18n;

    public PendingImports(ImportSourceStore sources, ImportedIssueLookup lookup, I18nResolver i18n) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    /** The source's marker: {@code ffimport-} and 24 hex digits of SHA-256 over the project and source key. */
    public static String marker(String projectKey, String sourceKey) {
        return MARKER_PREFIX + ImportService.sha256((projectKey + "\n" + sourceKey).getBytes(StandardCharsets.UTF_8))
                .substring(0, 24);
    }

    /** The draft with the marker as the description's last line (kept within Jira's description limit). */
    IncidentIssues.IncidentDraft marked(IncidentIssues.IncidentDraft draft, String projectKey, String sourceKey) {
        String line = i18n.getText("failforward.import.description.marker", marker(projectKey, sourceKey));
        String body = draft.description() == null ? "" : draft.description();
        int room = 32_000 - line.length() - 2;
        if (body.length() > room) {
            body = body.substring(0, room);
        }
        return new IncidentIssues.IncidentDraft(draft.summary(), body.isEmpty() ? line : body + "\n\n" + line,
                draft.texts(), draft.times(), draft.options());
    }

    /**
     * Resolves the source's pending claim, if it has one (see the class comment). On a dry run nothing is written.
     *
     * @return the source as it stands now: finished (a recovered claim is finished with {@link #INTERRUPTED}), or none
     */
    Optional<ImportSourceStore.Source> settle(String projectKey, String sourceKey, boolean dryRun) {
        Optional<ImportSourceStore.Source> pending = sources.pending(projectKey, sourceKey);
        if (pending.isEmpty()) {
            return sources.find(projectKey, sourceKey);
        }
        ImportSourceStore.Source claim = pending.get();
        Optional<IssueRef> issue = lookup.find(projectKey, marker(projectKey, sourceKey), claim.importedAt());
        if (issue.isPresent()) {
            ImportSourceStore.Source recovered = new ImportSourceStore.Source(projectKey, sourceKey, issue.get().id(),
                    INTERRUPTED, claim.importedBy(), claim.importedAt());
            if (!dryRun) {
                log.info("Fail Forward import of {} in {} was interrupted after {} was created; it is completed now",
                        sourceKey, projectKey, issue.get().key());
                sources.save(recovered);
            }
            return Optional.of(recovered);
        }
        if (!dryRun) {
            log.info("Fail Forward import of {} in {} was interrupted before its issue was created; it is imported"
                    + " afresh", sourceKey, projectKey);
            sources.forget(projectKey, sourceKey);
        }
        return Optional.empty();
    }
}
