package dev.failforward.jira.workflow;

import com.atlassian.jira.issue.Issue;
import dev.failforward.core.experiment.Decision;
import dev.failforward.core.experiment.ExperimentSnapshot;
import dev.failforward.core.experiment.Outcome;
import dev.failforward.core.experiment.Phase;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureMode;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.incident.IncidentSnapshot;
import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.fields.IssueFields;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;

import static dev.failforward.jira.fields.FailForwardField.*;

/** Reads an experiment or incident issue into the core's snapshot, which the core rules judge. */
@Named
public class IssueSnapshots {

    private final IssueFields fields;

    @Inject
    public IssueSnapshots(IssueFields fields) {
        this.fields = fields;
    }

    public ExperimentSnapshot experiment(Issue issue) {
        BigDecimal timeBox = fields.number(issue, TIME_BOX_DAYS);
        return new ExperimentSnapshot(
                fields.text(issue, HYPOTHESIS),
                fields.text(issue, SUCCESS_CRITERIA),
                fields.text(issue, STOP_CRITERIA),
                fields.text(issue, LEARNING_GOALS),
                option(issue, PHASE, Phase::valueOf),
                fields.number(issue, BUDGET),
                fields.number(issue, BUDGET_SPENT),
                timeBox == null ? null : timeBox.intValue(),
                fields.instant(issue, STARTED_AT),
                option(issue, OUTCOME, Outcome::valueOf),
                option(issue, DECISION, Decision::valueOf),
                fields.text(issue, DECISION_RATIONALE),
                null);
    }

    public IncidentSnapshot incident(Issue issue) {
        return new IncidentSnapshot(
                fields.instant(issue, DISCOVERED_AT),
                fields.instant(issue, REPORTED_AT),
                fields.instant(issue, RESOLVED_AT),
                fields.text(issue, IMPACT),
                option(issue, FAILURE_TYPE, FailureType::valueOf),
                option(issue, FAILURE_CATEGORY, FailureCategory::valueOf),
                option(issue, FAILURE_MODE, FailureMode::valueOf),
                fields.text(issue, FIVE_WHYS),
                fields.text(issue, CONTRIBUTING_FACTORS),
                fields.text(issue, LEARNINGS),
                fields.text(issue, NEXT_STEPS));
    }

    private <E extends Enum<E>> E option(Issue issue, FailForwardField field, Function<String, E> valueOf) {
        Optional<String> value = fields.option(issue, field);
        try {
            return value.map(valueOf).orElse(null);
        } catch (IllegalArgumentException unknownOption) {
            // an option an admin added by hand: not one the rules know, so treat it as unset
            return null;
        }
    }
}
