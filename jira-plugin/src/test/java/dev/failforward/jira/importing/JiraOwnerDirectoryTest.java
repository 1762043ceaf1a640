package dev.failforward.jira.importing;

import com.atlassian.jira.bc.user.search.UserSearchService;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.user.util.UserManager;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Jira's user manager and user search behind the import's owner matching. */
class JiraOwnerDirectoryTest {

    private final UserManager users = mock(UserManager.class);
    private final UserSearchService search = mock(UserSearchService.class);
    private final JiraOwnerDirectory directory = new JiraOwnerDirectory(users, search);

    private static ApplicationUser user(String key, String name) {
        ApplicationUser user = mock(ApplicationUser.class);
        when(user.getKey()).thenReturn(key);
        when(user.getDisplayName()).thenReturn(name);
        return user;
    }

    @Test
    void aUserNameThenAKey() {
        ApplicationUser jane = user("JIRAUSER10100", "Jane Doe");
        when(users.getUserByName("jdoe")).thenReturn(jane);
        ApplicationUser jonas = user("JIRAUSER10200", "Jonas Berg");
        when(users.getUserByKey("JIRAUSER10200")).thenReturn(jonas);

        assertThat(directory.byUsername("jdoe")).contains(new OwnerDirectory.User("JIRAUSER10100", "Jane Doe"));
        assertThat(directory.byUsername("JIRAUSER10200")).contains(new OwnerDirectory.User("JIRAUSER10200",
                "Jonas Berg"));
        assertThat(directory.byUsername("nobody")).isEmpty();
    }

    @Test
    void emailAndFullNameThroughTheUserSearch() {
        ApplicationUser jane = user("JIRAUSER10100", "Jane Doe");
        when(search.findUsersByEmail("jane.doe@example.com")).thenReturn(List.of(jane));
        List<ApplicationUser> jonases = List.of(user("a", "Jonas Berg"), user("b", "Jonas Berg"));
        when(search.findUsersByFullName("Jonas Berg")).thenReturn(jonases);

        assertThat(directory.byEmail("jane.doe@example.com")).containsExactly(
                new OwnerDirectory.User("JIRAUSER10100", "Jane Doe"));
        assertThat(directory.byDisplayName("Jonas Berg")).extracting(OwnerDirectory.User::key).containsExactly("a", "b");
        assertThat(directory.byEmail("nobody@example.com")).isEmpty();
    }
}
