package dev.failforward.core.experiment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What an experiment issue holds, read from its fields. Any value may be {@code null}: not filled in yet. The rules
 * decide what is missing; the snapshot only carries values, so a validator can build one from a transition screen
 * before anything is saved.
 *
 * @param budget      the planned budget, in the site's currency
 * @param budgetSpent what has been spent so far, in the same currency
 * @param timeBoxDays how many days the experiment may run once started
 * @param pivotedFrom the key of the experiment this one pivoted from, e.g. {@code OPS-42}, or {@code null}
 */
public record ExperimentSnapshot(String hypothesis,
                                   String successCriteria,
                                   String stopCriteria,
                                   String learningGoals,
                                   Phase phase,
                                   BigDecimal budget,
                                   BigDecimal budgetSpent,
                                   Integer timeBoxDays,
                                   Instant startedAt,
                                   Outcome outcome,
                                   Decision decision,
                                   String decisionRationale,
                                   String pivotedFrom) {

    private static final ExperimentSnapshot EMPTY = new ExperimentSnapshot(null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** Nothing filled in. */
    public static ExperimentSnapshot empty() {
        return EMPTY;
    }

    public ExperimentSnapshot withHypothesis(String hypothesis) {
        return new ExperimentSnapshot(hypothesis, successCriteria, stopCriteria, learningGoals, phase, budget, budgetSpent, timeBoxDays, startedAt, outcome, decision, decisionRationale, pivotedFrom);
    }

    public ExperimentSnapshot withSuccessCriteria(String successCriteria) {
        return new ExperimentSnapshot(hypothesis, successCriteria, stopCriteria, learningGoals, phase, budget, budgetSpent, timeBoxDays, startedAt, outcome, decision, decisionRationale, pivotedFrom);
    }

    public ExperimentSnapshot withStopCriteria(String stopCriteria) {
        return new ExperimentSnapshot(hypothesis, successCriteria, stopCriteria, learningGoals, phase, budget, budgetSpent, timeBoxDays, startedAt, outcome, decision, decisionRationale, pivotedFrom);
    }

    public ExperimentSnapshot withLearningGoals(String learningGoals) {
        return new ExperimentSnapshot(hypothesis, successCriteria, stopCriteria, learningGoals, phase, budget, budgetSpent, timeBoxDays, startedAt, outcome, decision, decisionRationale, pivotedFrom);
    }

    public ExperimentSnapshot withPhase(Phase phase) {
        return new ExperimentSnapshot(hypothesis, successCriteria, stopCriteria, learningGoals, phase, budget, budgetSpent, timeBoxDays, startedAt, outcome, decision, decisionRationale, pivotedFrom);
    }

    public ExperimentSnapshot withBudget(BigDecimal budget) {
        return new ExperimentSnapshot(hypothesis, successCriteria, stopCriteria, learningGoals, phase, budget, budgetSpent, timeBoxDays, startedAt, outcome, decision, decisionRationale, pivotedFrom);
    }

    public ExperimentSnapshot withBudgetSpent(BigDecimal budgetSpent) {
        return new ExperimentSnapshot(hypothesis, successCriteria, stopCriteria, learningGoals, phase, budget, budgetSpent, timeBoxDays, startedAt, outcome, decision, decisionRationale, pivotedFrom);
    }

    public ExperimentSnapshot withTimeBoxDays(Integer timeBoxDays) {
        return new ExperimentSnapshot(hypothesis, successCriteria, stopCriteria, learningGoals, phase, budget, budgetSpent, timeBoxDays, startedAt, outcome, decision, decisionRationale, pivotedFrom);
    }

    public ExperimentSnapshot withStartedAt(Instant startedAt) {
        return new ExperimentSnapshot(hypothesis, successCriteria, stopCriteria, learningGoals, phase, budget, budgetSpent, timeBoxDays, startedAt, outcome, decision, decisionRationale, pivotedFrom);
    }

    public ExperimentSnapshot withOutcome(Outcome outcome) {
        return new ExperimentSnapshot(hypothesis, successCriteria, stopCriteria, learningGoals, phase, budget, budgetSpent, timeBoxDays, startedAt, outcome, decision, decisionRationale, pivotedFrom);
    }

    public ExperimentSnapshot withDecision(Decision decision) {
        return new ExperimentSnapshot(hypothesis, successCriteria, stopCriteria, learningGoals, phase, budget, budgetSpent, timeBoxDays, startedAt, outcome, decision, decisionRationale, pivotedFrom);
    }

    public ExperimentSnapshot withDecisionRationale(String decisionRationale) {
        return new ExperimentSnapshot(hypothesis, successCriteria, stopCriteria, learningGoals, phase, budget, budgetSpent, timeBoxDays, startedAt, outcome, decision, decisionRationale, pivotedFrom);
    }

    public ExperimentSnapshot withPivotedFrom(String pivotedFrom) {
        return new ExperimentSnapshot(hypothesis, successCriteria, stopCriteria, learningGoals, phase, budget, budgetSpent, timeBoxDays, startedAt, outcome, decision, decisionRationale, pivotedFrom);
    }
}
