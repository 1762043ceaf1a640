package dev.failforward.jira.users;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import dev.failforward.core.record.UserDirectory;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Objects;

/**
 * {@link UserDirectory} over SAL's {@link UserManager}: a key names a user when
 * {@link UserManager#getUserProfile(UserKey)} finds one (Jira answers for active and inactive users alike, so an
 * action item may be given to someone who is away; a key Jira never issued is refused).
 */
@Named
public class SalUserDirectory implements UserDirectory {

    private final UserManager users;

    @Inject
    public SalUserDirectory(@ComponentImport("salUserManager") @Named("salUserManager") UserManager users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public boolean exists(String userKey) {
        if (userKey == null || userKey.isBlank()) {
            return false;
        }
        return users.getUserProfile(new UserKey(userKey)) != null;
    }

    /**
     * The name people see for {@code userKey}: the profile's full name, else the key itself (a user Jira no longer
     * knows keeps the key their action item was given to, never an empty cell).
     */
    public String displayName(String userKey) {
        if (userKey == null || userKey.isBlank()) {
            return "";
        }
        UserProfile profile = users.getUserProfile(new UserKey(userKey));
        String name = profile == null ? null : profile.getFullName();
        return name == null || name.isBlank() ? userKey : name;
    }
}
