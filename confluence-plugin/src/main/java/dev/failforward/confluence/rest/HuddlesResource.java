package dev.failforward.confluence.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.confluence.archive.ArchiveFilters;
import dev.failforward.confluence.jira.FailureDbClient;
import dev.failforward.confluence.jira.HuddleBoardView;
import dev.failforward.confluence.jira.HuddleHeldView;
import dev.failforward.confluence.jira.JiraResult;
import dev.failforward.core.record.SourcePage;
import dev.failforward.rest.JsonRequest;
import dev.failforward.rest.RequestProblem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The failure huddle retro's view of a team's huddle in Jira, read and written as the current user through
 * {@link FailureDbClient} (Application Links), so Jira's permissions hold:
 * <pre>
 *   GET  /rest/failforward-confluence/1.0/huddles/board?projects=OPS,CARE
 *        200 {"state":"ok"|"no-link"|"authorize"|"unavailable"|"not-found"|"forbidden", "projects", "message", "board"}
 *   POST /rest/failforward-confluence/1.0/huddles {"projects":["OPS","CARE"],"pageId":"98003","pageTitle":"…"}
 *        201 {"state":"ok","created":true,"message","huddle"} | 200 created false (held already this week) | state
 * </pre>
 * As for {@code /records}, every expected condition of Jira is a 200 with its state on a read ({@link JiraStates});
 * a write that did not happen answers 403 forbidden, 404 not-found, 409 no-link / authorize, 503 unavailable with the
 * same state body. 401 anonymous; 400 naming {@code projects} (missing, not project keys, more than
 * {@link ArchiveFilters#MAX_PROJECTS}) or {@code pageId} before Jira is asked; Jira's own 400 passes through. The
 * huddle held with a retro page keeps the page's canonical address in Jira (the note of the huddle).
 */
@Path("/huddles")
@Produces(MediaType.APPLICATION_JSON)
public class HuddlesResource {

    static final String PROJECTS = "projects";

    /** The texts for the states: reading a team's board, and marking its huddle. */
    static final JiraStates.Messages MESSAGES = new JiraStates.Messages("failforward.huddle.state.nolink",
            "failforward.retro.state.authorize", "failforward.retro.state.unavailable",
            "failforward.huddle.state.notfound", "failforward.huddle.state.forbidden");

    private final FailureDbClient jira;
    private final UserManager users;
    private final I18nResolver i18n;
    private final ApplicationProperties application;

    @Inject
    public HuddlesResource(FailureDbClient jira,
                           @ComponentImport("salUserManager") @Named("salUserManager") UserManager users,
                           @ComponentImport I18nResolver i18n, @ComponentImport ApplicationProperties application) {
        this.jira = Objects.requireNonNull(jira, "jira");
        this.users = Objects.requireNonNull(users, "users");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.application = Objects.requireNonNull(application, "application");
    }

    @GET
    @Path("/board")
    public Response board(@QueryParam(PROJECTS) List<String> rawProjects) {
        UserKey user = loggedIn();
        List<String> projects = projects(rawProjects);
        JiraResult<HuddleBoardView> result = jira.huddleBoard(projects);
        if (result instanceof JiraResult.Ok<HuddleBoardView> ok) {
            return json(200, HuddleJson.State.ok(projects, ok.value()));
        }
        if (result instanceof JiraResult.Invalid<HuddleBoardView> invalid) {
            return json(400, JiraStates.jiraRefused(invalid.problems(), i18n));
        }
        return json(200, HuddleJson.State.failure(projects, failure(result, projects, user)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response hold(String body) {
        UserKey user = loggedIn();
        JsonRequest request = JsonRequest.parse(body);
        List<String> projects = projects(projectValues(request.field(PROJECTS)));
        SourcePage page = RecordsResource.page(request, application);
        String note = page == null ? null : page.title() == null
                ? i18n.getText("failforward.huddle.note.page", page.url())
                : i18n.getText("failforward.huddle.note.titled", page.url(), page.title());
        JiraResult<HuddleHeldView> result = jira.holdHuddle(projects, note);
        if (result instanceof JiraResult.Ok<HuddleHeldView> ok) {
            return json(ok.value().created() ? 201 : 200, HuddleJson.Marked.of(ok.value()));
        }
        if (result instanceof JiraResult.Invalid<HuddleHeldView> invalid) {
            return json(400, JiraStates.jiraRefused(invalid.problems(), i18n));
        }
        JiraStates.Failure failure = failure(result, projects, user);
        int status = switch (failure.state()) {
            case "not-found" -> 404;
            case "forbidden" -> 403;
            case "unavailable" -> 503;
            default -> 409;
        };
        return json(status, HuddleJson.State.failure(projects, failure));
    }

    private UserKey loggedIn() {
        UserKey user = users.getRemoteUserKey();
        if (user == null) {
            throw RequestProblem.loginRequired();
        }
        return user;
    }

    private JiraStates.Failure failure(JiraResult<?> result, List<String> projects, UserKey user) {
        return JiraStates.failure(result, i18n, MESSAGES, String.join(", ", projects), users.isAdmin(user));
    }

    /** The body's {@code projects}: an array of keys or one comma-separated string; a 400 naming it otherwise. */
    private static List<String> projectValues(JsonNode field) {
        List<String> values = new ArrayList<>();
        if (field == null || field.isNull()) {
            return values;
        }
        if (field.isTextual()) {
            values.add(field.asText());
            return values;
        }
        if (field.isArray()) {
            for (JsonNode element : field) {
                if (!element.isTextual()) {
                    throw RequestProblem.invalid(PROJECTS, "format", "failforward.archive.rest.error.project", PROJECTS,
                            element.toString());
                }
                values.add(element.asText());
            }
            return values;
        }
        throw RequestProblem.invalid(PROJECTS, "format", "failforward.archive.rest.error.project", PROJECTS,
                field.toString());
    }

    /** The team's project keys: at least one, each a project key, at most {@link ArchiveFilters#MAX_PROJECTS}. */
    private static List<String> projects(List<String> values) {
        Optional<List<String>> keys = ArchiveFilters.projectKeys(values);
        if (keys.isEmpty()) {
            String given = values.stream().filter(Objects::nonNull).reduce((a, b) -> a + "," + b).orElse("");
            throw RequestProblem.invalid(PROJECTS, "format", "failforward.archive.rest.error.project", PROJECTS,
                    shown(given));
        }
        if (keys.get().isEmpty()) {
            throw RequestProblem.invalid(PROJECTS, "required", "failforward.huddle.rest.error.projects.required",
                    PROJECTS);
        }
        if (keys.get().size() > ArchiveFilters.MAX_PROJECTS) {
            throw RequestProblem.invalid(PROJECTS, "too-many", "failforward.archive.rest.error.toomany", PROJECTS,
                    ArchiveFilters.MAX_PROJECTS);
        }
        return keys.get();
    }

    private static String shown(String value) {
        return value.length() > 50 ? value.substring(0, 50) + "…" : value;
    }

    private static Response json(int status, Object entity) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(entity).build();
    }
}
