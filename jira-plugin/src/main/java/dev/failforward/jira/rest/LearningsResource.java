package dev.failforward.jira.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.jira.archive.ArchivedLearning;
import dev.failforward.jira.archive.LearningArchivePage;
import dev.failforward.jira.archive.LearningArchiveService;
import dev.failforward.jira.award.AwardService;
import dev.failforward.jira.kpi.KpiUserContext;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.search.node.SearchRouting;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The learnings archive: {@code GET /rest/failforward/1.0/learnings} searches the learnings of every record the user
 * may browse, newest first, with facet counts over all matches (see {@link LearningSearchParameters} for the
 * parameters, {@code AoLearningArchive} for the queries). Anonymous requests get 401; projects the user cannot browse
 * are dropped silently, exactly like {@code GET /records}.
 */
@Path("/learnings")
@Produces(MediaType.APPLICATION_JSON)
public class LearningsResource {

    private final LearningArchiveService service;
    private final RecordPermissions permissions;
    private final SearchRouting searchIndex;
    private final AwardService awards;
    private final KpiUserContext user;
    private final I18nResolver i18n;

    @Inject
    public LearningsResource(LearningArchiveService service, RecordPermissions permissions,
                             SearchRouting searchIndex, AwardService awards, KpiUserContext user,
                             @ComponentImport I18nResolver i18n) {
        this.service = service;
        this.permissions = permissions;
        this.searchIndex = searchIndex;
        this.awards = awards;
        this.user = user;
        this.i18n = i18n;
    }

    @GET
    public Page search(@QueryParam("project") List<String> project, @QueryParam("recordKind") String recordKind,
                       @QueryParam("learningKind") String learningKind,
                       @QueryParam("failureType") String failureType, @QueryParam("category") String category,
                       @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("text") String text,
                       @QueryParam("startAt") String startAt, @QueryParam("maxResults") String maxResults) {
        Access.requireLogin(permissions.currentUserKey());
        LearningSearchParameters parameters = LearningSearchParameters.parse(project, recordKind, learningKind,
                failureType, category, from, to, text, startAt, maxResults);
        FailureRecordJson.IndexJson index = FailureRecordJson.IndexJson.of(searchIndex.status());
        LearningArchivePage found = service.search(parameters.projects(), parameters.query());
        // the award badges of the page's records: one look-up for the page, not one per learning
        Map<String, List<AwardService.Badge>> badges = found.items().isEmpty() ? Map.of()
                : awards.badges(found.items().stream().map(l -> l.record().issueKey()).distinct().toList());
        return page(found, index, record -> AwardsResource.badgeJson(badges.getOrDefault(record, List.of()),
                user.locale(), i18n));
    }

    /** The response of {@code GET /learnings}. */
    /** {@code index}: this node's search index, which answers when {@code ready} (else the database does). */
    public record Page(int startAt, int maxResults, int total, List<Item> items, Facets facets,
                       FailureRecordJson.IndexJson index) {
    }

    /**
     * {@code retroPage}: where the learning was captured, else the record's retro page; {@code null} when none.
     * {@code highlight}: with a free-text search answered by the index, the whole text in segments, the matching ones
     * with {@code match: true} (plain text: escape each when rendering); {@code null} otherwise.
     */
    public record Item(long id, String text, String kind, String createdAt, RecordJson record,
                       FailureRecordJson.PageJson retroPage, List<Segment> highlight) {
    }

    public record Segment(String text, boolean match) {
    }

    /** {@code awards}: the record's most-valuable-failure badges (winner first), empty when it has none. */
    public record RecordJson(String issueKey, String projectKey, String summary, String kind, String status,
                             String failureType, String category, List<AwardsResource.BadgeJson> awards) {
    }

    public record Facets(Map<String, Integer> project, Map<String, Integer> recordKind,
                         Map<String, Integer> learningKind, Map<String, Integer> failureType,
                         Map<String, Integer> category, Map<String, Integer> period) {
    }

    static Page page(LearningArchivePage page, FailureRecordJson.IndexJson index,
                     Function<String, List<AwardsResource.BadgeJson>> badges) {
        LearningArchivePage.Facets f = page.facets();
        return new Page(page.page().offset(), page.page().limit(), page.total(),
                page.items().stream().map(l -> item(l, badges)).toList(),
                new Facets(f.project(), f.recordKind(), f.learningKind(), f.failureType(), f.category(), f.period()),
                index);
    }

    private static Item item(ArchivedLearning l, Function<String, List<AwardsResource.BadgeJson>> badges) {
        ArchivedLearning.RecordSummary r = l.record();
        return new Item(l.id(), l.text(), FailureRecordJson.name(l.kind()), FailureRecordJson.instant(l.createdAt()),
                new RecordJson(r.issueKey(), r.projectKey(), r.summary(), FailureRecordJson.name(r.kind()), r.status(),
                        FailureRecordJson.name(r.failureType()), FailureRecordJson.name(r.category()),
                        badges.apply(r.issueKey())),
                FailureRecordJson.page(l.retroPage()),
                l.highlight() == null ? null
                        : l.highlight().stream().map(segment -> new Segment(segment.text(), segment.match())).toList());
    }
}
