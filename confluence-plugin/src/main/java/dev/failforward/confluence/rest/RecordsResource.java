package dev.failforward.confluence.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserManager;
import dev.failforward.confluence.jira.FailureDbClient;
import dev.failforward.confluence.jira.JiraResult;
import dev.failforward.confluence.jira.NewAction;
import dev.failforward.confluence.jira.RecordView;
import dev.failforward.confluence.retro.IssueKeys;
import dev.failforward.core.record.SourcePage;
import dev.failforward.rest.JsonRequest;
import dev.failforward.rest.RequestProblem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The retro header's view of Jira's failure database, read and written as the current user through
 * {@link FailureDbClient} (Application Links), so Jira's permissions hold:
 * <pre>
 *   GET  /rest/failforward-confluence/1.0/records/{issueKey}            200 {"state":"ok"|"no-link"|"authorize"|…}
 *   POST /rest/failforward-confluence/1.0/records/{issueKey}/learnings  {"text","kind","pageId","pageTitle"}  201 | 400 | state
 *   POST /rest/failforward-confluence/1.0/records/{issueKey}/actions    {"description","owner","dueDate","type","checkInDate"}
 * </pre>
 * Why a read answers 200 for every expected condition: the header shows a message for each state (link Jira,
 * authenticate, try later, not found), so they are data, not errors. A write that did not happen answers an error
 * status with the same state body: 404 not-found, 403 forbidden, 409 no-link / authorize, 503 unavailable; Jira's
 * field errors come back as 400 naming each field. 400 for a malformed key, 401 anonymous.
 *
 * <p>A learning captured on a page names the page by {@code pageId} (and {@code pageTitle}); Jira stores the page's
 * canonical address, built here from Confluence's base URL, so the archive links the learning to its retro. The
 * browser sends no URL: what Jira stores always points into this Confluence.
 */
@Path("/records")
@Produces(MediaType.APPLICATION_JSON)
public class RecordsResource {

    static final int MAX_TEXT = 10_000;
    static final int MAX_SHORT = 255;

    static final String PAGE_PATH = "/pages/viewpage.action?pageId=";
    private static final Pattern PAGE_ID = Pattern.compile("[1-9][0-9]{0,18}");

    private final FailureDbClient jira;
    private final UserManager users;
    private final I18nResolver i18n;
    private final ApplicationProperties application;

    @Inject
    public RecordsResource(FailureDbClient jira,
                           @ComponentImport("salUserManager") @Named("salUserManager") UserManager users,
                           @ComponentImport I18nResolver i18n, @ComponentImport ApplicationProperties application) {
        this.jira = jira;
        this.users = users;
        this.i18n = i18n;
        this.application = application;
    }

    @GET
    @Path("/{issueKey}")
    public RecordJson.State record(@PathParam("issueKey") String rawKey) {
        String key = authorizedKey(rawKey);
        JiraResult<RecordView> result = jira.record(key);
        if (result instanceof JiraResult.Ok<RecordView> ok) {
            return RecordJson.State.ok(key, ok.value());
        }
        return state(key, result);
    }

    @POST
    @Path("/{issueKey}/learnings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addLearning(@PathParam("issueKey") String rawKey, String body) {
        String key = authorizedKey(rawKey);
        JsonRequest request = JsonRequest.parse(body);
        String text = request.requiredString("text", MAX_TEXT);
        String kind = request.requiredString("kind", MAX_SHORT);
        SourcePage page = page(request);
        return written(key, jira.addLearning(key, text, kind, page),
                learning -> new RecordJson.LearningCreated("ok", key, RecordJson.learning(learning)));
    }

    @POST
    @Path("/{issueKey}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addAction(@PathParam("issueKey") String rawKey, String body) {
        String key = authorizedKey(rawKey);
        JsonRequest request = JsonRequest.parse(body);
        NewAction action = new NewAction(
                request.requiredString("description", MAX_TEXT),
                request.optionalString("owner", MAX_SHORT).orElse(null),
                request.optionalString("dueDate", MAX_SHORT).orElse(null),
                request.optionalString("type", MAX_SHORT).orElse(null),
                request.optionalString("checkInDate", MAX_SHORT).orElse(null));
        return written(key, jira.addAction(key, action),
                stored -> new RecordJson.ActionCreated("ok", key, RecordJson.action(stored)));
    }

    /** The page a learning is captured on, from {@code pageId}/{@code pageTitle}; {@code null} without a page id. */
    private SourcePage page(JsonRequest request) {
        return page(request, application);
    }

    /**
     * The Confluence page a request names by {@code pageId} (a 400 naming it when it is not a page id) and
     * {@code pageTitle}, at its canonical address built from Confluence's base URL (the browser sends no URL);
     * {@code null} without a page id. Also for the huddle held with a retro page ({@link HuddlesResource}).
     */
    static SourcePage page(JsonRequest request, ApplicationProperties application) {
        Optional<String> id = request.optionalString("pageId", MAX_SHORT).map(String::strip);
        String title = request.optionalString("pageTitle", SourcePage.TITLE_MAX_LENGTH).orElse(null);
        if (id.isEmpty() || id.get().isEmpty()) {
            return null;
        }
        if (!PAGE_ID.matcher(id.get()).matches()) {
            throw RequestProblem.invalid("pageId", "format", "failforward.confluence.rest.error.pageid", id.get());
        }
        String base = application.getBaseUrl(UrlMode.CANONICAL);
        String url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PAGE_PATH + id.get();
        return SourcePage.isWebUrl(url) && url.length() <= SourcePage.URL_MAX_LENGTH ? new SourcePage(url, title) : null;
    }

    /** 401 before anything else (an anonymous caller learns nothing about keys), then 400 for a malformed key. */
    private String authorizedKey(String rawKey) {
        if (users.getRemoteUserKey() == null) {
            throw RequestProblem.loginRequired();
        }
        return IssueKeys.parse(rawKey).orElseThrow(() -> RequestProblem.invalid("issueKey", "format",
                "failforward.confluence.rest.error.issuekey", rawKey == null ? "" : rawKey));
    }

    private <T> Response written(String key, JiraResult<T> result, Function<T, Object> created) {
        if (result instanceof JiraResult.Ok<T> ok) {
            return Response.status(Response.Status.CREATED).entity(created.apply(ok.value())).build();
        }
        if (result instanceof JiraResult.Invalid<T> invalid) {
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(JiraStates.jiraRefused(invalid.problems(), i18n)).build();
        }
        RecordJson.State state = state(key, result);
        int status = switch (state.state()) {
            case "not-found" -> 404;
            case "forbidden" -> 403;
            case "unavailable" -> 503;
            default -> 409;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(state).build();
    }

    /** Every non-ok result as its state (an unexpected {@code Invalid} on a read is reported as unavailable). */
    private RecordJson.State state(String key, JiraResult<?> result) {
        // only administrators can add an application link: others get the message without the admin page's link
        JiraStates.Failure failure = JiraStates.failure(result, i18n, JiraStates.RECORD, key,
                users.isAdmin(users.getRemoteUserKey()));
        return RecordJson.State.failure(failure.state(), key, failure.message(), failure.adminUrl(),
                failure.authorizeUri());
    }
}
