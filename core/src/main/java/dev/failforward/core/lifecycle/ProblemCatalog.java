package dev.failforward.core.lifecycle;

import java.util.List;

/**
 * A catalogue entry of a problem the rules can report (the enums {@code ExperimentProblem}, {@code IncidentProblem},
 * {@code FailureDbProblem}): its field, stable code, i18n key and how many message arguments it takes. Making a
 * {@link FieldProblem} from it checks the argument count, so a message never shows an unfilled placeholder.
 */
public interface ProblemCatalog {

    String field();

    String code();

    String i18nKey();

    /** How many message arguments the problem carries. */
    int arity();

    /** The problem with its message arguments; their number must be {@link #arity()}. */
    default FieldProblem problem(String... arguments) {
        if (arguments.length != arity()) {
            throw new IllegalArgumentException(this + " takes " + arity() + " arguments, not " + arguments.length);
        }
        return new FieldProblem(field(), code(), i18nKey(), List.of(arguments));
    }
}
