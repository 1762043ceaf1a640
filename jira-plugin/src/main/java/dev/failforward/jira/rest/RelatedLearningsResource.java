package dev.failforward.jira.rest;

import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.reuse.RelatedLearnings;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * {@code GET /learnings/related/{issueKey}}: the learnings of the past failures most like this experiment or incident
 * (the similar-failure search; only records the user may browse), each with its record and whether it was applied
 * here already; {@code canApply} when the user may apply them ({@code POST /learnings/{id}/reuses} with this
 * {@code kind} and the issue key as target). 404 for a record the user cannot browse, like a missing one; 401
 * anonymous. Side-effect free.
 */
@Path("/learnings/related/{issueKey}")
@Produces(MediaType.APPLICATION_JSON)
public class RelatedLearningsResource {

    private final RelatedLearnings related;
    private final RecordPermissions permissions;

    @Inject
    public RelatedLearningsResource(RelatedLearnings related, RecordPermissions permissions) {
        this.related = related;
        this.permissions = permissions;
    }

    public record ItemJson(long learningId, String text, String kind, String createdAt,
                           ResurfacingJson.RecordJson record, boolean applied) {
    }

    public record RelatedJson(String issueKey, String kind, boolean canApply, List<ItemJson> items,
                              SimilarResource.IndexJson index) {
    }

    @GET
    public RelatedJson related(@PathParam("issueKey") String issueKey) {
        Access.requireLogin(permissions.currentUserKey());
        RelatedLearnings.Result result = related.forRecord(issueKey);
        return new RelatedJson(result.issueKey(), result.kind(), result.canApply(), result.items().stream()
                .map(i -> new ItemJson(i.learning().id(), i.learning().text(),
                        FailureRecordJson.name(i.learning().kind()), FailureRecordJson.instant(i.learning().createdAt()),
                        new ResurfacingJson.RecordJson(i.recordKey(), i.recordKey().substring(0,
                                i.recordKey().lastIndexOf('-')), i.recordSummary(), null, "/browse/" + i.recordKey()),
                        i.applied())).toList(),
                SimilarResource.IndexJson.of(result.index()));
    }
}
