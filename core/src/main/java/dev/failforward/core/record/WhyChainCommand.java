package dev.failforward.core.record;

import dev.failforward.core.lifecycle.FieldProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole "5 whys" chain as a user submitted it, in order; replaces the stored chain. Steps with neither question
 * nor answer are dropped (an empty form row), so positions are 1..n over the remaining steps.
 */
public record WhyChainCommand(List<Step> steps) {

    /** One row of the form. */
    public record Step(String question, String answer) {
    }

    public WhyChainCommand {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public Validated<List<WhyStep>> toSteps(long recordIssueId) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String[]> kept = new ArrayList<>();
        for (Step step : steps) {
            if (step == null) {
                continue;
            }
            String question = Inputs.text(step.question());
            String answer = Inputs.text(step.answer());
            if (question != null || answer != null) {
                kept.add(new String[] {question, answer});
            }
        }
        if (kept.size() > WhyStep.MAX_STEPS) {
            return Validated.invalid(List.of(FailureDbProblem.WHY_STEPS_TOO_MANY.problem(String.valueOf(WhyStep.MAX_STEPS))));
        }
        List<WhyStep> result = new ArrayList<>();
        String max = String.valueOf(WhyStep.TEXT_MAX_LENGTH);
        for (int i = 0; i < kept.size(); i++) {
            String position = String.valueOf(i + 1);
            String question = kept.get(i)[0];
            String answer = kept.get(i)[1];
            if (question == null) {
                problems.add(FailureDbProblem.WHY_QUESTION_REQUIRED.problem(position));
            } else if (question.length() > WhyStep.TEXT_MAX_LENGTH) {
                problems.add(FailureDbProblem.WHY_QUESTION_TOO_LONG.problem(position, max));
            }
            if (answer == null) {
                problems.add(FailureDbProblem.WHY_ANSWER_REQUIRED.problem(position));
            } else if (answer.length() > WhyStep.TEXT_MAX_LENGTH) {
                problems.add(FailureDbProblem.WHY_ANSWER_TOO_LONG.problem(position, max));
            }
            if (problems.isEmpty()) {
                result.add(new WhyStep(recordIssueId, i + 1, question, answer));
            }
        }
        return problems.isEmpty() ? Validated.valid(List.copyOf(result)) : Validated.invalid(problems);
    }

    /** Convenience for a chain given as question/answer pairs. */
    public static WhyChainCommand of(String... questionsAndAnswers) {
        Objects.requireNonNull(questionsAndAnswers, "questionsAndAnswers");
        if (questionsAndAnswers.length % 2 != 0) {
            throw new IllegalArgumentException("pairs of question and answer expected");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < questionsAndAnswers.length; i += 2) {
            steps.add(new Step(questionsAndAnswers[i], questionsAndAnswers[i + 1]));
        }
        return new WhyChainCommand(steps);
    }
}
