package dev.failforward.jira.importing;

import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link ImportRunAs} in Jira: the user by key ({@link UserManager#getUserByKey}) made the thread's logged-in user
 * ({@link JiraAuthenticationContext#setLoggedInUser}) for the work, the previous one restored afterwards (a scheduler
 * thread has none). A user who no longer exists runs as nobody, so Jira refuses the work as it would refuse them.
 */
@Named
public class JiraImportRunAs implements ImportRunAs {

    private final JiraAuthenticationContext authentication;
    private final UserManager users;

    @Inject
    public JiraImportRunAs(@ComponentImport JiraAuthenticationContext authentication,
                           @ComponentImport UserManager users) {
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public <T> T as(String userKey, Supplier<T> work) {
        ApplicationUser before = authentication.getLoggedInUser();
        authentication.setLoggedInUser(userKey == null ? null : users.getUserByKey(userKey));
        try {
            return work.get();
        } finally {
            authentication.setLoggedInUser(before);
        }
    }
}
