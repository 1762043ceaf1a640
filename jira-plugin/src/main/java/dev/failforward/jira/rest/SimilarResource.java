package dev.failforward.jira.rest;

import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.reuse.LearningReuseStore;
import dev.failforward.jira.search.IndexStatus;
import dev.failforward.jira.search.SimilarQuery;
import dev.failforward.jira.similar.SimilarFailures;
import dev.failforward.rest.FieldError;
import dev.failforward.rest.JsonRequest;
import dev.failforward.rest.RequestProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code POST /rest/failforward/1.0/similar} — "have we failed like this before?":
 * <pre>
 *   {"text": "...", "project": "OPS", "kind": "INCIDENT|EXPERIMENT", "exclude": "OPS-12", "component": "...",
 *    "max": 5, "withLearnings": false}
 *   → {"matches": [{"key", "projectKey", "summary", "score", "reasons": [...], "url", "learnings": [{"text","kind"}]}],
 *      "index": {"state": "ready|building|unavailable", "percent": n}}
 * </pre>
 * Ranked by relevance over each record's weighted text (summary, description, hypothesis, 5 whys, contributing factors,
 * learnings); only records in projects the user may browse; {@code project} and {@code component} boost, they do not
 * filter; {@code url} is the issue's path below Jira's base URL. Side-effect free; login required (401); JSON only. A text longer than {@value #MAX_TEXT} characters is
 * refused (400 naming {@code text}) rather than cut, so nobody wonders why the end of their text did not count.
 */
@Path("/similar")
@Produces(MediaType.APPLICATION_JSON)
public class SimilarResource {

    static final int MAX_TEXT = SimilarQuery.TEXT_MAX_LENGTH;
    static final int DEFAULT_MAX = 5;

    private final SimilarFailures similar;
    private final RecordPermissions permissions;
    private final LearningReuseStore reuses;

    @Inject
    public SimilarResource(SimilarFailures similar, RecordPermissions permissions, LearningReuseStore reuses) {
        this.similar = similar;
        this.permissions = permissions;
        this.reuses = reuses;
    }

    /**
     * A match's learning; {@code id} is what {@code POST /learnings/{learningId}/reuses} takes. {@code reused}: whether
     * the {@code reusedBy} target of the request already reused it (null when the request named none).
     */
    public record LearningJson(long id, String text, String kind, Boolean reused) {
    }

    public record MatchJson(String key, String projectKey, String summary, double score, List<String> reasons,
                            String url, List<LearningJson> learnings) {
    }

    public record Result(List<MatchJson> matches, IndexJson index) {
    }

    /**
     * {@code GET /similar/{issueKey}?max=5}: the past failures most like an existing record (its whole text as stored
     * now, itself excluded); 404 for a record the user cannot browse, like a missing one. {@code withLearnings=true}
     * gives each match its newest learnings (the retro's "Cite in this retro"); absent or {@code false}: none, as
     * before. Anything else is a 400 naming {@code withLearnings}. With learnings, {@code reusedBy=page:<id>} marks
     * each learning that page already cited ({@code reused}); anything but {@code page:} and a positive number is a 400
     * naming {@code reusedBy}.
     */
    @GET
    @Path("/{issueKey}")
    public Result forRecord(@PathParam("issueKey") String issueKey, @QueryParam("max") String max,
                            @QueryParam("withLearnings") String withLearnings,
                            @QueryParam("reusedBy") String reusedBy) {
        Access.requireLogin(permissions.currentUserKey());
        int limit = DEFAULT_MAX;
        if (max != null && !max.isBlank()) {
            try {
                limit = Integer.parseInt(max.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > SimilarQuery.MAX_RESULTS) {
                throw RequestProblem.invalid(List.of(FieldError.of("max", "invalid",
                        "failforward.failuredb.error.param.integer", "max", "1",
                        String.valueOf(SimilarQuery.MAX_RESULTS), max)));
            }
        }
        String target = null;
        if (reusedBy != null && !reusedBy.isBlank()) {
            target = reusedBy.strip();
            if (!target.matches("page:[1-9][0-9]{0,17}")) {
                throw RequestProblem.invalid(List.of(RecordSearchParameters.unknown("reusedBy", reusedBy,
                        "page:<page id>")));
            }
        }
        SimilarFailures.Result result = similar.forRecord(issueKey, limit, withLearningsParameter(withLearnings));
        if (target == null) {
            return json(result);
        }
        List<Long> ids = result.matches().stream().flatMap(m -> m.learnings().stream()).map(l -> l.id()).toList();
        Set<Long> reused = ids.isEmpty() ? Set.of() : reuses.reusedBy(ids, target);
        return json(result, reused);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Result find(String body) {
        Access.requireLogin(permissions.currentUserKey());
        JsonRequest json = JsonRequest.parse(body);
        String text = json.requiredString("text", MAX_TEXT);
        String project = json.optionalString("project", 255).map(p -> p.strip().toUpperCase(Locale.ROOT))
                .orElse(null);
        if (project != null && !FailureRecord.isProjectKey(project)) {
            throw RequestProblem.invalid(List.of(RecordSearchParameters.unknown("project", project, "a project key")));
        }
        RecordKind kind = json.optionalString("kind", 40).map(SimilarResource::kind).orElse(null);
        String exclude = json.optionalString("exclude", 255).map(k -> k.strip().toUpperCase(Locale.ROOT)).orElse(null);
        if (exclude != null && !exclude.matches("[A-Z][A-Z0-9_]*-[1-9][0-9]{0,17}")) {
            throw RequestProblem.invalid(List.of(RecordSearchParameters.unknown("exclude", exclude, "an issue key")));
        }
        String component = json.optionalString("component", 255).map(String::strip).filter(c -> !c.isEmpty())
                .orElse(null);
        int max = json.optionalInteger("max", 1, SimilarQuery.MAX_RESULTS).orElse(DEFAULT_MAX);
        boolean withLearnings = withLearnings(json);
        return json(similar.find(new SimilarFailures.Request(text, project, kind, exclude, component, max,
                withLearnings)));
    }

    private static Result json(SimilarFailures.Result result) {
        return json(result, null);
    }

    /** {@code reused}: the learnings the request's target reused, or null when it named none. */
    private static Result json(SimilarFailures.Result result, Set<Long> reused) {
        return new Result(result.matches().stream().map(m -> new MatchJson(m.match().issueKey(),
                m.match().projectKey(), m.match().summary(), Math.round(m.match().score() * 1000) / 1000.0,
                m.match().reasons(), "/browse/" + m.match().issueKey(),
                m.learnings().stream().map(l -> new LearningJson(l.id(), l.text(),
                        l.kind().name().toLowerCase(Locale.ROOT),
                        reused == null ? null : reused.contains(l.id()))).toList())).toList(),
                IndexJson.of(result.index()));
    }

    private static RecordKind kind(String value) {
        try {
            return RecordKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RequestProblem.invalid(List.of(RecordSearchParameters.unknown("kind", value,
                    "INCIDENT, EXPERIMENT")));
        }
    }

    /** The query parameter {@code withLearnings}: absent or blank is false; only {@code true}/{@code false}. */
    static boolean withLearningsParameter(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw RequestProblem.invalid(List.of(FieldError.of("withLearnings", "invalid",
                    "failforward.similar.error.boolean", "withLearnings")));
        }
        return v.equals("true");
    }

    private static boolean withLearnings(JsonRequest json) {
        var value = json.field("withLearnings");
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw RequestProblem.invalid(List.of(FieldError.of("withLearnings", "invalid",
                    "failforward.similar.error.boolean", "withLearnings")));
        }
        return value.booleanValue();
    }

    /** The search index's state on the node that answered: {@code ready}, {@code building} (with percent) or not. */
    public record IndexJson(String state, int percent) {

        public static IndexJson of(IndexStatus status) {
            return switch (status.state()) {
                case READY -> new IndexJson("ready", 100);
                case BUILDING -> new IndexJson("building", status.percent());
                default -> new IndexJson("unavailable", 0);
            };
        }
    }
}
