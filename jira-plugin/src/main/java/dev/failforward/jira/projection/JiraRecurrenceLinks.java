package dev.failforward.jira.projection;

import com.atlassian.jira.exception.CreateException;
import com.atlassian.jira.issue.link.IssueLinkManager;
import com.atlassian.jira.security.JiraAuthenticationContext;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.jira.recurrence.RecurrenceLinks;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Objects;
import java.util.Optional;

/**
 * {@link RecurrenceLinks} in Jira: an issue link of the "Recurrence" type setup created, from the earlier failure
 * ("recurs as") to the incident ("recurrence of"), as the logged-in user. Jira fires the link event, which the
 * projection turns into the record's {@code recurrenceOf}.
 */
@Named
public class JiraRecurrenceLinks implements RecurrenceLinks {

    private final IssueLinkManager linkManager;
    private final JiraAuthenticationContext authentication;
    private final ProjectionSetup setup;

    @Inject
    public JiraRecurrenceLinks(@ComponentImport IssueLinkManager linkManager,
                               @ComponentImport JiraAuthenticationContext authentication, ProjectionSetup setup) {
        this.linkManager = Objects.requireNonNull(linkManager, "linkManager");
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.setup = Objects.requireNonNull(setup, "setup");
    }

    @Override
    public boolean link(long pastIssueId, long issueId) {
        Optional<Long> type = setup.recurrenceLinkTypeId();
        if (type.isEmpty()) {
            return false;
        }
        try {
            linkManager.createIssueLink(pastIssueId, issueId, type.get(), null, authentication.getLoggedInUser());
            return true;
        } catch (CreateException e) {
            throw new IllegalStateException("Jira refused the recurrence link " + pastIssueId + " -> " + issueId, e);
        }
    }
}
