package dev.failforward.jira.importing;

import dev.failforward.jira.failuredb.FollowUpIssues.IssueRef;

import java.time.Instant;
import java.util.Optional;

/**
 * Finds the issue an interrupted import created for a source, by the source's import marker ({@link PendingImports#marker})
 * that every imported issue's description carries. Read from the host's database, not its search index (an index may
 * lag behind, or miss an issue whose node died before indexing it).
 */
public interface ImportedIssueLookup {

    /**
     * @param since when the source was claimed: the issue was created at or after it (hosts allow for clock skew)
     * @return the issue in the project whose description holds {@code marker}, created since then; the newest if several
     */
    Optional<IssueRef> find(String projectKey, String marker, Instant since);
}
