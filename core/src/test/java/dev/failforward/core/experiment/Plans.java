package dev.failforward.core.experiment;

import java.math.BigDecimal;

/** A complete plan to vary in tests, so each test changes exactly one thing. */
final class Plans {

    static final String HYPOTHESIS = "If we add a pre-deploy checklist, then deploy failures drop below 2 per month, "
            + "because most failures come from skipped steps.";

    static final ExperimentSnapshot COMPLETE = ExperimentSnapshot.empty()
            .withHypothesis(HYPOTHESIS)
            .withSuccessCriteria("""
                    - deploy failures below 2 per month
                    - p95 latency < 300 ms
                    """)
            .withStopCriteria("""
                    - error rate above 2%
                    - spend over 1,500
                    - by 2026-12-31
                    """)
            .withLearningGoals("Does a checklist catch config drift before production?")
            .withPhase(Phase.EXPLORE)
            .withBudget(new BigDecimal("1500"))
            .withTimeBoxDays(14);

    static final ExperimentSnapshot DECIDED = COMPLETE
            .withOutcome(Outcome.REFUTED)
            .withDecision(Decision.PIVOT)
            .withDecisionRationale("Failures stayed at 4 per month: drift comes from hotfixes, not deploys.");

    private Plans() {
    }
}
