package dev.failforward.preview.jira;

import dev.failforward.core.record.RecordKind;

/** Creates preview issues without projecting them, as Jira stores issues whose events a node missed. */
public final class PreviewTestIssues {

    private PreviewTestIssues() {
    }

    public static PreviewIssue create(PreviewJira jira, RecordKind kind, String project, String summary) {
        return jira.issues().save(jira.issues().draft(kind, project, summary));
    }
}
