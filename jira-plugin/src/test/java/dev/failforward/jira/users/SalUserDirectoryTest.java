package dev.failforward.jira.users;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** A user key names a user when SAL finds their profile; blank keys are never looked up. */
class SalUserDirectoryTest {

    private final UserManager users = mock(UserManager.class);
    private final SalUserDirectory directory = new SalUserDirectory(users);

    @Test
    void aKeyWithAProfileIsAUser() {
        when(users.getUserProfile(new UserKey("JIRAUSER10100"))).thenReturn(mock(UserProfile.class));
        assertThat(directory.exists("JIRAUSER10100")).isTrue();
        assertThat(directory.exists("JIRAUSER10101")).isFalse();
        assertThat(directory.exists("jiraUser10100")).as("keys are exact").isFalse();
    }

    @Test
    void blankKeysAreNoUsersAndNotLookedUp() {
        assertThat(directory.exists(null)).isFalse();
        assertThat(directory.exists(" ")).isFalse();
        verify(users, never()).getUserProfile(any(UserKey.class));
    }
}
