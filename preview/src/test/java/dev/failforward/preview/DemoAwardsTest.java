package dev.failforward.preview;

import dev.failforward.core.award.Award;
import dev.failforward.core.award.AwardPhase;
import dev.failforward.core.award.AwardScope;
import dev.failforward.core.award.AwardTally;
import dev.failforward.core.award.Nomination;
import dev.failforward.jira.award.AwardService;
import dev.failforward.jira.award.AwardSettings;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.persistence.AoAwards;
import dev.failforward.preview.jira.PreviewRecordPermissions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's awards on any day of a period (the preview runs on the system clock, so its browser test meets whichever
 * day it is): last period's award closed and counted with GROWTH-23 the winner — also in the first two weeks of a
 * period, when that award's voting would still be open, and on its first day — and this period's award taking
 * nominations with OPS-102 and CARE-9 in, also in the first minutes of the period.
 */
class DemoAwardsTest {

    @TempDir
    Path data;

    @ParameterizedTest
    @ValueSource(strings = {"2027-01-01T00:00:00Z", "2027-01-01T00:20:00Z", "2027-04-01T09:00:00Z",
            "2026-07-05T12:00:00Z", "2026-10-14T23:59:00Z", "2026-10-15T00:00:00Z", "2026-12-07T06:00:00Z",
            "2026-12-31T23:59:00Z"})
    void lastPeriodIsClosedWithItsWinnerAndThisPeriodTakesNominations(String day) {
        Instant now = Instant.parse(day);
        try (PreviewServices services = new PreviewServices(data, ZoneOffset.UTC)) {
            DemoData.loadIfEmpty(services.records, Clock.fixed(now, ZoneOffset.UTC));
            assertThat(DemoAwards.load(services, now)).isEqualTo(5);

            AwardService awards = new AwardService(new AoAwards(services.database.activeObjects()), new Demo(),
                    services.records, new AwardSettings(services.settings, () -> ZoneOffset.UTC),
                    services.secrets, Clock.fixed(now, ZoneOffset.UTC));
            List<Award> closed = awards.history(AwardScope.instance());
            assertThat(closed).as("last period's award, closed").hasSize(1);
            AwardTally tally = awards.results(closed.get(0).id()).orElseThrow();
            assertThat(tally.winner()).map(s -> s.nomination().recordKey()).contains("GROWTH-23");
            assertThat(tally.totalVotes()).isEqualTo(7);
            assertThat(awards.voting(AwardScope.instance())).as("nothing left in voting").isEmpty();

            Award current = awards.nominating(AwardScope.instance());
            assertThat(awards.phase(current)).isEqualTo(AwardPhase.NOMINATING);
            assertThat(current.period().start()).isEqualTo(now.atZone(ZoneOffset.UTC).toLocalDate()
                    .withMonth((now.atZone(ZoneOffset.UTC).getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1));
            assertThat(awards.nominations(current.id())).extracting(Nomination::recordKey)
                    .containsExactlyInAnyOrder("OPS-102", "CARE-9");
            assertThat(awards.nominations(current.id())).allSatisfy(n ->
                    assertThat(n.nominatedAt()).isBetween(current.period().nominationsOpen(), now));
        }
    }

    /** The preview user, browsing every project. */
    private static final class Demo implements RecordPermissions {
        @Override
        public Optional<String> currentUserKey() {
            return Optional.of(PreviewRecordPermissions.DEMO_USER);
        }

        @Override
        public Set<String> browsableProjectKeys() {
            return Set.copyOf(IssuesServlet.PROJECTS);
        }

        @Override
        public boolean canBrowse(String projectKey) {
            return IssuesServlet.PROJECTS.contains(projectKey);
        }

        @Override
        public boolean canEdit(String projectKey) {
            return canBrowse(projectKey);
        }
    }
}
