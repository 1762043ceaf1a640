package dev.failforward.jira.rest;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.award.Award;
import dev.failforward.core.award.AwardPeriod;
import dev.failforward.core.award.AwardPhase;
import dev.failforward.core.award.AwardScope;
import dev.failforward.core.award.AwardTally;
import dev.failforward.core.award.Nomination;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.jira.award.AwardLabels;
import dev.failforward.jira.award.AwardService;
import dev.failforward.jira.kpi.KpiUserContext;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.users.SalUserDirectory;
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
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The most valuable failure award for the current user ({@link AwardService} has the rules and the secret ballot):
 * <pre>
 *   GET  /awards?scope=instance             the scope's current awards: phase, dates, nominees, whether I voted,
 *                                           results (counts, winner) once voting has closed; and the scopes I take part in
 *   POST /awards/nominations                {"scope":"instance","record":"OPS-1","reason":"…"}: 201
 *   POST /awards/{award}/votes              {"record":"OPS-1"}: 201; 409 "You already voted in this award."
 *   GET  /awards/history?scope=instance     the closed awards, newest first, with winner and nominees
 *   GET  /awards/badges?record=OPS-1&amp;record=OPS-2   winner / nominee badges of up to 200 records, one look-up
 * </pre>
 * Anonymous: 401. A record that is missing or hidden from the user: 404, the same answer. Bad input: 400 naming the
 * field; the award's state refusing it (already voted or nominated, window closed or not open): 409. Mutations are
 * JSON-only (XSRF-safe under REST v2, see {@link FailureRecordsResource}). Administration: {@link AwardAdminResource}.
 */
@Path("/awards")
@Produces(MediaType.APPLICATION_JSON)
public class AwardsResource {

    /** The most record keys one badge look-up takes (a page of the archive has at most 100 learnings). */
    static final int MAX_BADGE_RECORDS = 200;

    public record ScopeJson(String key, String name, List<String> projects) {
    }

    public record CurrentJson(ScopeJson scope, List<ScopeJson> scopes, String now, List<AwardJson> awards) {
    }

    public record HistoryJson(ScopeJson scope, List<AwardJson> awards) {
    }

    /**
     * One award. {@code nextChange}: when its phase changes next (nominations close, voting closes; null once closed)
     * and {@code secondsLeft} until then, for a countdown. {@code results}: null until voting has closed.
     */
    public record AwardJson(String id, String label, ScopeJson scope, String phase, String nominationsOpen,
                            String votingOpens, String votingCloses, String zone, String nextChange, Long secondsLeft,
                            boolean voted, List<NomineeJson> nominees, ResultsJson results) {
    }

    /** A nominee; {@code votes} and {@code winner} only once voting has closed (null before). */
    public record NomineeJson(String record, String summary, String kind, PersonJson nominator, String reason,
                              String nominatedAt, Long votes, Boolean winner) {
    }

    public record PersonJson(String key, String name) {
    }

    public record ResultsJson(long totalVotes, long voters, String winner, boolean tieBroken) {
    }

    public record NominationJson(String award, NomineeJson nominee) {
    }

    public record VoteJson(String award, String record, boolean voted) {
    }

    /** A record's badge: {@code text} "Most valuable failure · Q3 2026" (winner) or "Nominated · Q4 2026". */
    public record BadgeJson(String award, String label, String scope, String kind, String text) {
    }

    public record BadgesJson(Map<String, List<BadgeJson>> badges) {
    }

    private final AwardService awards;
    private final RecordPermissions permissions;
    private final SalUserDirectory users;
    private final KpiUserContext user;
    private final I18nResolver i18n;

    @Inject
    public AwardsResource(AwardService awards, RecordPermissions permissions, SalUserDirectory users,
                          KpiUserContext user, @ComponentImport I18nResolver i18n) {
        this.awards = awards;
        this.permissions = permissions;
        this.users = users;
        this.user = user;
        this.i18n = i18n;
    }

    @GET
    public CurrentJson current(@QueryParam("scope") String scope) {
        Access.requireLogin(permissions.currentUserKey());
        AwardScope chosen = awards.scope(scope);
        List<AwardJson> current = new ArrayList<>();
        for (AwardService.Current award : awards.current(chosen)) {
            current.add(json(award.award(), award.phase(), award.voted(), award.nominees(), award.stored()));
        }
        return new CurrentJson(scope(chosen), awards.scopes().stream().map(AwardsResource::scope).toList(),
                awards.now().toString(), current);
    }

    @POST
    @Path("/nominations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response nominate(String body) {
        Access.requireLogin(permissions.currentUserKey());
        JsonRequest request = JsonRequest.parse(body);
        AwardScope scope = awards.scope(request.optionalString("scope", 32).orElse(null));
        String record = request.requiredString("record", 255);
        String reason = request.optionalString("reason", 10_000).orElse("");
        Nomination nomination = awards.nominate(scope, record, reason);
        Award award = awards.nominating(scope);
        return Response.status(Response.Status.CREATED)
                .entity(new NominationJson(award.id(), nominee(nomination, null, null))).build();
    }

    @POST
    @Path("/{award}/votes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response vote(@PathParam("award") String awardId, String body) {
        Access.requireLogin(permissions.currentUserKey());
        JsonRequest request = JsonRequest.parse(body);
        String record = request.requiredString("record", 255);
        Award award = awards.visibleAward(awardId);
        awards.vote(award.id(), record);
        return Response.status(Response.Status.CREATED).entity(new VoteJson(award.id(), record.strip(), true)).build();
    }

    @GET
    @Path("/history")
    public HistoryJson history(@QueryParam("scope") String scope) {
        Access.requireLogin(permissions.currentUserKey());
        AwardScope chosen = awards.scope(scope);
        List<AwardJson> past = new ArrayList<>();
        for (Award award : awards.history(chosen)) {
            past.add(json(award, AwardPhase.CLOSED, false, List.of(), true));
        }
        return new HistoryJson(scope(chosen), past);
    }

    @GET
    @Path("/badges")
    public BadgesJson badges(@QueryParam("record") List<String> records) {
        Access.requireLogin(permissions.currentUserKey());
        List<String> keys = records == null ? List.of() : records.stream().filter(k -> k != null && !k.isBlank())
                .map(String::strip).distinct().toList();
        if (keys.isEmpty()) {
            throw JsonRequest.required("record");
        }
        if (keys.size() > MAX_BADGE_RECORDS) {
            throw RequestProblem.invalid("record", "too-many", "failforward.award.error.badges.tooMany",
                    MAX_BADGE_RECORDS);
        }
        for (String key : keys) {
            if (!FailureRecord.isIssueKey(key)) {
                throw RequestProblem.invalid("record", "invalid", "failforward.award.record.invalid", key);
            }
        }
        return new BadgesJson(badges(awards.badges(keys)));
    }

    // ------------------------------------------------------------------------------------------------------ mapping

    private Map<String, List<BadgeJson>> badges(Map<String, List<AwardService.Badge>> badges) {
        Map<String, List<BadgeJson>> json = new LinkedHashMap<>();
        badges.forEach((record, list) -> json.put(record, badgeJson(list, user.locale(), i18n)));
        return json;
    }

    /** A record's badges as JSON (also in the learnings archive): kind {@code winner} or {@code nominee}. */
    static List<BadgeJson> badgeJson(List<AwardService.Badge> badges, Locale locale, I18nResolver i18n) {
        return badges.stream().map(b -> {
            String label = AwardLabels.label(b.award().period(), locale, i18n);
            return new BadgeJson(b.award().id(), label, b.award().scope().name(), b.winner() ? "winner" : "nominee",
                    AwardLabels.badge(b.winner(), label, i18n));
        }).toList();
    }

    private AwardJson json(Award award, AwardPhase phase, boolean voted, List<Nomination> open, boolean stored) {
        AwardPeriod period = award.period();
        ResultsJson results = null;
        List<NomineeJson> nominees = new ArrayList<>();
        if (phase.resultsVisible()) {
            Optional<AwardTally> tally = stored ? awards.results(award.id()) : Optional.empty();
            if (tally.isPresent()) {
                String winner = tally.get().winner().map(w -> w.nomination().recordKey()).orElse(null);
                for (AwardTally.Standing standing : tally.get().ranked()) {
                    nominees.add(nominee(standing.nomination(), standing.votes(),
                            standing.nomination().recordKey().equals(winner)));
                }
                results = new ResultsJson(tally.get().totalVotes(), awards.voters(award.id()), winner,
                        tally.get().tieBroken());
            }
        } else {
            for (Nomination nomination : open) {
                nominees.add(nominee(nomination, null, null));
            }
        }
        Instant next = switch (phase) {
            case UPCOMING -> period.nominationsOpen();
            case NOMINATING -> period.votingOpens();
            case VOTING -> period.votingCloses();
            case CLOSED -> null;
        };
        Long secondsLeft = next == null ? null : Math.max(0, ChronoUnit.SECONDS.between(awards.now(), next));
        return new AwardJson(award.id(), AwardLabels.label(period, user.locale(), i18n), scope(award.scope()),
                phase.name().toLowerCase(Locale.ROOT), period.nominationsOpen().toString(),
                period.votingOpens().toString(), period.votingCloses().toString(), period.zone().getId(),
                next == null ? null : next.toString(), secondsLeft, voted, nominees, results);
    }

    private NomineeJson nominee(Nomination nomination, Long votes, Boolean winner) {
        Optional<FailureRecord> record = awards.record(nomination.recordKey());
        return new NomineeJson(nomination.recordKey(), record.map(FailureRecord::summary).orElse(null),
                record.map(r -> r.kind().name().toLowerCase(Locale.ROOT)).orElse(null),
                new PersonJson(nomination.nominator(), users.displayName(nomination.nominator())),
                nomination.reason(), nomination.nominatedAt().toString(), votes, winner);
    }

    static ScopeJson scope(AwardScope scope) {
        return new ScopeJson(scope.key(), scope.name(), List.copyOf(scope.projectKeys()));
    }
}
