package dev.failforward.jira.showcase;

import dev.failforward.core.award.Award;
import dev.failforward.core.award.AwardPhase;
import dev.failforward.core.award.AwardSchedule;
import dev.failforward.core.award.AwardScope;
import dev.failforward.core.experiment.Decision;
import dev.failforward.core.experiment.Outcome;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.host.settings.InMemoryPluginSettings;
import dev.failforward.jira.award.AwardService;
import dev.failforward.jira.award.AwardSettings;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.kpi.KpiSearchLinks;
import dev.failforward.jira.kpi.KpiService;
import dev.failforward.jira.kpi.KpiUserContext;
import dev.failforward.jira.permissions.FakeRecordPermissions;
import dev.failforward.jira.persistence.AoAwards;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.jira.persistence.AoPulseStore;
import dev.failforward.jira.persistence.AoShowcaseQueries;
import dev.failforward.jira.persistence.FailureDbSchema;
import dev.failforward.jira.persistence.KpiStore;
import dev.failforward.jira.pulse.PulseService;
import dev.failforward.jira.pulse.PulseSettings;
import dev.failforward.jira.secrets.FileSecretStore;
import dev.failforward.jira.testing.FakeFieldRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The showcase service on a real database (HSQLDB, and PostgreSQL in the {@code postgres} execution) with the real
 * award and KPI services: records the user cannot browse never appear (a hidden next iteration, a hidden nominee — even
 * the winner), a hidden project is refused, awards show nominees only once voting has closed, a group award of other
 * projects is left out, and the headline KPIs come with their direction.
 */
class ShowcaseServiceTest {

    private static final Instant NOMINATING = Instant.parse("2026-09-10T09:00:00Z");
    private static final Instant VOTING = Instant.parse("2026-10-05T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-20T09:00:00Z");
    private static final ShowcasePeriod Q3 = ShowcasePeriod.quarter(2026, 3);

    @TempDir
    Path home;
    private AoDatabase db;
    private final FakeRecordPermissions permissions = new FakeRecordPermissions();
    private final MovableClock clock = new MovableClock(NOMINATING);
    private AoFailureRecordRepository records;
    private AwardService awards;
    private AoAwards awardStore;
    private ShowcaseService showcase;

    @BeforeEach
    void open() {
        db = TestDatabases.openAo("dev.failforward.jira");
        db.activeObjects().migrate(FailureDbSchema.entities());
        records = new AoFailureRecordRepository(db.activeObjects());
        FileSecretStore secrets = new FileSecretStore(home.resolve("secrets"));
        awardStore = new AoAwards(db.activeObjects());
        awards = new AwardService(awardStore, permissions, records, new AwardSettings(new InMemoryPluginSettings()),
                secrets, clock);
        KpiUserContext user = new KpiUserContext() {
            @Override
            public ZoneId zone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Locale locale() {
                return Locale.ENGLISH;
            }
        };
        PulseService pulse = new PulseService(new AoPulseStore(db.activeObjects()), permissions,
                new PulseSettings(new InMemoryPluginSettings()), secrets, clock);
        KpiService kpis = new KpiService(new KpiStore(db.activeObjects()),
                new dev.failforward.jira.persistence.AoCultureCounts(db.activeObjects()), pulse, permissions, user,
                new KpiSearchLinks(new FakeFieldRegistry()), filterId -> Optional.empty(), clock);
        showcase = new ShowcaseService(new AoShowcaseQueries(db.activeObjects()), awardStore, awards, kpis,
                permissions, records, user, clock);

        records.upsert(record(1, "LAB-1", RecordKind.EXPERIMENT).decidedAt(Instant.parse("2026-08-01T10:00:00Z"))
                .outcome(Outcome.REFUTED).decision(Decision.PIVOT).build());
        records.upsert(record(2, "LAB-2", RecordKind.EXPERIMENT).pivotedFrom("LAB-1").build());
        records.upsert(record(3, "SEC-3", RecordKind.EXPERIMENT).pivotedFrom("LAB-1").build());
        records.upsert(record(4, "SEC-4", RecordKind.INCIDENT).build());
        records.upsert(record(5, "OPS-5", RecordKind.INCIDENT).build());
        records.upsert(record(6, "OPS-6", RecordKind.INCIDENT).build());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void hiddenRecordsNeverAppearNotEvenAsTheWinner() {
        // someone who sees SEC nominates a SEC incident and an OPS one in Q3; the SEC one wins
        permissions.as("u-sec", Set.of("OPS", "LAB", "SEC"), Set.of());
        awards.nominate(AwardScope.instance(), "SEC-4", "Found by a customer, fixed for good");
        awards.nominate(AwardScope.instance(), "OPS-5", "A rollback that taught us canaries");
        clock.set(VOTING);
        String award = awards.voting(AwardScope.instance()).orElseThrow().id();
        awards.vote(award, "SEC-4");
        permissions.as("u-ops", Set.of("OPS", "LAB"), Set.of());
        awards.vote(award, "OPS-5");
        permissions.as("u-sec2", Set.of("OPS", "LAB", "SEC"), Set.of());
        awards.vote(award, "SEC-4");
        clock.set(LATER);

        permissions.as("u-anna", Set.of("OPS", "LAB"), Set.of());
        Showcase seen = showcase.showcase(List.of(), Q3);

        assertThat(seen.projects()).containsExactly("LAB", "OPS");
        assertThat(seen.awards()).hasSize(1);
        Showcase.AwardEntry entry = seen.awards().get(0);
        assertThat(entry.phase()).isEqualTo(AwardPhase.CLOSED);
        assertThat(entry.nominees()).extracting(n -> n.record().issueKey()).containsExactly("OPS-5");
        assertThat(entry.nominees().get(0).votes()).isEqualTo(1);
        assertThat(entry.winner()).as("the winner is hidden from this user").isEmpty();
        assertThat(seen.experiments()).hasSize(1);
        assertThat(seen.experiments().get(0).nextIterations()).extracting(FailureRecord::issueKey)
                .containsExactly("LAB-2");

        permissions.as("u-sec", Set.of("OPS", "LAB", "SEC"), Set.of());
        Showcase all = showcase.showcase(List.of("SEC", "OPS"), Q3);
        assertThat(all.awards().get(0).winner()).map(w -> w.record().issueKey()).contains("SEC-4");
        assertThat(all.awards().get(0).winner().get().votes()).isEqualTo(2);
    }

    @Test
    void aPeriodWithManyDecidedExperimentsListsTheLatestAndSaysHowManyInAll() {
        Instant july = Instant.parse("2026-07-01T01:00:00Z");
        for (int i = 0; i < 60; i++) {
            records.upsert(record(100 + i, "LAB-" + (100 + i), RecordKind.EXPERIMENT)
                    .decidedAt(july.plus(java.time.Duration.ofDays(i))).build());
        }
        permissions.as("u-anna", Set.of("OPS", "LAB"), Set.of());

        Showcase seen = showcase.showcase(List.of("LAB"), Q3);

        assertThat(seen.experimentsTotal()).as("LAB-1 and the sixty").isEqualTo(61);
        assertThat(seen.experiments()).hasSize(ShowcaseService.MAX_EXPERIMENTS);
        assertThat(seen.experiments()).extracting(e -> e.experiment().decidedAt()).as("in decision order").isSorted();
        assertThat(seen.experiments().get(0).experiment().issueKey()).as("the eleven earliest are left out")
                .isEqualTo("LAB-111");
        assertThat(seen.experiments().get(ShowcaseService.MAX_EXPERIMENTS - 1).experiment().issueKey())
                .isEqualTo("LAB-159");
        assertThat(seen.experiments()).extracting(e -> e.experiment().issueKey()).contains("LAB-1");
        assertThat(seen.incidentsTotal()).isZero();
    }

    @Test
    void aHiddenProjectIsRefusedAsAMissingOneIs() {
        permissions.as("u-anna", Set.of("OPS", "LAB"), Set.of());
        assertThatThrownBy(() -> showcase.showcase(List.of("OPS", "SEC"), Q3))
                .isInstanceOf(FailureDbException.class);
        assertThatThrownBy(() -> showcase.showcase(List.of("NOPE"), Q3)).isInstanceOf(FailureDbException.class);
    }

    @Test
    void openAwardsShowNoNomineesAndOtherGroupsAwardsAreLeftOut() {
        permissions.as("u-anna", Set.of("OPS", "LAB"), Set.of());
        AwardSchedule quarters = AwardSchedule.quarterly(ZoneOffset.UTC);
        Award hr = awardStore.ensure(new Award(AwardScope.group("people", "People teams", List.of("HR")),
                quarters.periodAt(NOMINATING)));
        awards.nominate(AwardScope.instance(), "OPS-6", "Still voting on it");
        clock.set(VOTING);

        Showcase seen = showcase.showcase(List.of("OPS"), Q3);

        assertThat(seen.awards()).extracting(a -> a.award().id()).containsExactly("instance@2026-07-01")
                .doesNotContain(hr.id());
        assertThat(seen.awards().get(0).phase()).isEqualTo(AwardPhase.VOTING);
        assertThat(seen.awards().get(0).nominees()).as("nothing before the close").isEmpty();
        assertThat(seen.kpis().results()).extracting(r -> r.kpi()).containsExactlyElementsOf(ShowcaseService.HEADLINE_KPIS);
        assertThat(seen.kpis().periods().all()).hasSize(1);
    }

    private static FailureRecord.Builder record(long id, String key, RecordKind kind) {
        return FailureRecord.builder().issueId(id).issueKey(key).projectKey(key.substring(0, key.indexOf('-')))
                .kind(kind).summary("Summary of " + key).status("Open")
                .createdAndUpdatedAt(Instant.parse("2026-07-15T08:00:00Z"));
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
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
            return now;
        }
    }
}
