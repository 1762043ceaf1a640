package dev.failforward.core.award;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Who competes for an award: the whole instance, or a project group (a named set of project keys). The {@link #key()}
 * is stable and URL-safe ({@code instance}, or the group's slug such as {@code platform-teams}); it is part of the
 * award id and of the ballot guard, so it never contains {@code :} or {@code @}.
 *
 * @param key         {@code instance} or the group's slug, {@code [a-z0-9][a-z0-9-]{0,31}}
 * @param name        the group's display name; "Instance" for the instance
 * @param projectKeys the group's projects (sorted, non-empty); empty for the instance, which covers every project
 */
public record AwardScope(String key, String name, Set<String> projectKeys) {

    public static final String INSTANCE_KEY = "instance";
    public static final int NAME_MAX = 80;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,254}");

    public AwardScope {
        projectKeys = Collections.unmodifiableSet(new TreeSet<>(projectKeys));
    }

    public static AwardScope instance() {
        return new AwardScope(INSTANCE_KEY, "Instance", Set.of());
    }

    /** A project group; refused with an {@link AwardException} naming {@code scope} when a part is invalid. */
    public static AwardScope group(String key, String name, Collection<String> projectKeys) {
        if (key == null || !SLUG.matcher(key).matches() || INSTANCE_KEY.equals(key)) {
            throw AwardProblem.SCOPE_KEY_INVALID.exception(String.valueOf(key));
        }
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw AwardProblem.SCOPE_NAME_REQUIRED.exception();
        }
        if (trimmed.length() > NAME_MAX) {
            throw AwardProblem.SCOPE_NAME_TOO_LONG.exception(String.valueOf(NAME_MAX));
        }
        if (projectKeys == null || projectKeys.isEmpty()) {
            throw AwardProblem.SCOPE_PROJECTS_REQUIRED.exception();
        }
        for (String project : projectKeys) {
            if (project == null || !PROJECT_KEY.matcher(project).matches()) {
                throw AwardProblem.SCOPE_PROJECT_INVALID.exception(String.valueOf(project));
            }
        }
        return new AwardScope(key, trimmed, Set.copyOf(projectKeys));
    }

    public boolean isInstance() {
        return INSTANCE_KEY.equals(key);
    }

    /** Whether records of {@code projectKey} compete in this scope. */
    public boolean covers(String projectKey) {
        return isInstance() || projectKeys.contains(projectKey);
    }
}
