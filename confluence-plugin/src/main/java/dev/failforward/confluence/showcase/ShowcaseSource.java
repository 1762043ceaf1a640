package dev.failforward.confluence.showcase;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import dev.failforward.confluence.jira.FailureDbClient;
import dev.failforward.confluence.jira.JiraResult;
import dev.failforward.confluence.jira.ShowcaseView;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the showcase macro gets its data: Jira's {@code GET /showcase} as the viewing user, through the primary
 * application link ({@link FailureDbClient}: 2 s to connect, 4 s to answer), and the viewer's
 * last good copy ({@link ShowcaseCopies}) when Jira cannot be reached.
 *
 * <p><b>Why the macro asks Jira while the page renders</b> (our other macros never do): Confluence's PDF and Word
 * exports, and printing, take the server's HTML; a placeholder filled by a browser script would print empty. The wait
 * is bounded by the link's timeouts (the wait a Jira that is down costs: 2 s to connect), and when Jira is slow or down
 * the copy is printed with its age. Every render asks Jira (no short read cache as for the other reads): a showcase
 * page is read a few times a quarter, and what it prints must be Jira's answer of that moment or say how old it is.
 *
 * <p>Only "Jira could not be reached" falls back to the copy. When Jira answers that the viewer must authorise the link,
 * may not see a project, or that a parameter is wrong, that answer is shown and the viewer's copy is forgotten: a copy
 * must never outlive a permission.
 */
@Named
public class ShowcaseSource {

    /**
     * What the macro prints: a showcase (fresh, or the viewer's copy when {@code fromCopy}) and/or why Jira gave none.
     *
     * @param failure Jira's answer when it was not a showcase, else null
     */
    public record Loaded(Optional<ShowcaseCopies.Copy> copy, boolean fromCopy, JiraResult<ShowcaseView> failure) {
        public Loaded {
            Objects.requireNonNull(copy, "copy");
        }
    }

    private final FailureDbClient jira;
    private final ShowcaseCopies copies;
    private final UserManager users;

    @Inject
    public ShowcaseSource(FailureDbClient jira, ShowcaseCopies copies,
                          @ComponentImport("salUserManager") @Named("salUserManager") UserManager users) {
        this.jira = Objects.requireNonNull(jira, "jira");
        this.copies = Objects.requireNonNull(copies, "copies");
        this.users = Objects.requireNonNull(users, "users");
    }

    public Loaded load(ShowcaseParameters parameters) {
        String user = currentUserKey();
        String key = parameters.query();
        JiraResult<ShowcaseView> answer = jira.showcase(key);
        if (answer instanceof JiraResult.Ok<ShowcaseView> ok) {
            return new Loaded(Optional.of(copies.keep(user, key, ok.value())), false, null);
        }
        if (answer instanceof JiraResult.Unavailable<ShowcaseView>) {
            Optional<ShowcaseCopies.Copy> last = copies.last(user, key);
            return new Loaded(last, last.isPresent(), answer);
        }
        // Jira refused this viewer (permission, authorisation, a parameter): their copy must not outlive that answer
        copies.forget(user, key);
        return new Loaded(Optional.empty(), false, answer);
    }

    private String currentUserKey() {
        UserKey user = users.getRemoteUserKey();
        return user == null ? "" : user.getStringValue();
    }
}
