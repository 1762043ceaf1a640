package dev.failforward.core.experiment;

import dev.failforward.core.criteria.BudgetCriterion;
import dev.failforward.core.criteria.CriteriaParse;
import dev.failforward.core.criteria.CriteriaParser;
import dev.failforward.core.criteria.DeadlineCriterion;
import dev.failforward.core.hypothesis.Finding;
import dev.failforward.core.hypothesis.HypothesisLinter;
import dev.failforward.core.lifecycle.FieldKeys;
import dev.failforward.core.lifecycle.FieldProblem;
import dev.failforward.core.text.Lines;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What an experiment needs at each step. Nothing here throws on what people wrote: every gap is a
 * {@link FieldProblem} naming the field to fix, and all problems are reported at once, in form order.
 *
 * <ul>
 *   <li>To be READY and to START, the plan must be complete ({@link #plan}): a testable hypothesis, measurable success
 *       and stop criteria, learning goals, a phase, and a time-box (and budget, if given) within the phase's
 *       {@link PhasePolicy}. A failure should be affordable before it happens.</li>
 *   <li>To be DECIDED, the outcome, the decision and a rationale of at least {@link #minRationaleLength()}
 *       characters ({@link #decision}), so the next team can learn why.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class ExperimentRules {

    /** The shortest decision rationale accepted by default: about one short sentence. */
    public static final int DEFAULT_MIN_RATIONALE_LENGTH = 20;

    /** An unparsed criterion line is quoted in its message up to this many characters. */
    static final int QUOTE_LENGTH = 80;

    private final HypothesisLinter linter;
    private final CriteriaParser criteria;
    private final PhasePolicies policies;
    private final int minRationaleLength;

    public ExperimentRules(HypothesisLinter linter, CriteriaParser criteria, PhasePolicies policies) {
        this(linter, criteria, policies, DEFAULT_MIN_RATIONALE_LENGTH);
    }

    public ExperimentRules(HypothesisLinter linter, CriteriaParser criteria, PhasePolicies policies,
                           int minRationaleLength) {
        this.linter = Objects.requireNonNull(linter, "linter");
        this.criteria = Objects.requireNonNull(criteria, "criteria");
        this.policies = Objects.requireNonNull(policies, "policies");
        if (minRationaleLength < 0) {
            throw new IllegalArgumentException("minRationaleLength must not be negative: " + minRationaleLength);
        }
        this.minRationaleLength = minRationaleLength;
    }

    public static ExperimentRules defaults() {
        return new ExperimentRules(new HypothesisLinter(), new CriteriaParser(), PhasePolicies.defaults());
    }

    public PhasePolicies policies() {
        return policies;
    }

    public int minRationaleLength() {
        return minRationaleLength;
    }

    // ---------------------------------------------------------------- the plan

    /**
     * Missing text is one problem; otherwise each linter ERROR is one problem with the finding's code, key and
     * arguments. Warnings (no rationale, vague words) advise but do not block.
     */
    public List<FieldProblem> hypothesis(String text) {
        if (Lines.isBlank(text)) {
            return List.of(ExperimentProblem.HYPOTHESIS_REQUIRED.problem());
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (text.length() > HypothesisLinter.MAX_LENGTH) {
            problems.add(ExperimentProblem.HYPOTHESIS_TOO_LONG.problem(String.valueOf(HypothesisLinter.MAX_LENGTH)));
        }
        for (Finding error : linter.check(text).errors()) {
            problems.add(new FieldProblem(FieldKeys.HYPOTHESIS, error.code().code(), error.i18nKey(),
                    error.arguments()));
        }
        return problems;
    }

    /**
     * Both texts are required and every line of each must be a criterion. Success criteria need at least one metric:
     * a deadline or a budget says when to stop, not what success looks like.
     */
    public List<FieldProblem> criteria(String successCriteria, String stopCriteria) {
        List<FieldProblem> problems = new ArrayList<>();
        CriteriaParse success = criteria.parse(successCriteria);
        if (success.criteria().isEmpty() && success.unparsedLines().isEmpty()) {
            problems.add(ExperimentProblem.SUCCESS_CRITERIA_REQUIRED.problem());
        }
        for (String line : success.unparsedLines()) {
            problems.add(ExperimentProblem.SUCCESS_CRITERIA_UNPARSED.problem(quote(line)));
        }
        if (!success.criteria().isEmpty() && success.unparsedLines().isEmpty() && success.metrics().isEmpty()) {
            problems.add(ExperimentProblem.SUCCESS_CRITERIA_NO_METRIC.problem());
        }
        CriteriaParse stop = criteria.parse(stopCriteria);
        if (stop.criteria().isEmpty() && stop.unparsedLines().isEmpty()) {
            problems.add(ExperimentProblem.STOP_CRITERIA_REQUIRED.problem());
        }
        for (String line : stop.unparsedLines()) {
            problems.add(ExperimentProblem.STOP_CRITERIA_UNPARSED.problem(quote(line)));
        }
        return problems;
    }

    /** Everything an experiment needs before it may be READY or START, in form order. */
    public List<FieldProblem> plan(ExperimentSnapshot s) {
        Objects.requireNonNull(s, "snapshot");
        List<FieldProblem> problems = new ArrayList<>(hypothesis(s.hypothesis()));
        problems.addAll(criteria(s.successCriteria(), s.stopCriteria()));
        if (Lines.items(s.learningGoals()).isEmpty()) {
            problems.add(ExperimentProblem.LEARNING_GOALS_REQUIRED.problem());
        }
        if (s.phase() == null) {
            problems.add(ExperimentProblem.PHASE_REQUIRED.problem());
        }
        PhasePolicy policy = s.phase() == null ? null : policies.of(s.phase());
        if (s.budget() != null) {
            if (s.budget().signum() <= 0) {
                problems.add(ExperimentProblem.BUDGET_NOT_POSITIVE.problem(plain(s.budget())));
            } else if (policy != null && !policy.allowsBudget(s.budget())) {
                problems.add(ExperimentProblem.BUDGET_OVER_CEILING.problem(plain(s.budget()),
                        plain(policy.budgetCeiling())));
            }
        }
        if (s.timeBoxDays() == null) {
            problems.add(ExperimentProblem.TIME_BOX_REQUIRED.problem());
        } else if (s.timeBoxDays() <= 0) {
            problems.add(ExperimentProblem.TIME_BOX_NOT_POSITIVE.problem(String.valueOf(s.timeBoxDays())));
        } else if (policy != null && !policy.allowsTimeBox(s.timeBoxDays())) {
            problems.add(ExperimentProblem.TIME_BOX_OVER_MAX.problem(String.valueOf(s.timeBoxDays()),
                    String.valueOf(policy.maxTimeBoxDays())));
        }
        return problems;
    }

    /** True when nothing blocks READY or START; the condition that hides "Start" uses this. */
    public boolean planComplete(ExperimentSnapshot s) {
        return plan(s).isEmpty();
    }

    // ---------------------------------------------------------------- the decision

    /** Outcome, decision and rationale. A PIVOT needs nothing more here: the new experiment names this one. */
    public List<FieldProblem> decision(ExperimentSnapshot s) {
        Objects.requireNonNull(s, "snapshot");
        List<FieldProblem> problems = new ArrayList<>();
        if (s.outcome() == null) {
            problems.add(ExperimentProblem.OUTCOME_REQUIRED.problem());
        }
        if (s.decision() == null) {
            problems.add(ExperimentProblem.DECISION_REQUIRED.problem());
        }
        if (Lines.isBlank(s.decisionRationale())) {
            problems.add(ExperimentProblem.DECISION_RATIONALE_REQUIRED.problem());
        } else {
            String rationale = Lines.strip(s.decisionRationale());
            int length = rationale.codePointCount(0, rationale.length());
            if (length < minRationaleLength) {
                problems.add(ExperimentProblem.DECISION_RATIONALE_TOO_SHORT.problem(
                        String.valueOf(minRationaleLength), String.valueOf(length)));
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------- the workflow

    /** What {@code transition} requires: MARK_READY and START the plan, DECIDE the decision, the others nothing. */
    public List<FieldProblem> check(ExperimentTransition transition, ExperimentSnapshot s) {
        Objects.requireNonNull(transition, "transition");
        return switch (transition) {
            case MARK_READY, START -> plan(s);
            case DECIDE -> decision(s);
            case REVISE_PLAN, EVALUATE, RESUME -> List.of();
        };
    }

    /** The transitions out of {@code status}, in declaration order; none out of DECIDED. */
    public Set<ExperimentTransition> allowedFrom(ExperimentStatus status) {
        Objects.requireNonNull(status, "status");
        EnumSet<ExperimentTransition> allowed = EnumSet.noneOf(ExperimentTransition.class);
        for (ExperimentTransition transition : ExperimentTransition.values()) {
            if (transition.from() == status) {
                allowed.add(transition);
            }
        }
        return Collections.unmodifiableSet(allowed);
    }

    /** The transition from {@code from} to {@code to}, or empty when the workflow has none. */
    public Optional<ExperimentTransition> transition(ExperimentStatus from, ExperimentStatus to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        for (ExperimentTransition transition : ExperimentTransition.values()) {
            if (transition.from() == from && transition.to() == to) {
                return Optional.of(transition);
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- the daily job

    /** {@link #breaches(ExperimentSnapshot, Instant, ZoneId)} with dates read in UTC. */
    public List<Breach> breaches(ExperimentSnapshot running, Instant now) {
        return breaches(running, now, ZoneOffset.UTC);
    }

    /**
     * The stop criteria a running experiment has passed at {@code now}:
     * <ul>
     *   <li>the time-box, once {@code startedAt + timeBoxDays} days is before {@code now} (a day is 24 hours;
     *       exactly at the end is not yet past);</li>
     *   <li>the budget, once {@code budgetSpent} is more than {@code budget}, and likewise for each budget cap written
     *       in the stop criteria ("stop if spend exceeds €5k"; a cap equal to the budget field is reported once);</li>
     *   <li>each date in the stop criteria, once that whole day is over in {@code zone}.</li>
     * </ul>
     * Values not filled in are not checked. Metric criteria need measurements the snapshot does not hold.
     */
    public List<Breach> breaches(ExperimentSnapshot running, Instant now, ZoneId zone) {
        Objects.requireNonNull(running, "running");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        List<Breach> breaches = new ArrayList<>();
        if (running.startedAt() != null && running.timeBoxDays() != null && running.timeBoxDays() > 0) {
            Instant end = running.startedAt().plus(Duration.ofDays(running.timeBoxDays()));
            if (end.isBefore(now)) {
                breaches.add(BreachReason.TIMEBOX.breach(String.valueOf(running.timeBoxDays()), end.toString()));
            }
        }
        BigDecimal spent = running.budgetSpent();
        if (spent != null && running.budget() != null && spent.compareTo(running.budget()) > 0) {
            breaches.add(BreachReason.BUDGET.breach(plain(spent), plain(running.budget())));
        }
        CriteriaParse stop = criteria.parse(running.stopCriteria());
        Set<BigDecimal> caps = new HashSet<>();
        for (BudgetCriterion cap : stop.budgets()) {
            boolean sameAsBudget = running.budget() != null && cap.amount().compareTo(running.budget()) == 0;
            if (spent != null && cap.isExceededBy(spent) && !sameAsBudget && caps.add(cap.amount())) {
                String amount = plain(cap.amount()) + (cap.currency() == null ? "" : " " + cap.currency());
                breaches.add(BreachReason.BUDGET_CRITERION.breach(plain(spent), amount, cap.text()));
            }
        }
        Set<LocalDate> dates = new HashSet<>();
        for (DeadlineCriterion deadline : stop.deadlines()) {
            Instant over = deadline.date().plusDays(1).atStartOfDay(zone).toInstant();
            if (!now.isBefore(over) && dates.add(deadline.date())) {
                breaches.add(BreachReason.DEADLINE.breach(deadline.date().toString(), deadline.text()));
            }
        }
        return breaches;
    }

    // ---------------------------------------------------------------- formatting

    /** A number as message text: 2000, 2500.5, never 2E+3. */
    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    static String quote(String line) {
        if (line.length() <= QUOTE_LENGTH) {
            return line;
        }
        int cut = QUOTE_LENGTH - 3;
        if (Character.isHighSurrogate(line.charAt(cut - 1))) {
            cut--;
        }
        return line.substring(0, cut) + "...";
    }
}
