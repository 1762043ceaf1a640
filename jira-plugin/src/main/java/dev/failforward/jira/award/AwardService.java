package dev.failforward.jira.award;

import dev.failforward.core.award.Award;
import dev.failforward.core.award.AwardPhase;
import dev.failforward.core.award.AwardProblem;
import dev.failforward.core.award.AwardRules;
import dev.failforward.core.award.AwardScope;
import dev.failforward.core.award.AwardTally;
import dev.failforward.core.award.BallotGuard;
import dev.failforward.core.award.Nomination;
import dev.failforward.core.privacy.SealedBox;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.persistence.AoAwards;
import dev.failforward.jira.secrets.SecretStore;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The most valuable failure award, for the current user: nominate a record of the open award, vote in the award whose
 * voting is open, read nominees and (once voting has closed) results and the history. Every record the user names or
 * sees is checked against {@link RecordPermissions}: a record the user may not browse — or that is not in the failure
 * database — is answered with {@link FailureDbException.NotFound}, the same answer for both, so nobody can nominate,
 * vote for or learn about a record they cannot browse.
 *
 * <p><b>Secret ballot.</b> A vote stores the guard {@link BallotGuard} = HMAC(the award's guard key, award id + ":" +
 * user key) and the choice sealed under the award's pool key, in one transaction ({@link AoAwards#vote}); counts stay
 * 0 until voting has closed, when the first read of the results folds the whole pool into them at once
 * ({@link AoAwards#fold}). Both keys are 32 random bytes per award in the {@link SecretStore} (the shared home on
 * Jira 11), never in the database. Once voting has closed plus {@link #SWEEP_GRACE} (for votes still in flight) a
 * results read destroys the guard key, deletes the guards and, the pool being empty, destroys the pool key: from then
 * on not even "has X voted?" can be answered. Design note: {@code docs/awards-design.md}.
 */
@Named
public class AwardService {

    /** How long after voting closes the guard key and the guards are kept, for votes accepted just before. */
    static final Duration SWEEP_GRACE = Duration.ofHours(1);
    static final String KEY_PREFIX = "award-guard-";
    static final String POOL_KEY_PREFIX = "award-pool-";

    private final AoAwards store;
    private final RecordPermissions permissions;
    private final FailureRecordRepository records;
    private final AwardSettings settings;
    private final SecretStore secrets;
    private final Clock clock;

    @Inject
    public AwardService(AoAwards store, RecordPermissions permissions, FailureRecordRepository records,
                        AwardSettings settings, SecretStore secrets) {
        this(store, permissions, records, settings, secrets, Clock.systemUTC());
    }

    public AwardService(AoAwards store, RecordPermissions permissions, FailureRecordRepository records,
                        AwardSettings settings, SecretStore secrets, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.records = Objects.requireNonNull(records, "records");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The scope's award whose nominations are open now: a stored one whose window holds the present (so a change of
     * the period setting takes effect once the running award's nominations end), else the current schedule's period,
     * created on first use.
     */
    public Award nominating(AwardScope scope) {
        Instant now = clock.instant();
        for (Award stored : store.history(scope.key())) {
            if (stored.period().phaseAt(now) == AwardPhase.NOMINATING) {
                return stored;
            }
        }
        return store.ensure(new Award(scope, settings.schedule().periodAt(now)));
    }

    /** The scope's award whose voting is open now, if there is one (an award nobody nominated for was never made). */
    public Optional<Award> voting(AwardScope scope) {
        Instant now = clock.instant();
        return store.history(scope.key()).stream().filter(a -> a.period().phaseAt(now) == AwardPhase.VOTING)
                .findFirst();
    }

    public AwardPhase phase(Award award) {
        return award.period().phaseAt(clock.instant());
    }

    /** Nominates a record the current user may browse for the scope's open award. */
    public Nomination nominate(AwardScope scope, String recordKey, String reason) {
        String user = user();
        if (recordKey == null || recordKey.isBlank()) {
            throw AwardProblem.RECORD_REQUIRED.exception();
        }
        FailureRecord record = visibleRecord(recordKey);
        Award award = nominating(scope);
        Nomination nomination = AwardRules.nominate(award, clock.instant(), record.issueKey(), user, reason,
                store.nominatedRecords(award.id()));
        store.nominate(award.id(), nomination);
        return nomination;
    }

    /**
     * The current user's vote for a nominee they may browse. Refused with {@code VOTE_ALREADY_CAST} when they voted
     * in this award already (also on another node at the same moment), and while voting is not open.
     */
    public void vote(String awardId, String recordKey) {
        String user = user();
        Award award = award(awardId);
        if (recordKey == null || recordKey.isBlank()) {
            throw AwardProblem.RECORD_REQUIRED.exception();
        }
        FailureRecord record = visibleRecord(recordKey);
        AwardRules.checkVote(award, clock.instant(), record.issueKey(), store.nominatedRecords(award.id()));
        String guard = BallotGuard.of(secrets.getOrCreate(keyName(award), BallotGuard.MIN_KEY_BYTES), award.id(),
                user);
        store.vote(award.id(), guard, record.issueKey(),
                new SealedBox(secrets.getOrCreate(poolKeyName(award), SealedBox.MIN_SECRET_BYTES)));
    }

    /** Whether the current user voted in the award; known only while its guard key exists. */
    public boolean hasVoted(String awardId) {
        String user = user();
        Award award = award(awardId);
        return secrets.get(keyName(award)).filter(key -> key.length >= BallotGuard.MIN_KEY_BYTES)
                .map(key -> store.hasVoted(BallotGuard.of(key, award.id(), user))).orElse(false);
    }

    /** The award's nominations the current user may browse, earliest first (nominations are public; counts are not). */
    public List<Nomination> nominations(String awardId) {
        Award award = award(awardId);
        return store.nominations(award.id()).stream().filter(n -> browsable(n.recordKey())).toList();
    }

    /**
     * The results, once voting has closed: every nominee the user may browse with its votes, and the winner if the
     * user may browse it. Empty before. The first read after the close (and its grace) destroys the guard key.
     */
    public Optional<AwardTally> results(String awardId) {
        Award award = award(awardId);
        if (!phase(award).resultsVisible()) {
            return Optional.empty();
        }
        store.fold(award.id(), () -> secrets.get(poolKeyName(award))
                .filter(key -> key.length >= SealedBox.MIN_SECRET_BYTES).map(SealedBox::new));
        sweep(award);
        AwardTally all = AwardTally.of(store.standings(award.id()));
        List<AwardTally.Standing> visible = new ArrayList<>();
        for (AwardTally.Standing standing : all.ranked()) {
            if (browsable(standing.nomination().recordKey())) {
                visible.add(standing);
            }
        }
        Optional<AwardTally.Standing> winner = all.winner().filter(visible::contains);
        return Optional.of(new AwardTally(visible, winner, visible.stream().mapToLong(AwardTally.Standing::votes)
                .sum(), winner.isPresent() && all.tieBroken()));
    }

    /** The scope's closed awards, newest first. */
    public List<Award> history(AwardScope scope) {
        return store.history(scope.key()).stream().filter(a -> phase(a) == AwardPhase.CLOSED).toList();
    }

    // ------------------------------------------------------------------------------------------------ for the REST API

    /** An award as the current user sees it now: its phase, its nominees they may browse, and whether they voted. */
    public record Current(Award award, AwardPhase phase, boolean stored, List<Nomination> nominees, boolean voted) {
    }

    /** A record's badge: nominee of an award, or its winner (known once voting has closed). */
    public record Badge(Award award, boolean winner) {
    }

    /** Whether someone is logged in (the award is for logged-in users only). */
    public boolean signedIn() {
        return permissions.currentUserKey().isPresent();
    }

    /** The award's clock: phases, countdowns and "today" are read from it. */
    public Instant now() {
        return clock.instant();
    }

    /** The scopes the current user takes part in: the instance, and each group with a project they may browse. */
    public List<AwardScope> scopes() {
        Set<String> browsable = permissions.browsableProjectKeys();
        return settings.scopes().stream().filter(s -> s.isInstance()
                || s.projectKeys().stream().anyMatch(browsable::contains)).toList();
    }

    /** A scope of {@link #scopes()}; a group the user takes no part in looks missing, as an unknown key does. */
    public AwardScope scope(String key) {
        String wanted = key == null || key.isBlank() ? AwardScope.INSTANCE_KEY : key.strip();
        return scopes().stream().filter(s -> s.key().equals(wanted)).findFirst()
                .orElseThrow(() -> new FailureDbException.NotFound("failforward.award.error.scope.notfound", wanted));
    }

    /**
     * The scope's awards that matter now, newest period first: the one taking nominations (as the schedule cuts it,
     * not stored until someone nominates), the one in voting if any, and the last closed one (its results). Reading
     * stores nothing.
     */
    public List<Current> current(AwardScope scope) {
        Instant now = clock.instant();
        List<Current> current = new ArrayList<>();
        boolean nominating = false;
        boolean closed = false;
        for (Award stored : store.history(scope.key())) {
            AwardPhase phase = stored.period().phaseAt(now);
            if (phase == AwardPhase.UPCOMING || (phase == AwardPhase.CLOSED && closed)) {
                continue;
            }
            nominating |= phase == AwardPhase.NOMINATING;
            closed |= phase == AwardPhase.CLOSED;
            current.add(new Current(stored, phase, true, nominations(stored.id()),
                    phase == AwardPhase.VOTING && hasVoted(stored.id())));
        }
        if (!nominating) {
            Award next = new Award(scope, settings.schedule().periodAt(now));
            if (store.find(next.id()).isEmpty()) {
                current.add(new Current(next, next.period().phaseAt(now), false, List.of(), false));
            }
        }
        current.sort(Comparator.comparing((Current c) -> c.award().period().start()).reversed());
        return current;
    }

    /** A stored award, if the current user takes part in its scope; else the answer of a missing one. */
    public Award visibleAward(String awardId) {
        Award award = award(awardId);
        scope(award.scope().key());
        return award;
    }

    /** The record, if the current user may browse it (for a nominee's summary). */
    public Optional<FailureRecord> record(String recordKey) {
        return records.findByIssueKey(recordKey).filter(r -> permissions.canBrowse(r.projectKey()));
    }

    /** How many ballots were counted in the award (0 before the close). */
    public long voters(String awardId) {
        return store.countedVoters(award(awardId).id()).orElse(0L);
    }

    /**
     * The badges of the records among {@code recordKeys} the current user may browse: one look-up for the whole list
     * ({@link AoAwards#awardsOf}), then one tally per award concerned (awards are few). A closed award's winner gets
     * the winner's badge; every other nominee (and every nominee of an award not yet closed) the nominee's.
     */
    public Map<String, List<Badge>> badges(Collection<String> recordKeys) {
        Map<String, List<String>> nominated = store.awardsOf(recordKeys);
        Map<String, Optional<Award>> awards = new HashMap<>();
        Map<String, Optional<String>> winners = new HashMap<>();
        Map<String, List<Badge>> badges = new TreeMap<>();
        for (Map.Entry<String, List<String>> entry : nominated.entrySet()) {
            if (!browsable(entry.getKey())) {
                continue;
            }
            for (String awardId : entry.getValue()) {
                Optional<Award> award = awards.computeIfAbsent(awardId, store::find);
                if (award.isEmpty() || phase(award.get()) == AwardPhase.UPCOMING) {
                    continue;
                }
                Optional<String> winner = winners.computeIfAbsent(awardId, id -> results(id)
                        .flatMap(AwardTally::winner).map(w -> w.nomination().recordKey()));
                badges.computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                        .add(new Badge(award.get(), winner.filter(entry.getKey()::equals).isPresent()));
            }
        }
        badges.values().forEach(list -> list.sort(Comparator.comparing(Badge::winner).reversed()
                .thenComparing(b -> b.award().period().start(), Comparator.reverseOrder())));
        return badges;
    }

    /**
     * An administrator's shortcut through the award's phases, for a demo or an award that should end early, on any day
     * of its period ({@link AwardRules#advance}): an award taking nominations ends them now and opens its voting now
     * (voting keeps its length); an award in voting closes now, so its results come out — and its guard key stays for
     * the {@link #SWEEP_GRACE} after that close, as after a scheduled one. Refused with an {@code AwardException}
     * ({@code PERIOD_ADVANCE_NOT_OPEN}, {@code PERIOD_ADVANCE_CLOSED}) that says why when the award is neither. The
     * caller checks that the user is an administrator.
     */
    public Award advance(String awardId) {
        Award award = award(awardId);
        return store.reschedule(award.id(), AwardRules.advance(award, clock.instant()))
                .orElseThrow(() -> new FailureDbException.NotFound("failforward.award.error.notfound", awardId));
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    /**
     * Once voting closed more than the grace ago: destroys the award's guard key, deletes its guards, and destroys the
     * pool key once no ballot waits (the fold just before emptied the pool).
     */
    private void sweep(Award award) {
        Instant closedFor = award.period().votingCloses().plus(SWEEP_GRACE);
        if (clock.instant().isBefore(closedFor)) {
            return;
        }
        if (secrets.get(keyName(award)).isPresent()) {
            secrets.delete(keyName(award));
        }
        if (store.voters(award.id()) > 0) {
            store.deleteGuards(award.id());
        }
        if (store.waiting(award.id()) == 0 && secrets.get(poolKeyName(award)).isPresent()) {
            secrets.delete(poolKeyName(award));
        }
    }

    static String keyName(Award award) {
        // "instance@2026-10-01" -> "award-guard-instance.2026-10-01": scope keys are [a-z0-9-], the date digits
        return KEY_PREFIX + award.id().replace('@', '.');
    }

    static String poolKeyName(Award award) {
        return POOL_KEY_PREFIX + award.id().replace('@', '.');
    }

    private Award award(String awardId) {
        return Optional.ofNullable(awardId).flatMap(store::find)
                .orElseThrow(() -> new FailureDbException.NotFound("failforward.award.error.notfound",
                        String.valueOf(awardId)));
    }

    private FailureRecord visibleRecord(String recordKey) {
        String key = recordKey.strip();
        return (FailureRecord.isIssueKey(key) ? records.findByIssueKey(key) : Optional.<FailureRecord>empty())
                .filter(record -> permissions.canBrowse(record.projectKey()))
                .orElseThrow(() -> new FailureDbException.NotFound("failforward.failuredb.error.record.notfound",
                        recordKey));
    }

    private boolean browsable(String recordKey) {
        return records.findByIssueKey(recordKey).filter(r -> permissions.canBrowse(r.projectKey())).isPresent();
    }

    private String user() {
        return permissions.currentUserKey().orElseThrow(() -> new IllegalStateException("not logged in"));
    }
}
