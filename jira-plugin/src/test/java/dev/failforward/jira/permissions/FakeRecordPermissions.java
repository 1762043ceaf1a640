package dev.failforward.jira.permissions;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Record permissions for tests: who is logged in, and which projects they may browse and edit. */
public final class FakeRecordPermissions implements RecordPermissions {

    private String user;
    private Set<String> browse = Set.of();
    private Set<String> edit = Set.of();

    /** Logs {@code userKey} in with these project permissions ({@code null} = anonymous, no permissions). */
    public FakeRecordPermissions as(String userKey, Set<String> browsable, Set<String> editable) {
        this.user = userKey;
        this.browse = userKey == null ? Set.of() : Set.copyOf(browsable);
        this.edit = userKey == null ? Set.of() : Set.copyOf(editable);
        return this;
    }

    @Override
    public Optional<String> currentUserKey() {
        return Optional.ofNullable(user);
    }

    @Override
    public Set<String> browsableProjectKeys() {
        return new TreeSet<>(browse);
    }

    @Override
    public boolean canBrowse(String projectKey) {
        return browse.contains(projectKey);
    }

    @Override
    public boolean canEdit(String projectKey) {
        return browse.contains(projectKey) && edit.contains(projectKey);
    }
}
