package dev.failforward.jira.workflow;

import com.atlassian.jira.issue.MutableIssue;
import com.atlassian.jira.workflow.function.issue.AbstractJiraFunctionProvider;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import com.opensymphony.module.propertyset.PropertySet;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.fields.IssueFields;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Stamps the transition's time into a date-time field (reported, started, decided or resolved at), so KPIs such as
 * "time from discovery to report" need no one to type a date. Keeps a time already there unless told to overwrite.
 * Never blocks a transition: a failure is logged and the transition goes on.
 */
public class StampTimeFunction extends AbstractJiraFunctionProvider {

    static final List<String> STAMPABLE = List.of(
            FailForwardField.REPORTED_AT.key(), FailForwardField.STARTED_AT.key(),
            FailForwardField.DECIDED_AT.key(), FailForwardField.RESOLVED_AT.key());
    static final ModuleArg FIELD = ModuleArg.choice("field", FailForwardField.REPORTED_AT.key(), STAMPABLE, "failforward.workflow.arg.field");
    static final ModuleArg OVERWRITE = ModuleArg.flag("overwrite", false, "failforward.workflow.arg.overwrite");

    private static final Logger log = LoggerFactory.getLogger(StampTimeFunction.class);

    private final IssueFields fields;
    private final Clock clock;

    @Inject
    public StampTimeFunction(IssueFields fields) {
        this(fields, Clock.systemUTC());
    }

    StampTimeFunction(IssueFields fields, Clock clock) {
        this.fields = fields;
        this.clock = clock;
    }

    @Override
    public void execute(Map transientVars, Map args, PropertySet ps) {
        try {
            MutableIssue issue = getIssue(transientVars);
            FailForwardField field = field(FIELD.valueIn(args));
            if (OVERWRITE.booleanIn(args) || fields.instant(issue, field) == null) {
                Instant now = clock.instant();
                if (!fields.setInstant(issue, field, now)) {
                    log.warn("Fail Forward field {} is not set up; {} not stamped on {}", field.key(), now, issue.getKey());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not stamp a time on the transitioned issue; the transition goes on", e);
        }
    }

    private static FailForwardField field(String key) {
        return FailForwardField.byKey(key).orElseThrow(() -> new IllegalArgumentException("not a stampable field: " + key));
    }

    /** Workflow editor support for {@link StampTimeFunction}. */
    public static class Factory extends WorkflowModuleFactory {
        @Inject
        public Factory(@ComponentImport I18nResolver i18n) {
            super(i18n, "failforward.workflow.stamp.summary", List.of(FIELD, OVERWRITE));
        }
    }
}
