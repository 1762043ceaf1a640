package dev.failforward.confluence.jira;

import java.time.Instant;
import java.util.Objects;

/**
 * A learning cited from a retro page: Jira's answer to {@code POST /learnings/{learningId}/reuses} with
 * {@code {"kind":"retro","target":"page:<id>"}}.
 *
 * @param target   {@code page:<id>}, as Jira stored it
 * @param reusedAt when the citation was first recorded (null when Jira sent none)
 * @param reuses   how often the learning has been reused in all (retros, experiments, incidents)
 * @param created  true when this call recorded the citation (Jira's 201), false when it was already recorded (200)
 */
public record CitationView(long learningId, String target, Instant reusedAt, long reuses, boolean created) {

    public CitationView {
        Objects.requireNonNull(target, "target");
    }
}
