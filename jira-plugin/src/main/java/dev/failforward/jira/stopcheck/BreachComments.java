package dev.failforward.jira.stopcheck;

import com.atlassian.jira.issue.Issue;
import com.atlassian.jira.issue.comments.CommentManager;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.user.ApplicationUser;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.experiment.Breach;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * Tells an experiment's people that it has passed a stop criterion: one comment on the issue listing the new breaches.
 *
 * <p>The comment is added with {@code dispatchEvent = true}, so Jira fires its "issue commented" event and the
 * project's notification scheme mails the issue's watchers (and whoever else the scheme names for comments). The author
 * is the project lead: the job runs without a user, a comment needs one, and every Jira project has a lead, who is
 * accountable for how the project's experiments are run. (By default Jira does not mail users about their own changes,
 * so the lead may get no mail; the comment is on the issue either way.)
 *
 * <p>Text comes from the plugin's i18n bundle through SAL's {@link I18nResolver}: with no user, that is the bundle of
 * Jira's default language. Jira renders comments with its wiki renderer by default, so the breaches are a bullet list.
 */
@Named
public class BreachComments {

    /** {@value}: the comment's first line. */
    static final String HEADING = "failforward.stopcheck.comment.heading";
    /** Notify through Jira's notification scheme. */
    static final boolean DISPATCH_EVENT = true;

    private final CommentManager commentManager;
    private final I18nResolver i18n;

    @Inject
    public BreachComments(@ComponentImport CommentManager commentManager, @ComponentImport I18nResolver i18n) {
        this.commentManager = Objects.requireNonNull(commentManager, "commentManager");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    /**
     * Comments on the issue, as its project lead, listing the breaches.
     *
     * @throws IllegalStateException when the project has no lead to write the comment
     */
    public void add(Issue issue, List<Breach> breaches) {
        commentManager.create(issue, projectLead(issue), text(breaches), DISPATCH_EVENT);
    }

    /** The heading, then one bullet per breach, each its own message. */
    String text(List<Breach> breaches) {
        StringBuilder text = new StringBuilder(i18n.getText(HEADING));
        for (Breach breach : breaches) {
            text.append("\n* ").append(i18n.getText(breach.i18nKey(), breach.arguments().toArray(new Serializable[0])));
        }
        return text.toString();
    }

    private static ApplicationUser projectLead(Issue issue) {
        Project project = issue.getProjectObject();
        ApplicationUser lead = project == null ? null : project.getProjectLead();
        if (lead == null) {
            throw new IllegalStateException("The project of " + issue.getKey() + " has no lead to write the comment");
        }
        return lead;
    }
}
