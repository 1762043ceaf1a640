package dev.failforward.jira.setup;

import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.fields.FailForwardField.Scope;
import dev.failforward.jira.setup.SetupSpec.IssueTypeSpec;
import dev.failforward.jira.setup.SetupSpec.StepScreenSpec;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which of our fields each screen shows, read from {@link SetupSpec}: what setup puts on the screens in Jira, for code
 * that shows the same screens elsewhere (the preview), so the two cannot drift.
 *
 * <ul>
 *   <li>create: only what the first step needs (an experiment's plan; an incident's discovery time and impact);</li>
 *   <li>edit and view: every field, on tabs;</li>
 *   <li>a workflow transition: only that step's fields, named in the workflow XML by {@code ${screen.KEY}}; a
 *       transition that needs no input has no screen.</li>
 * </ul>
 */
public final class FailForwardScreens {

    private FailForwardScreens() {
    }

    /** The fields of the create screen, in screen order. */
    public static List<FailForwardField> create(Scope scope) {
        return SetupSpec.issueType(scope).createScreen().fields();
    }

    /** The fields of the edit and view screen, in screen order (tab by tab). */
    public static List<FailForwardField> editAndView(Scope scope) {
        return List.copyOf(SetupSpec.issueType(scope).screen().fields());
    }

    /** The fields of the transition screen with this key (the {@code X} of {@code ${screen.X}}), if it is one. */
    public static Optional<List<FailForwardField>> transition(String screenKey) {
        for (IssueTypeSpec type : SetupSpec.ISSUE_TYPES) {
            for (StepScreenSpec screen : type.transitionScreens()) {
                if (screen.key().equals(screenKey)) {
                    return Optional.of(screen.fields());
                }
            }
        }
        return Optional.empty();
    }

    /** The keys of every transition screen, e.g. {@code experiment_decide}. */
    public static Set<String> transitionScreenKeys() {
        Set<String> keys = new LinkedHashSet<>();
        SetupSpec.ISSUE_TYPES.forEach(type -> type.transitionScreens().forEach(screen -> keys.add(screen.key())));
        return keys;
    }
}
