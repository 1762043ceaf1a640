package dev.failforward.confluence.retro;

import dev.failforward.confluence.archive.ArchiveFilters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code failforward-retro} macro's parameters, parsed: an optional Jira issue key and the retro template, or the
 * problems that stop the macro from rendering its guide (each naming the parameter, shown as an error message on the
 * page; a macro never throws for bad input).
 *
 * @param issueKey the canonical issue key, empty when the macro has no {@code issue} parameter (a retro without Jira)
 * @param template the template; {@link RetroTemplate#DEFAULT} when the parameter is absent
 * @param projects the team's project keys (upper case, each once, in the order given; at most
 *                 {@link ArchiveFilters#MAX_PROJECTS}); empty when the macro has no {@code projects} parameter. The
 *                 failure huddle prepares the team's huddle from them.
 * @param problems empty when the parameters are valid
 */
public record RetroParameters(Optional<String> issueKey, RetroTemplate template, List<String> projects,
                              List<Problem> problems) {

    public static final String ISSUE = RetroKeys.PARAM_ISSUE;
    public static final String TEMPLATE = RetroKeys.PARAM_TEMPLATE;
    public static final String PROJECTS = RetroKeys.PARAM_PROJECTS;

    public RetroParameters {
        Objects.requireNonNull(issueKey, "issueKey");
        Objects.requireNonNull(template, "template");
        projects = List.copyOf(projects);
        problems = List.copyOf(problems);
    }

    /** Parameters without projects (every template but the huddle's). */
    public RetroParameters(Optional<String> issueKey, RetroTemplate template, List<Problem> problems) {
        this(issueKey, template, List.of(), problems);
    }

    /** Whether the page prepares a team's huddle from Jira: the failure huddle template with the team's projects. */
    public boolean preparesHuddle() {
        return template == RetroTemplate.FAILURE_HUDDLE && !projects.isEmpty();
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** Parses the macro's parameter map (null or blank values count as absent). */
    public static RetroParameters parse(Map<String, String> parameters) {
        Map<String, String> given = parameters == null ? Map.of() : parameters;
        List<Problem> problems = new ArrayList<>();

        Optional<String> issueKey = Optional.empty();
        String rawIssue = given.get(ISSUE);
        if (rawIssue != null && !rawIssue.isBlank()) {
            issueKey = IssueKeys.parse(rawIssue);
            if (issueKey.isEmpty()) {
                problems.add(new Problem(ISSUE, "failforward.retro.error.issue", rawIssue.strip()));
            }
        }

        RetroTemplate template = RetroTemplate.DEFAULT;
        String rawTemplate = given.get(TEMPLATE);
        if (rawTemplate != null && !rawTemplate.isBlank()) {
            Optional<RetroTemplate> found = RetroTemplate.fromId(rawTemplate);
            if (found.isPresent()) {
                template = found.get();
            } else {
                problems.add(new Problem(TEMPLATE, "failforward.retro.error.template", rawTemplate.strip()));
            }
        }
        List<String> projects = List.of();
        String rawProjects = given.get(PROJECTS);
        if (rawProjects != null && !rawProjects.isBlank()) {
            Optional<List<String>> keys = ArchiveFilters.projectKeys(List.of(rawProjects));
            if (keys.isEmpty()) {
                problems.add(new Problem(PROJECTS, "failforward.retro.error.projects", rawProjects.strip()));
            } else if (keys.get().size() > ArchiveFilters.MAX_PROJECTS) {
                problems.add(new Problem(PROJECTS, "failforward.retro.error.projects.toomany", rawProjects.strip()));
            } else {
                projects = keys.get();
            }
        }
        return new RetroParameters(issueKey, template, projects, problems);
    }

    /**
     * A bad parameter: its name, the i18n key of the message (arguments: {0} the parameter name, {1} the value as
     * given, {2} the values the parameter accepts) and the value as given (user text).
     */
    public record Problem(String parameter, String messageKey, String value) {
        public Problem {
            Objects.requireNonNull(parameter, "parameter");
            Objects.requireNonNull(messageKey, "messageKey");
            Objects.requireNonNull(value, "value");
        }
    }
}
