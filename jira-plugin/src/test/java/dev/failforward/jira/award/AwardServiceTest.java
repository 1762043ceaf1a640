package dev.failforward.jira.award;

import dev.failforward.core.award.Award;
import dev.failforward.core.award.AwardException;
import dev.failforward.core.award.AwardPhase;
import dev.failforward.core.award.AwardProblem;
import dev.failforward.core.award.AwardSchedule;
import dev.failforward.core.award.AwardScope;
import dev.failforward.core.award.AwardTally;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.host.settings.InMemoryPluginSettings;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.persistence.AoAwards;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.jira.persistence.FailureDbSchema;
import dev.failforward.jira.secrets.FileSecretStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The award service on a real database (HSQLDB, and PostgreSQL in the {@code postgres} execution) with its keys in a
 * secret directory: only records the user may browse can be nominated, voted for or seen; one vote per person; no
 * count moves before the close, the results after it; the keys and the guards gone an hour later.
 */
class AwardServiceTest {

    private static final Instant NOVEMBER = Instant.parse("2026-11-10T09:00:00Z");
    private static final Instant JANUARY = Instant.parse("2027-01-05T09:00:00Z");
    private static final Instant AFTER_VOTING = Instant.parse("2027-01-15T02:00:00Z");
    /** Who may browse which projects: ana and ben see OPS and CARE, cleo only CARE, sec sees SEC too. */
    private static final Map<String, Set<String>> BROWSE = Map.of("ana", Set.of("OPS", "CARE"),
            "ben", Set.of("OPS", "CARE"), "cleo", Set.of("CARE"), "sec", Set.of("OPS", "CARE", "SEC"));

    @TempDir
    Path home;
    private AoDatabase db;
    private final Users users = new Users();
    private final MovableClock clock = new MovableClock(NOVEMBER);
    private final InMemoryPluginSettings pluginSettings = new InMemoryPluginSettings();
    private FileSecretStore secrets;
    private AoAwards store;
    private AwardService awards;

    @BeforeEach
    void open() {
        db = TestDatabases.openAo("dev.failforward.jira");
        db.activeObjects().migrate(FailureDbSchema.entities());
        AoFailureRecordRepository records = new AoFailureRecordRepository(db.activeObjects());
        long id = 1;
        for (String key : List.of("OPS-1", "OPS-2", "CARE-3", "SEC-4")) {
            records.upsert(FailureRecord.builder().issueId(id++).issueKey(key)
                    .projectKey(key.substring(0, key.indexOf('-'))).kind(RecordKind.INCIDENT).summary("Failure " + key)
                    .status("Reported").createdAndUpdatedAt(NOVEMBER.minusSeconds(86_400)).build());
        }
        secrets = new FileSecretStore(home.resolve("shared-home/failforward/secrets"));
        store = new AoAwards(db.activeObjects());
        awards = new AwardService(store, users, records, new AwardSettings(pluginSettings), secrets, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anyoneWhoMayBrowseARecordNominatesItWithAReason() {
        users.as("ana");
        awards.nominate(AwardScope.instance(), "OPS-1", "We learnt to restore from backups.");
        users.as("cleo");
        awards.nominate(AwardScope.instance(), "CARE-3", "The churn experiment disproved our pricing idea.");

        Award q4 = awards.nominating(AwardScope.instance());
        assertThat(q4.id()).isEqualTo("instance@2026-10-01");
        assertThat(awards.phase(q4)).isEqualTo(AwardPhase.NOMINATING);
        // nominations are public, but each user sees only those they may browse
        assertThat(awards.nominations(q4.id())).extracting(n -> n.recordKey()).containsExactly("CARE-3");
        users.as("ben");
        assertThat(awards.nominations(q4.id())).extracting(n -> n.recordKey() + " by " + n.nominator())
                .containsExactly("OPS-1 by ana", "CARE-3 by cleo");
    }

    @Test
    void aRecordTheUserMayNotBrowseCannotBeNominatedAndLooksMissing() {
        users.as("cleo");
        Throwable hidden = catchNotFound(() -> awards.nominate(AwardScope.instance(), "OPS-1", "reason"));
        Throwable missing = catchNotFound(() -> awards.nominate(AwardScope.instance(), "OPS-99", "reason"));

        assertThat(((FailureDbException) hidden).i18nKey()).isEqualTo(((FailureDbException) missing).i18nKey());
        assertThat(store.nominatedRecords(awards.nominating(AwardScope.instance()).id())).isEmpty();
        assertProblem(() -> awards.nominate(AwardScope.instance(), "CARE-3", " "), AwardProblem.REASON_REQUIRED);
        assertProblem(() -> awards.nominate(AwardScope.instance(), "", "r"), AwardProblem.RECORD_REQUIRED);
        AwardScope ops = AwardScope.group("ops", "Operations", List.of("OPS"));
        assertProblem(() -> awards.nominate(ops, "CARE-3", "r"), AwardProblem.RECORD_OUT_OF_SCOPE);
    }

    @Test
    void onePersonOneVoteOnlyWhileVotingIsOpenAndOnlyForABrowsableNominee() {
        String q4 = nominateThree();
        users.as("ben");
        assertProblem(() -> awards.vote(q4, "OPS-1"), AwardProblem.VOTE_NOT_OPEN);

        clock.set(JANUARY);
        awards.vote(q4, "OPS-1");
        assertThat(awards.hasVoted(q4)).isTrue();
        assertProblem(() -> awards.vote(q4, "CARE-3"), AwardProblem.VOTE_ALREADY_CAST);
        users.as("cleo");
        assertThat(awards.hasVoted(q4)).isFalse();
        catchNotFound(() -> awards.vote(q4, "OPS-1")); // cleo may not browse OPS
        assertThat(awards.hasVoted(q4)).isFalse();
        awards.vote(q4, "CARE-3");
        assertProblem(() -> awards.vote(q4, "CARE-3"), AwardProblem.VOTE_ALREADY_CAST);
        users.as("sec");
        assertProblem(() -> awards.vote(q4, "SEC-4"), AwardProblem.RECORD_NOT_NOMINATED);
        catchNotFound(() -> awards.vote("instance@1999-01-01", "OPS-1"));

        clock.set(AFTER_VOTING);
        assertProblem(() -> awards.vote(q4, "OPS-1"), AwardProblem.VOTE_CLOSED);
    }

    @Test
    void resultsAppearWhenVotingClosesAndThenTheGuardKeyAndGuardsAreGone() {
        String q4 = nominateThree();
        clock.set(JANUARY);
        for (String voter : List.of("ana", "ben", "sec")) {
            users.as(voter);
            awards.vote(q4, "OPS-2");
        }
        users.as("cleo");
        awards.vote(q4, "CARE-3");
        assertThat(awards.results(q4)).as("no counts while voting").isEmpty();
        assertThat(store.standings(q4)).as("no count moves while voting").allMatch(s -> s.votes() == 0);
        assertThat(store.waiting(q4)).isEqualTo(4);
        assertThat(secrets.get(AwardService.keyName(store.find(q4).orElseThrow()))).isPresent();

        clock.set(AFTER_VOTING);
        users.as("ben");
        AwardTally tally = awards.results(q4).orElseThrow();
        assertThat(tally.winner()).map(s -> s.nomination().recordKey()).contains("OPS-2");
        assertThat(tally.ranked()).extracting(s -> s.nomination().recordKey() + "=" + s.votes())
                .containsExactly("OPS-2=3", "CARE-3=1", "OPS-1=0");
        // cleo may not browse the winner: she sees her project's nominee, and no winner
        users.as("cleo");
        AwardTally hers = awards.results(q4).orElseThrow();
        assertThat(hers.ranked()).extracting(s -> s.nomination().recordKey()).containsExactly("CARE-3");
        assertThat(hers.winner()).isEmpty();
        // the close destroyed the guard key and the guards: "has X voted?" has no answer any more
        assertThat(secrets.get(AwardService.keyName(store.find(q4).orElseThrow()))).isEmpty();
        assertThat(secrets.get(AwardService.poolKeyName(store.find(q4).orElseThrow()))).isEmpty();
        assertThat(store.waiting(q4)).isZero();
        assertThat(store.voters(q4)).isZero();
        assertThat(awards.hasVoted(q4)).isFalse();
        assertThat(awards.history(AwardScope.instance())).extracting(Award::id).containsExactly(q4);
    }

    @Test
    void theKeyIsKeptDuringTheGraceAfterTheClose() {
        String q4 = nominateThree();
        clock.set(JANUARY);
        users.as("ana");
        awards.vote(q4, "OPS-1");
        clock.set(Instant.parse("2027-01-15T00:30:00Z"));

        assertThat(awards.results(q4)).hasValueSatisfying(t -> assertThat(t.winner()).isPresent());
        assertThat(secrets.get(AwardService.keyName(store.find(q4).orElseThrow()))).isPresent();
        assertThat(secrets.get(AwardService.poolKeyName(store.find(q4).orElseThrow()))).isPresent();
        assertThat(awards.hasVoted(q4)).isTrue();
    }

    @Test
    void aNewPeriodSettingStartsAfterTheRunningAwardWhichKeepsItsDates() {
        users.as("ana");
        awards.nominate(AwardScope.instance(), "OPS-1", "first");
        Award q4 = awards.nominating(AwardScope.instance());
        new AwardSettings(pluginSettings).write(new AwardSchedule(1, 7, ZoneId.of("Europe/Berlin")));

        // still November: the quarter's nominations go on, with the quarter's dates
        assertThat(awards.nominating(AwardScope.instance())).isEqualTo(q4);
        assertThat(awards.voting(AwardScope.instance())).isEmpty();
        clock.set(JANUARY);
        assertThat(awards.voting(AwardScope.instance())).contains(q4);
        Award january = awards.nominating(AwardScope.instance());
        assertThat(january.period().start()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(january.period().votingEnds()).isEqualTo(LocalDate.of(2027, 2, 8));
        assertThat(january.period().votingOpens()).isEqualTo(Instant.parse("2027-01-31T23:00:00Z"));
        // an unreadable setting falls back to quarters
        pluginSettings.put(AwardSettings.PREFIX + "months", "5");
        assertThat(new AwardSettings(pluginSettings).schedule().months()).isEqualTo(3);
    }

    // ------------------------------------------------------------------- "advance" on every day of a period

    /**
     * With the clock pinned at {@code day}: a nomination, "end nominations now", one vote (a second one refused), a
     * minute later "close voting now"; the results count the vote, the award keeps its period's name, and the guard
     * key stays for the grace hour after that close, then goes.
     */
    private void advanceThroughAPeriodOn(Instant day, String expectedAwardId) {
        clock.set(day);
        users.as("ana");
        awards.nominate(AwardScope.instance(), "OPS-1", "first");
        Award award = awards.nominating(AwardScope.instance());
        assertThat(award.id()).isEqualTo(expectedAwardId);
        assertThat(awards.phase(award)).isEqualTo(AwardPhase.NOMINATING);

        Award voting = awards.advance(award.id());
        assertThat(awards.phase(voting)).isEqualTo(AwardPhase.VOTING);
        assertThat(voting.period().votingOpens()).isEqualTo(day);
        assertThat(voting.period().start()).isEqualTo(award.period().start());
        assertThat(awards.voting(AwardScope.instance())).contains(voting);
        // nominations are over for this period: the next one takes them
        assertProblem(() -> awards.nominate(AwardScope.instance(), "OPS-2", "late"), AwardProblem.NOMINATION_CLOSED);

        clock.set(day.plusSeconds(30));
        users.as("ben");
        awards.vote(award.id(), "OPS-1");
        assertThat(awards.hasVoted(award.id())).isTrue();
        assertProblem(() -> awards.vote(award.id(), "OPS-1"), AwardProblem.VOTE_ALREADY_CAST);
        assertThat(awards.results(award.id())).as("no counts while voting").isEmpty();

        Instant close = day.plusSeconds(60);
        clock.set(close);
        users.as("ana");
        Award closed = awards.advance(award.id());
        assertThat(awards.phase(closed)).isEqualTo(AwardPhase.CLOSED);
        assertThat(closed.period().votingCloses()).isEqualTo(close);
        assertProblem(() -> awards.vote(award.id(), "OPS-1"), AwardProblem.VOTE_CLOSED);
        AwardTally tally = awards.results(award.id()).orElseThrow();
        assertThat(tally.ranked()).extracting(s -> s.nomination().recordKey() + "=" + s.votes())
                .containsExactly("OPS-1=1");
        assertThat(tally.winner()).map(s -> s.nomination().recordKey()).contains("OPS-1");
        assertThat(awards.history(AwardScope.instance())).extracting(Award::id).contains(award.id());
        // the grace after the (moved) close keeps the guard key for votes in flight, as after a scheduled close
        assertThat(secrets.get(AwardService.keyName(closed))).isPresent();
        assertProblem(() -> awards.advance(award.id()), AwardProblem.PERIOD_ADVANCE_CLOSED);
        clock.set(close.plus(AwardService.SWEEP_GRACE).plusSeconds(1));
        assertThat(awards.results(award.id())).isPresent();
        assertThat(secrets.get(AwardService.keyName(closed))).isEmpty();
        assertThat(secrets.get(AwardService.poolKeyName(closed))).isEmpty();
    }

    @Test
    void advanceEndsNominationsAndClosesVotingOnTheFirstDayOfAQuarter() {
        advanceThroughAPeriodOn(Instant.parse("2027-01-01T08:00:00Z"), "instance@2027-01-01");
    }

    @Test
    void advanceWorksAtTheFirstInstantOfAQuarter() {
        advanceThroughAPeriodOn(Instant.parse("2026-04-01T00:00:00Z"), "instance@2026-04-01");
    }

    @Test
    void advanceEndsNominationsAndClosesVotingOnTheLastDayOfAQuarter() {
        advanceThroughAPeriodOn(Instant.parse("2026-12-31T23:58:00Z"), "instance@2026-10-01");
    }

    @Test
    void advanceEndsNominationsAndClosesVotingMidPeriod() {
        advanceThroughAPeriodOn(NOVEMBER, "instance@2026-10-01");
    }

    @Test
    void advanceOnTheFirstDayOfAMonthInBerlinWithTheLastPeriodStillInVoting() {
        new AwardSettings(pluginSettings).write(new AwardSchedule(1, 7, ZoneId.of("Europe/Berlin")));
        clock.set(Instant.parse("2026-10-20T10:00:00Z"));
        users.as("ana");
        awards.nominate(AwardScope.instance(), "OPS-2", "October's");
        // 1 November, 00:30 in Berlin: October's award is in voting, November's takes nominations
        advanceThroughAPeriodOn(Instant.parse("2026-10-31T23:30:00Z"), "instance@2026-11-01");
        Award october = store.find("instance@2026-10-01").orElseThrow();
        assertThat(awards.phase(october)).as("the other award is left alone").isEqualTo(AwardPhase.VOTING);
        assertThat(october.period().votingOpensAsScheduled()).isTrue();
    }

    @Test
    void advanceRefusesAnAwardNotYetOpenAndAnUnknownOne() {
        Award next = store.ensure(new Award(AwardScope.instance(), AwardSchedule.quarterly(ZoneOffset.UTC)
                .periodAt(JANUARY)));
        users.as("ana");
        assertProblem(() -> awards.advance(next.id()), AwardProblem.PERIOD_ADVANCE_NOT_OPEN);
        assertThat(store.find(next.id())).contains(next);
        catchNotFound(() -> awards.advance("instance@1999-01-01"));
    }

    /** ana nominates OPS-1 and OPS-2, cleo CARE-3, in the Q4 2026 award; its id. */
    private String nominateThree() {
        users.as("ana");
        awards.nominate(AwardScope.instance(), "OPS-1", "first");
        awards.nominate(AwardScope.instance(), "OPS-2", "second");
        users.as("cleo");
        awards.nominate(AwardScope.instance(), "CARE-3", "third");
        return awards.nominating(AwardScope.instance()).id();
    }

    private static Throwable catchNotFound(Runnable call) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(call::run).isInstanceOfSatisfying(FailureDbException.NotFound.class, e -> thrown[0] = e);
        return thrown[0];
    }

    private static void assertProblem(Runnable call, AwardProblem expected) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwardException.class,
                e -> assertThat(e.kind()).isEqualTo(expected));
    }

    /** The logged-in user of the calling thread, and what each may browse. */
    private static final class Users implements RecordPermissions {
        private final ThreadLocal<String> user = new ThreadLocal<>();

        void as(String name) {
            user.set(name);
        }

        @Override
        public Optional<String> currentUserKey() {
            return Optional.ofNullable(user.get());
        }

        @Override
        public Set<String> browsableProjectKeys() {
            return new TreeSet<>(BROWSE.getOrDefault(user.get(), Set.of()));
        }

        @Override
        public boolean canBrowse(String projectKey) {
            return browsableProjectKeys().contains(projectKey);
        }

        @Override
        public boolean canEdit(String projectKey) {
            return canBrowse(projectKey);
        }
    }

    private static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant now) {
            this.now = new AtomicReference<>(now);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
