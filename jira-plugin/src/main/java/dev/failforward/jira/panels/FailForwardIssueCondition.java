package dev.failforward.jira.panels;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.issuetype.IssueType;
import com.atlassian.plugin.web.Condition;
import dev.failforward.jira.projection.ProjectionSetup;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Objects;

/**
 * Shows a web panel only on Experiment and Incident issues: the issue view's {@code "issue"} has one of the issue type
 * ids Fail Forward's setup recorded ({@link ProjectionSetup#issueTypes()}), the same test the projection uses, so a
 * renamed issue type keeps its panels and another type named "Incident" gets none.
 */
public class FailForwardIssueCondition implements Condition {

    private final ProjectionSetup setup;

    @Inject
    public FailForwardIssueCondition(ProjectionSetup setup) {
        this.setup = Objects.requireNonNull(setup, "setup");
    }

    @Override
    public void init(Map<String, String> params) {
        // no parameters
    }

    @Override
    public boolean shouldDisplay(Map<String, Object> context) {
        if (!(context.get(FailureRecordPanelContext.ISSUE) instanceof Issue issue)) {
            return false;
        }
        IssueType type = issue.getIssueType();
        return type != null && type.getId() != null && setup.issueTypes().containsKey(type.getId().strip());
    }
}
