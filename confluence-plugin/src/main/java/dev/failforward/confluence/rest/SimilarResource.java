package dev.failforward.confluence.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import dev.failforward.confluence.jira.FailureDbClient;
import dev.failforward.confluence.jira.JiraResult;
import dev.failforward.confluence.jira.SimilarView;
import dev.failforward.confluence.retro.IssueKeys;
import dev.failforward.rest.FieldError;
import dev.failforward.rest.RequestProblem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * "Have we failed like this before?": the past failures most like one record, from Jira's search index, read as the
 * current user through {@link FailureDbClient} (Application Links), so Jira's permissions hold:
 * <pre>
 *   GET /rest/failforward-confluence/1.0/similar/{issueKey}?max=5&amp;pageId=98304
 *   200 {"state":"ok"|"no-link"|"authorize"|"unavailable"|"not-found"|"forbidden", "issueKey", "message",
 *        "matches":[{"key","summary","reasons":[…],"url","learnings":[{"id","text","kind","cited"}]}],
 *        "index":{"state":"ready"|"building"|"unavailable","percent"}}
 * </pre>
 * For the retro header and the learnings archive's "More like this". As for {@code /records}, every expected condition
 * of Jira is a 200 with its state (the page decides what to show; the retro header shows nothing for most of them, as
 * the record above already says why), mapped by {@link JiraStates}; the applinks admin page comes with {@code no-link}
 * for Confluence administrators only. 401 anonymous, then 400 naming {@code issueKey} and {@code max} (1..20, default
 * 5) when they are bad, before Jira is asked; Jira's own 400 passes through. {@code pageId} (optional, a positive
 * number, else 400 naming it): the retro page asking, so each learning says whether that page already cited it.
 */
@Path("/similar")
@Produces(MediaType.APPLICATION_JSON)
public class SimilarResource {

    static final int DEFAULT_MAX = 5;
    /** Jira's own limit for {@code max}. */
    static final int MAX_MAX = 20;
    private static final int MAX_SHOWN_VALUE = 50;
    private static final java.util.regex.Pattern PAGE_ID = java.util.regex.Pattern.compile("[1-9][0-9]{0,17}");

    /** The texts for the states: the retro's, but for reading (not changing) what Jira will not show. */
    static final JiraStates.Messages MESSAGES = new JiraStates.Messages("failforward.retro.state.nolink",
            "failforward.retro.state.authorize", "failforward.retro.state.unavailable",
            "failforward.retro.state.notfound", "failforward.similar.state.forbidden");

    private final FailureDbClient jira;
    private final UserManager users;
    private final I18nResolver i18n;

    @Inject
    public SimilarResource(FailureDbClient jira,
                           @ComponentImport("salUserManager") @Named("salUserManager") UserManager users,
                           @ComponentImport I18nResolver i18n) {
        this.jira = Objects.requireNonNull(jira, "jira");
        this.users = Objects.requireNonNull(users, "users");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    @GET
    @Path("/{issueKey}")
    public Response similar(@PathParam("issueKey") String rawKey, @QueryParam("max") String rawMax,
                            @QueryParam("pageId") String rawPageId) {
        UserKey user = users.getRemoteUserKey();
        if (user == null) {
            throw RequestProblem.loginRequired();
        }
        List<FieldError> errors = new ArrayList<>();
        Optional<String> key = IssueKeys.parse(rawKey);
        if (key.isEmpty()) {
            errors.add(FieldError.of("issueKey", "format", "failforward.confluence.rest.error.issuekey",
                    shown(rawKey == null ? "" : rawKey)));
        }
        int max = max(rawMax, errors);
        long pageId = pageId(rawPageId, errors);
        if (!errors.isEmpty()) {
            throw RequestProblem.invalid(errors);
        }
        JiraResult<SimilarView> result = pageId > 0 ? jira.similar(key.get(), max, pageId) : jira.similar(key.get(), max);
        if (result instanceof JiraResult.Ok<SimilarView> ok) {
            return json(200, SimilarJson.State.ok(key.get(), ok.value()));
        }
        if (result instanceof JiraResult.Invalid<SimilarView> invalid) {
            return json(400, JiraStates.jiraRefused(invalid.problems(), i18n));
        }
        JiraStates.Failure failure = JiraStates.failure(result, i18n, MESSAGES, key.get(), users.isAdmin(user));
        return json(200, SimilarJson.State.failure(key.get(), failure));
    }

    /** {@code pageId}, the retro page asking (its learnings say whether it cited them); absent or blank: 0, none. */
    private static long pageId(String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        String text = raw.strip();
        if (PAGE_ID.matcher(text).matches()) {
            return Long.parseLong(text);
        }
        errors.add(FieldError.of("pageId", "format", "failforward.confluence.rest.error.pageid", shown(text)));
        return 0;
    }

    /** {@code max} as a whole number 1..20; absent or blank: 5. */
    private static int max(String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_MAX;
        }
        try {
            long number = Long.parseLong(raw.strip());
            if (number >= 1 && number <= MAX_MAX) {
                return (int) number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(FieldError.of("max", "out-of-range", "failforward.similar.rest.error.max", "max",
                String.valueOf(MAX_MAX), shown(raw)));
        return DEFAULT_MAX;
    }

    private static String shown(String value) {
        return value.length() > MAX_SHOWN_VALUE ? value.substring(0, MAX_SHOWN_VALUE) + "…" : value;
    }

    private static Response json(int status, Object entity) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(entity).build();
    }
}
