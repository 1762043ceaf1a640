package dev.failforward.jira.reuse;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One reuse of a learning: a retro page cited it ({@link Kind#RETRO}, target {@code page:<id>}), or a newer experiment
 * or incident applied it ({@link Kind#EXPERIMENT} / {@link Kind#INCIDENT}, target that issue's key). One per learning,
 * kind and target ({@link #key()}).
 *
 * @param recordIssueId the issue id of the learning's record (the failure it was learnt from)
 * @param projectKey    that record's project
 * @param reusedBy      the user key of who recorded it, or {@code null}
 */
public record LearningReuse(long learningId, long recordIssueId, String projectKey, Kind kind, String target,
                            String reusedBy, Instant reusedAt) {

    /** {@code page:} and a Confluence page id. */
    public static final Pattern PAGE_TARGET = Pattern.compile("page:[1-9][0-9]{0,18}");
    /** A Jira issue key, upper case. */
    public static final Pattern ISSUE_TARGET = Pattern.compile("[A-Z][A-Z0-9_]*-[1-9][0-9]{0,17}");

    public enum Kind {
        RETRO, EXPERIMENT, INCIDENT;

        /** {@code retro}, {@code experiment}, {@code incident}: the stored and JSON name. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind named {@code key} (any case), or {@code null}. */
        public static Kind of(String key) {
            if (key == null) {
                return null;
            }
            for (Kind kind : values()) {
                if (kind.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
            return null;
        }
    }

    public LearningReuse {
        if (learningId <= 0 || recordIssueId <= 0) {
            throw new IllegalArgumentException("learningId and recordIssueId must be positive");
        }
        Objects.requireNonNull(projectKey, "projectKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reusedAt, "reusedAt");
        if (!(kind == Kind.RETRO ? PAGE_TARGET : ISSUE_TARGET).matcher(target).matches()) {
            throw new IllegalArgumentException("target " + target + " does not fit kind " + kind);
        }
    }

    /** {@code <learning id>:<kind>:<target>}, the unique {@code REUSE_KEY}. */
    public String key() {
        return learningId + ":" + kind.key() + ":" + target;
    }

    /** The project of an issue target, or {@code null} for a page. */
    public String targetProject() {
        return kind == Kind.RETRO ? null : target.substring(0, target.lastIndexOf('-'));
    }
}
