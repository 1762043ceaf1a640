package dev.failforward.preview;

import dev.failforward.core.award.Award;
import dev.failforward.core.award.AwardPeriod;
import dev.failforward.core.award.AwardSchedule;
import dev.failforward.core.award.AwardScope;
import dev.failforward.jira.award.AwardService;
import dev.failforward.jira.award.AwardSettings;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.persistence.AoAwards;
import dev.failforward.preview.jira.PreviewRecordPermissions;
import dev.failforward.preview.jira.PreviewUsers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's most valuable failure awards, made through the plugin's own {@link AwardService} (so the ballots are
 * sealed, guarded and counted exactly as in the product): the previous period's award, closed and counted, with
 * GROWTH-23 the winner over two other nominees; and the current period's award taking nominations, with two
 * nominations already in (OPS-104 and the others are left for the visitor to nominate).
 */
final class DemoAwards {

    /** The past award: record, nominator, reason, votes. */
    private record Entry(String record, String nominator, String reason, int votes) {
    }

    private static final List<Entry> PAST = List.of(
            new Entry("GROWTH-23", PreviewUsers.MEMBER, "We shipped a pricing page we had never seen in another "
                    + "currency. The fix took an hour; the lesson (test with real locales) changed every release since.", 4),
            new Entry("OPS-103", PreviewRecordPermissions.DEMO_USER, "A refuted hypothesis that saved us a quarter: "
                    + "30-minute canaries catch too little, so we pivoted to pairing on reviews.", 2),
            new Entry("CARE-8", PreviewUsers.MEMBER, "The night shift showed us where the lab process depends on one "
                    + "person.", 1));

    private static final List<Entry> CURRENT = List.of(
            new Entry("OPS-102", PreviewUsers.MEMBER, "A config rollout took checkout down, and the review found three "
                    + "missing guard rails instead of one person to blame.", 0),
            new Entry("CARE-9", PreviewRecordPermissions.DEMO_USER, "The wristband mix-up recurred after CARE-8: it "
                    + "made us look at admissions as one system.", 0));

    private DemoAwards() {
    }

    /** Loads the demo awards (once: with the demo rows); returns how many nominations were made. */
    static int load(PreviewServices services, Instant now) {
        AwardSettings settings = new AwardSettings(services.settings, () -> services.kpiUser.zone());
        AwardSchedule schedule = settings.schedule();
        AwardPeriod current = schedule.periodAt(now);
        AwardPeriod past = schedule.previous(current);
        Acting as = new Acting();
        MovingClock clock = new MovingClock(past.nominationsOpen().plus(Duration.ofDays(20)));
        AwardService awards = new AwardService(new AoAwards(services.database.activeObjects()), as, services.records,
                settings, services.secrets, clock);
        int nominations = 0;
        for (Entry entry : PAST) {
            as.user = entry.nominator();
            awards.nominate(AwardScope.instance(), entry.record(), entry.reason());
            clock.now = clock.now.plus(Duration.ofDays(3));
            nominations++;
        }
        String pastId = Award.id(AwardScope.INSTANCE_KEY, past);
        // the votes, two days into the voting; in a period's first days the past award's voting is still open in
        // truth: then the votes come before now and an administrator closes the voting now ("advance"), so on every
        // day of a period the demo shows last period's results
        boolean stillVoting = now.isBefore(past.votingCloses());
        clock.now = stillVoting ? past.votingOpens().plus(Duration.between(past.votingOpens(), now).dividedBy(2))
                : past.votingOpens().plus(Duration.ofDays(2));
        int voter = 0;
        for (Entry entry : PAST) {
            for (int i = 0; i < entry.votes(); i++) {
                as.user = "demo-voter-" + (++voter); // keys only ever enter the guard's HMAC, never the database
                awards.vote(pastId, entry.record());
            }
        }
        Instant closed = past.votingCloses();
        if (stillVoting) {
            clock.now = now;
            closed = awards.advance(pastId).period().votingCloses();
        }
        // read the results after the close (and its grace hour): the ballots are counted, the guards and keys go
        clock.now = closed.plus(Duration.ofHours(2));
        as.user = PreviewRecordPermissions.DEMO_USER;
        awards.results(pastId);
        // this period's nominations, in the hours before now (on its first day: since it began)
        Instant first = now.minus(Duration.ofHours(CURRENT.size()));
        first = first.isBefore(current.nominationsOpen()) ? current.nominationsOpen() : first;
        Duration step = Duration.between(first, now).dividedBy(CURRENT.size());
        clock.now = first;
        for (Entry entry : CURRENT) {
            as.user = entry.nominator();
            awards.nominate(AwardScope.instance(), entry.record(), entry.reason());
            clock.now = clock.now.plus(step);
            nominations++;
        }
        return nominations;
    }

    /** The demo's people: whoever is named, browsing every preview project. */
    private static final class Acting implements RecordPermissions {
        String user = PreviewRecordPermissions.DEMO_USER;

        @Override
        public Optional<String> currentUserKey() {
            return Optional.of(user);
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

    private static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
