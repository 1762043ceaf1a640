package dev.failforward.jira.huddle;

import com.atlassian.jira.timezone.TimeZoneManager;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import dev.failforward.core.incident.RuleResult;
import dev.failforward.core.incident.TwentyFourHourRule;
import dev.failforward.core.record.ActionItemRepository;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.FailureRecordRepository;
import dev.failforward.core.record.LearningRepository;
import dev.failforward.core.record.PageRequest;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.RecordPage;
import dev.failforward.core.record.RecordQuery;
import dev.failforward.jira.archive.ArchivedLearning;
import dev.failforward.jira.archive.LearningArchivePage;
import dev.failforward.jira.archive.LearningArchiveService;
import dev.failforward.jira.archive.LearningQuery;
import dev.failforward.jira.failuredb.BrowsableProjects;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.reuse.LearningReuseStore;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Supplier;

/**
 * The weekly failure huddle of a team (the projects it covers): the board that prepares its 15 minutes, and marking
 * it held. Every project must be browsable by the user (else 403, like the KPIs of a named project).
 *
 * <p>The board:
 * <ul>
 *   <li><b>failures reported</b> since the team's last huddle (else the last {@value #DEFAULT_DAYS} days), newest
 *       first, at most {@value #MAX_FAILURES} with the total;</li>
 *   <li><b>open 24-hour rules</b>: incidents whose rule is still pending (the rule panel's computation,
 *       {@link TwentyFourHourRule#defaults()}, from discovery), soonest deadline first. An incident is read when it
 *       was created in the last {@value #RULE_LOOKBACK_DAYS} days: a pending rule was discovered less than 24 hours
 *       ago, and a record is created after (or shortly before) its discovery;</li>
 *   <li><b>overdue follow-ups</b>: open action items past their due date (in the user's time zone), the most
 *       recently overdue first (what became overdue since the last huddle is the news; the oldest were talked about
 *       before), at most {@value #MAX_OVERDUE} with the total;</li>
 *   <li><b>one learning to celebrate</b>, by a stated rule: of the learnings captured in the team's projects in the
 *       same period, the one reused most (cited in a retro or applied to a newer experiment or incident); on a tie,
 *       or when none was reused yet, the newest.</li>
 * </ul>
 * A huddle is held at most once per team and ISO week, safe with two nodes: the second press changes nothing and is
 * told who held it and when ({@link HuddleStore#hold}). The week is counted in Jira's default user time zone (General
 * configuration), not in the presser's: two members of a team in different zones pressing around midnight between
 * Sunday and Monday would otherwise record two huddles for one. Overdue dates stay in the user's zone.
 */
@Named
public class HuddleService {

    static final int DEFAULT_DAYS = 7;
    static final int MAX_FAILURES = 50;
    static final int MAX_OVERDUE = 5;
    /** The overdue items counted (the total shown); the store reads at most this many. */
    static final int OVERDUE_SCAN = 2000;
    static final int RULE_LOOKBACK_DAYS = 7;
    static final int MAX_PROJECTS = 50;
    /** The learnings the celebration rule weighs: the newest of the period. */
    static final int CELEBRATION_CANDIDATES = LearningQuery.MAX_LIMIT;

    private final HuddleStore huddles;
    private final FailureRecordRepository records;
    private final LearningRepository learnings;
    private final ActionItemRepository actions;
    private final LearningArchiveService archive;
    private final LearningReuseStore reuses;
    private final RecordPermissions permissions;
    private final BrowsableProjects projects;
    private final Supplier<ZoneId> weekZone;
    private final Clock clock;

    @Inject
    public HuddleService(HuddleStore huddles, FailureRecordRepository records, LearningRepository learnings,
                         ActionItemRepository actions, LearningArchiveService archive, LearningReuseStore reuses,
                         RecordPermissions permissions, @ComponentImport TimeZoneManager timeZones) {
        this(huddles, records, learnings, actions, archive, reuses, permissions,
                () -> Optional.ofNullable(timeZones.getDefaultTimezone()).map(TimeZone::toZoneId)
                        .orElse(ZoneOffset.UTC), Clock.systemUTC());
    }

    /** Weeks in UTC (tests). */
    public HuddleService(HuddleStore huddles, FailureRecordRepository records, LearningRepository learnings,
                         ActionItemRepository actions, LearningArchiveService archive, LearningReuseStore reuses,
                         RecordPermissions permissions, Clock clock) {
        this(huddles, records, learnings, actions, archive, reuses, permissions, () -> ZoneOffset.UTC, clock);
    }

    /** @param weekZone the zone huddle weeks are counted in: Jira's default user time zone */
    public HuddleService(HuddleStore huddles, FailureRecordRepository records, LearningRepository learnings,
                         ActionItemRepository actions, LearningArchiveService archive, LearningReuseStore reuses,
                         RecordPermissions permissions, Supplier<ZoneId> weekZone, Clock clock) {
        this.huddles = Objects.requireNonNull(huddles, "huddles");
        this.records = Objects.requireNonNull(records, "records");
        this.learnings = Objects.requireNonNull(learnings, "learnings");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.reuses = Objects.requireNonNull(reuses, "reuses");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.projects = new BrowsableProjects(permissions);
        this.weekZone = Objects.requireNonNull(weekZone, "weekZone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An incident whose 24-hour rule is still open. */
    public record OpenRule(FailureRecord record, RuleResult rule, Duration left, int minLearnings, int minNextSteps) {
    }

    /** The learning to celebrate and how often it was reused. */
    public record Celebration(ArchivedLearning learning, int reuses) {
    }

    /**
     * @param since      the start of the board's period: the last huddle, else {@value #DEFAULT_DAYS} days ago
     * @param last       the team's last huddle, if any
     * @param thisWeek   the team's huddle of the current week, if it was held already
     */
    public record Board(List<String> projectKeys, String teamKey, Instant since, Optional<Huddle> last,
                        Optional<Huddle> thisWeek, String week, List<FailureRecord> failures, int failuresTotal,
                        List<OpenRule> openRules, List<HuddleStore.OverdueAction> overdue, int overdueTotal,
                        Optional<Celebration> celebrate, Instant now) {
    }

    /** The result of marking a huddle held: the stored huddle, and whether this call held it. */
    public record Marked(Huddle huddle, boolean created) {
    }

    /**
     * @param zone the user's time zone: which follow-ups are overdue today
     * @throws FailureDbException.BadField      400 naming {@code projects} when none or too many are given
     * @throws FailureDbException.ProjectHidden 403 for a project the user may not browse (or that does not exist)
     */
    public Board board(Collection<String> projectKeys, ZoneId zone) {
        Set<String> team = team(projectKeys);
        Instant now = clock.instant();
        String teamKey = Huddle.teamKey(team);
        String week = Huddle.week(now, weekZone());
        Optional<Huddle> last = huddles.last(teamKey);
        Instant since = last.map(Huddle::heldAt).orElse(now.minus(Duration.ofDays(DEFAULT_DAYS)));
        if (!since.isBefore(now)) {
            since = now.minusSeconds(1);
        }
        RecordPage failures = records.search(RecordQuery.inProjects(team).withCreated(since, null)
                .withPage(PageRequest.first(MAX_FAILURES)));
        List<HuddleStore.OverdueAction> overdue = huddles.overdue(team, LocalDate.ofInstant(now, zone), OVERDUE_SCAN);
        return new Board(List.copyOf(team), teamKey, since, last,
                last.filter(h -> h.week().equals(week)), week, failures.records(), failures.total(),
                openRules(team, now), overdue.subList(0, Math.min(MAX_OVERDUE, overdue.size())), overdue.size(),
                celebrate(team, since), now);
    }

    /**
     * Marks the team's huddle of this week held, with what the board shows now; when it was held already this week,
     * changes nothing and returns that huddle ({@code created} false).
     */
    public Marked markHeld(Collection<String> projectKeys, String note, ZoneId zone) {
        Board board = board(projectKeys, zone);
        if (board.thisWeek().isPresent()) {
            return new Marked(board.thisWeek().get(), false);
        }
        String trimmed = note == null || note.isBlank() ? null : note.strip();
        if (trimmed != null && trimmed.length() > Huddle.NOTE_MAX_LENGTH) {
            throw new FailureDbException.BadField("note", "too-long", "failforward.huddle.error.note",
                    Huddle.NOTE_MAX_LENGTH);
        }
        Huddle huddle = new Huddle(board.teamKey(), board.projectKeys(), board.week(), board.now(),
                permissions.currentUserKey().orElse(null), board.failuresTotal(),
                board.celebrate().map(c -> c.learning().id()).orElse(null), trimmed);
        HuddleStore.Held held = huddles.hold(huddle);
        return new Marked(held.huddle(), held.created());
    }

    /** The zone huddle weeks are counted in; UTC when Jira cannot say. */
    public ZoneId weekZone() {
        try {
            ZoneId zone = weekZone.get();
            return zone == null ? ZoneOffset.UTC : zone;
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** The team's huddles, newest first. */
    public List<Huddle> history(Collection<String> projectKeys, int limit) {
        return huddles.history(Huddle.teamKey(team(projectKeys)), limit);
    }

    private Set<String> team(Collection<String> projectKeys) {
        if (projectKeys == null || projectKeys.isEmpty()) {
            throw new FailureDbException.BadField("projects", "required", "failforward.huddle.error.projects");
        }
        if (projectKeys.size() > MAX_PROJECTS) {
            throw new FailureDbException.BadField("projects", "too-many", "failforward.huddle.error.projects.many",
                    MAX_PROJECTS);
        }
        return projects.require(projectKeys.stream().map(k -> k.strip().toUpperCase(java.util.Locale.ROOT)).toList());
    }

    private List<OpenRule> openRules(Set<String> team, Instant now) {
        TwentyFourHourRule rule = TwentyFourHourRule.defaults();
        RecordPage incidents = records.search(RecordQuery.inProjects(team).withKind(RecordKind.INCIDENT)
                .withCreated(now.minus(Duration.ofDays(RULE_LOOKBACK_DAYS)), null)
                .withPage(PageRequest.first(PageRequest.MAX_LIMIT)));
        List<OpenRule> open = new ArrayList<>();
        for (FailureRecord incident : incidents.records()) {
            Instant discovered = incident.discoveredAt();
            if (discovered == null || !discovered.plus(rule.window()).isAfter(now)) {
                continue;
            }
            RuleResult result = rule.evaluate(discovered,
                    learnings.earliestTimes(incident.issueId(), Math.max(1, rule.minLearnings())),
                    actions.earliestCreatedTimes(incident.issueId(), Math.max(1, rule.minNextSteps())), now);
            if (result.status() == RuleResult.Status.PENDING) {
                open.add(new OpenRule(incident, result, Duration.between(now, result.deadline()), rule.minLearnings(),
                        rule.minNextSteps()));
            }
        }
        open.sort(java.util.Comparator.comparing((OpenRule o) -> o.rule().deadline())
                .thenComparing(o -> o.record().issueKey()));
        return open;
    }

    private Optional<Celebration> celebrate(Set<String> team, Instant since) {
        LearningArchivePage page = archive.search(team, new LearningQuery(team, null, null, null, null, since, null,
                null, PageRequest.first(CELEBRATION_CANDIDATES)));
        if (page.items().isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Integer> counts = reuses.counts(page.items().stream().map(ArchivedLearning::id).toList());
        ArchivedLearning best = null;
        int bestCount = -1;
        for (ArchivedLearning learning : page.items()) { // newest first: a tie keeps the newer
            int count = counts.getOrDefault(learning.id(), 0);
            if (count > bestCount) {
                best = learning;
                bestCount = count;
            }
        }
        return Optional.of(new Celebration(best, bestCount));
    }
}
