package dev.failforward.jira.workflow;

import dev.failforward.core.experiment.ExperimentRules;
import dev.failforward.core.incident.IncidentRules;
import jakarta.inject.Named;

/**
 * The core rules the workflow modules apply. Per-transition settings (minimum learnings, rationale length, …) are
 * arguments of each workflow module, set in the workflow editor; the phase limits are the core's defaults.
 */
@Named
public class WorkflowRules {

    private final ExperimentRules experiments = ExperimentRules.defaults();

    public ExperimentRules experiments() {
        return experiments;
    }

    public IncidentRules incidents(int minLearnings, int minNextSteps) {
        return new IncidentRules(minLearnings, minNextSteps);
    }

    public IncidentRules incidents() {
        return IncidentRules.defaults();
    }
}
