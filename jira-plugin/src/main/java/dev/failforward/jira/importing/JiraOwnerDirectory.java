package dev.failforward.jira.importing;

import com.atlassian.jira.bc.user.search.UserSearchService;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link OwnerDirectory} in Jira: the user name through Jira's {@link UserManager} ({@code getUserByName}, then
 * {@code getUserByKey} for a key that is no name), e-mail addresses and full names through {@link UserSearchService}
 * ({@code findUsersByEmail}, {@code findUsersByFullName}). The search service answers from Jira's user directories
 * whatever the importing user may browse: the import is run by administrators, and an owner's key is only stored on
 * an action item of the issue it creates.
 */
@Named
public class JiraOwnerDirectory implements OwnerDirectory {

    private final UserManager users;
    private final UserSearchService search;

    @Inject
    public JiraOwnerDirectory(@ComponentImport UserManager users,
                              @ComponentImport UserSearchService search) {
        this.users = Objects.requireNonNull(users, "users");
        this.search = Objects.requireNonNull(search, "search");
    }

    @Override
    public Optional<User> byUsername(String username) {
        ApplicationUser user = users.getUserByName(username);
        if (user == null) {
            user = users.getUserByKey(username);
        }
        return Optional.ofNullable(user).map(JiraOwnerDirectory::user);
    }

    @Override
    public List<User> byEmail(String email) {
        return users(search.findUsersByEmail(email));
    }

    @Override
    public List<User> byDisplayName(String displayName) {
        return users(search.findUsersByFullName(displayName));
    }

    private static List<User> users(Iterable<ApplicationUser> found) {
        List<User> users = new ArrayList<>();
        if (found != null) {
            found.forEach(u -> users.add(user(u)));
        }
        return users;
    }

    private static User user(ApplicationUser user) {
        return new User(user.getKey(), user.getDisplayName());
    }
}
