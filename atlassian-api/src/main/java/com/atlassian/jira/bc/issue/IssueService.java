package com.atlassian.jira.bc.issue;

import com.atlassian.jira.bc.ServiceResultImpl;
import com.atlassian.jira.issue.IssueInputParameters;
import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.jira.util.ErrorCollection;

import java.util.Map;

/**
 * Stand-in for {@code com.atlassian.jira.bc.issue.IssueService} ({@code @PublicApi}) from
 * {@code com.atlassian.jira:jira-api} 11.3: issues read and created with the permission checks, validation and events
 * of Jira's own screens. Checked against the indexed jira-api source of {@code IssueService} /
 * {@code DefaultIssueService} and Jira 8 code implementing the whole interface (cures-hub/cures-condec-jira
 * {@code MockIssueService}: {@code CreateValidationResult validateCreate(ApplicationUser, IssueInputParameters)},
 * {@code IssueResult create(ApplicationUser, CreateValidationResult)}, {@code new IssueResult(MutableIssue)};
 * {@code UpdateValidationResult validateUpdate(ApplicationUser, Long, IssueInputParameters)}, {@code IssueResult
 * update(ApplicationUser, UpdateValidationResult)}, {@code DeleteValidationResult validateDelete(ApplicationUser, Long)},
 * {@code ErrorCollection delete(ApplicationUser, DeleteValidationResult)} as in the jira-api source of IssueService).
 * Transitions as in the same jira-api source: {@code TransitionValidationResult validateTransition(ApplicationUser user,
 * Long issueId, int actionId, IssueInputParameters issueInputParameters)}, {@code IssueResult transition(ApplicationUser
 * user, TransitionValidationResult transitionResult)}, and {@code TransitionValidationResult extends ServiceResultImpl}
 * (not {@code IssueValidationResult}) with the constructor {@code (MutableIssue, ErrorCollection, Map<String, Object>
 * fieldValuesHolder, Map additionInputs, int actionId)}.
 * Only the members Fail Forward calls.
 */
public interface IssueService {

    /** Empty input parameters for {@link #validateCreate}. */
    IssueInputParameters newIssueInputParameters();

    /** The issue, when the user may browse it (otherwise an invalid result with no issue). */
    IssueResult getIssue(ApplicationUser user, Long issueId);

    /** The issue by key, when the user may browse it (otherwise an invalid result with no issue). */
    IssueResult getIssue(ApplicationUser user, String key);

    /** Checks Create Issues in the project and every field as the create screen would; creates nothing. */
    CreateValidationResult validateCreate(ApplicationUser user, IssueInputParameters issueInputParameters);

    /** Creates the validated issue as the user and fires the issue-created event. */
    IssueResult create(ApplicationUser user, CreateValidationResult createValidationResult);

    /** Checks Edit Issues and the given fields (as the edit screen would, unless the screen check is skipped). */
    UpdateValidationResult validateUpdate(ApplicationUser user, Long issueId, IssueInputParameters issueInputParameters);

    /** Stores the validated change as the user and fires the issue-updated event. */
    IssueResult update(ApplicationUser user, UpdateValidationResult updateValidationResult);

    /** Checks Delete Issues for the issue; deletes nothing. */
    DeleteValidationResult validateDelete(ApplicationUser user, Long issueId);

    /** Deletes the validated issue as the user; the errors, if any. */
    ErrorCollection delete(ApplicationUser user, DeleteValidationResult deleteValidationResult);

    /** Checks the workflow action's conditions, screen fields and validators for the issue. */
    TransitionValidationResult validateTransition(ApplicationUser user, Long issueId, int actionId,
                                                  IssueInputParameters issueInputParameters);

    /** Moves the issue through the validated action (post-functions, events, history). */
    IssueResult transition(ApplicationUser user, TransitionValidationResult transitionResult);

    /** The outcome of {@link #validateTransition}, passed to {@link #transition}. */
    class TransitionValidationResult extends ServiceResultImpl {
        private final MutableIssue issue;
        private final int actionId;

        @SuppressWarnings("rawtypes")
        public TransitionValidationResult(MutableIssue issue, ErrorCollection errors,
                                          Map<String, Object> fieldValuesHolder, Map additionInputs, int actionId) {
            super(errors);
            this.issue = issue;
            this.actionId = actionId;
        }

        public MutableIssue getIssue() {
            return issue;
        }

        public int getActionId() {
            return actionId;
        }
    }

    /** A result that holds an issue. */
    class IssueResult extends ServiceResultImpl {
        private final MutableIssue issue;

        public IssueResult(MutableIssue issue) {
            this(issue, null);
        }

        public IssueResult(MutableIssue issue, ErrorCollection errorCollection) {
            super(errorCollection);
            this.issue = issue;
        }

        public MutableIssue getIssue() {
            return issue;
        }
    }

    /** The outcome of a validation, with the issue it would write. */
    class IssueValidationResult extends ServiceResultImpl {
        private final MutableIssue issue;

        public IssueValidationResult(MutableIssue issue, ErrorCollection errorCollection) {
            super(errorCollection);
            this.issue = issue;
        }

        public MutableIssue getIssue() {
            return issue;
        }
    }

    /** The outcome of {@link #validateCreate}, passed to {@link #create}. */
    class CreateValidationResult extends IssueValidationResult {
        public CreateValidationResult(MutableIssue issue, ErrorCollection errorCollection,
                                      Map<String, Object> fieldValuesHolder) {
            super(issue, errorCollection);
        }
    }

    class UpdateValidationResult extends IssueValidationResult {
        public UpdateValidationResult(MutableIssue issue, ErrorCollection errorCollection,
                                      Map<String, Object> fieldValuesHolder) {
            super(issue, errorCollection);
        }
    }

    class DeleteValidationResult extends IssueValidationResult {
        public DeleteValidationResult(MutableIssue issue, ErrorCollection errorCollection) {
            super(issue, errorCollection);
        }
    }
}
