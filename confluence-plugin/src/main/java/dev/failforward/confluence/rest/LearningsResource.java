package dev.failforward.confluence.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import dev.failforward.confluence.archive.ArchivePeriod;
import dev.failforward.confluence.jira.CitationView;
import dev.failforward.confluence.jira.FailureDbClient;
import dev.failforward.confluence.jira.JiraResult;
import dev.failforward.confluence.jira.LearningPageView;
import dev.failforward.confluence.jira.LearningSearch;
import dev.failforward.rest.JsonRequest;
import dev.failforward.rest.RequestProblem;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The learnings archive macro's view of Jira's learnings search, read as the current user through
 * {@link FailureDbClient} (Application Links), so Jira's permissions hold:
 * <pre>
 *   GET /rest/failforward-confluence/1.0/learnings?project=OPS,DEV&amp;recordKind=incident&amp;learningKind=insight
 *       &amp;failureType=complex&amp;category=data_gap&amp;period=90d|from=2026-01-01&amp;to=2026-03-31&amp;text=…
 *       &amp;startAt=0&amp;maxResults=20
 *   200 {"state":"ok"|"no-link"|"authorize"|"unavailable"|"not-found"|"forbidden", …}   ({@link LearningsJson.Page})
 * </pre>
 * The parameters are Jira's (see {@link LearningSearchRequest}) plus {@code period}. As for the retro header, every
 * expected condition of Jira is a 200 with its state (the macro shows a message for each), mapped by
 * {@link JiraStates}; the applinks admin page comes with {@code no-link} for Confluence administrators only. 400 names
 * every bad parameter at once (before Jira is asked), or passes Jira's own field errors on; 401 anonymous.
 *
 * <p>A retro cites a past failure's learning ("Cite in this retro" under "Have we failed like this before?"):
 * <pre>
 *   POST /rest/failforward-confluence/1.0/learnings/{learningId}/citations  {"pageId": 98304}
 *   201 {"state":"ok","learningId","target":"page:98304","reusedAt","reuses","created":true}   recorded now
 *   200 the same with "created":false                                                       recorded before
 *   400 naming learningId / pageId (before Jira is asked), or Jira's own field errors
 *   404 not-found (no such learning, or its record is not one the user may browse) · 409 no-link / authorize
 *   503 unavailable · 401 anonymous
 * </pre>
 * Jira records it as the learning's reuse {@code {"kind":"retro","target":"page:<pageId>"}} as the current user
 * (Application Links), so Jira decides who may see the learning. The page is only checked to be a page id: this plugin
 * has no view of Confluence's page permissions, and a citation claims no more than "this page cited it" (Jira lists a
 * page target only as {@code page:<id>}, never its title or text).
 */
@Path("/learnings")
@Produces(MediaType.APPLICATION_JSON)
public class LearningsResource {

    /** The archive's texts for the states; authorisation and unavailability read as the retro's. */
    static final JiraStates.Messages MESSAGES = new JiraStates.Messages("failforward.archive.state.nolink",
            "failforward.retro.state.authorize", "failforward.retro.state.unavailable",
            "failforward.archive.state.notfound", "failforward.archive.state.forbidden");

    /** The citations' texts: not-found names the learning, authorisation and unavailability read as the retro's. */
    static final JiraStates.Messages CITE_MESSAGES = new JiraStates.Messages("failforward.retro.state.nolink",
            "failforward.retro.state.authorize", "failforward.retro.state.unavailable",
            "failforward.cite.state.notfound", "failforward.cite.state.forbidden");

    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final int MAX_SHOWN = 50;

    private final FailureDbClient jira;
    private final UserManager users;
    private final I18nResolver i18n;
    private final Clock clock;

    @Inject
    public LearningsResource(FailureDbClient jira,
                             @ComponentImport("salUserManager") @Named("salUserManager") UserManager users,
                             @ComponentImport I18nResolver i18n) {
        this(jira, users, i18n, Clock.systemUTC());
    }

    /** For tests: the clock {@code period} counts days on. */
    LearningsResource(FailureDbClient jira, UserManager users, I18nResolver i18n, Clock clock) {
        this.jira = Objects.requireNonNull(jira, "jira");
        this.users = Objects.requireNonNull(users, "users");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @GET
    public Response search(@QueryParam("project") List<String> project, @QueryParam("recordKind") String recordKind,
                           @QueryParam("learningKind") String learningKind,
                           @QueryParam("failureType") String failureType, @QueryParam("category") String category,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("period") String period, @QueryParam("text") String text,
                           @QueryParam("startAt") String startAt, @QueryParam("maxResults") String maxResults) {
        UserKey user = users.getRemoteUserKey();
        if (user == null) {
            throw RequestProblem.loginRequired();
        }
        LearningSearch search = LearningSearchRequest.parse(project, recordKind, learningKind, failureType, category,
                from, to, period, text, startAt, maxResults, ArchivePeriod.todayUtc(clock));
        JiraResult<LearningPageView> result = jira.searchLearnings(search);
        if (result instanceof JiraResult.Ok<LearningPageView> ok) {
            return json(200, LearningsJson.Page.ok(ok.value()));
        }
        if (result instanceof JiraResult.Invalid<LearningPageView> invalid) {
            return json(400, JiraStates.jiraRefused(invalid.problems(), i18n));
        }
        JiraStates.Failure failure = JiraStates.failure(result, i18n, MESSAGES, "the learnings archive",
                users.isAdmin(user));
        return json(200, LearningsJson.Page.failure(failure));
    }

    @POST
    @Path("/{learningId}/citations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response cite(@PathParam("learningId") String rawLearningId, String body) {
        UserKey user = users.getRemoteUserKey();
        if (user == null) {
            throw RequestProblem.loginRequired();
        }
        String learningText = rawLearningId == null ? "" : rawLearningId.strip();
        if (!ID.matcher(learningText).matches()) {
            throw RequestProblem.invalid("learningId", "format", "failforward.cite.rest.error.learningid",
                    shown(learningText));
        }
        long learningId = Long.parseLong(learningText);
        long pageId = pageId(JsonRequest.parse(body));
        JiraResult<CitationView> result = jira.citeLearning(learningId, pageId);
        if (result instanceof JiraResult.Ok<CitationView> ok) {
            CitationView cited = ok.value();
            return json(cited.created() ? 201 : 200, new LearningsJson.Citation("ok", learningId, cited.target(),
                    cited.reusedAt() == null ? null : cited.reusedAt().toString(), cited.reuses(), cited.created(),
                    null, null, null));
        }
        if (result instanceof JiraResult.Invalid<CitationView> invalid) {
            return json(400, JiraStates.jiraRefused(invalid.problems(), i18n));
        }
        JiraStates.Failure failure = JiraStates.failure(result, i18n, CITE_MESSAGES, "#" + learningId,
                users.isAdmin(user));
        int status = switch (failure.state()) {
            case "not-found" -> 404;
            case "forbidden" -> 403;
            case "unavailable" -> 503;
            default -> 409;
        };
        return json(status, new LearningsJson.Citation(failure.state(), learningId, null, null, 0, false,
                failure.message(), failure.adminUrl(), failure.authorizeUri()));
    }

    /** {@code pageId}: required, a positive whole number (as a JSON number or a string of digits). */
    private static long pageId(JsonRequest request) {
        JsonNode value = request.field("pageId");
        if (value == null || value.isNull()) {
            throw JsonRequest.required("pageId");
        }
        String text = value.isIntegralNumber() || value.isTextual() ? value.asText().strip() : value.toString();
        if (!ID.matcher(text).matches()) {
            throw RequestProblem.invalid("pageId", "format", "failforward.confluence.rest.error.pageid", shown(text));
        }
        return Long.parseLong(text);
    }

    private static String shown(String value) {
        return value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) + "…" : value;
    }

    private static Response json(int status, Object entity) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(entity).build();
    }
}
