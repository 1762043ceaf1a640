package dev.failforward.jira.rest;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import dev.failforward.rest.RequestProblem;

import java.util.Optional;

/**
 * Who may call: every resource checks it itself, first, so the rule holds on every host whatever its defaults — 401
 * when nobody is logged in, 403 when the user lacks the permission ({@link RequestProblem}).
 */
final class Access {

    private Access() {
    }

    /** Passes when someone is logged in ({@code user} present); else 401. */
    static void requireLogin(Optional<?> user) {
        if (user.isEmpty()) {
            throw RequestProblem.loginRequired();
        }
    }

    /** Passes for a logged-in Jira administrator; else 401 (anonymous) or 403. */
    static void requireAdministrator(UserManager users) {
        UserKey user = users.getRemoteUserKey();
        if (user == null) {
            throw RequestProblem.loginRequired();
        }
        if (!users.isAdmin(user)) {
            throw RequestProblem.forbidden();
        }
    }
}
