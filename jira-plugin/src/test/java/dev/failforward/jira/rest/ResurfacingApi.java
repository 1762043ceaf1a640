package dev.failforward.jira.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failforward.core.record.ActionItemCommand;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.RecordKind;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.jira.JiraI18n;
import dev.failforward.jira.archive.LearningArchiveService;
import dev.failforward.jira.huddle.HuddleService;
import dev.failforward.jira.kpi.KpiUserContext;
import dev.failforward.jira.permissions.FakeRecordPermissions;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.persistence.AoActionItemRepository;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.jira.persistence.AoHuddles;
import dev.failforward.jira.persistence.AoLearningArchive;
import dev.failforward.jira.persistence.AoLearningRepository;
import dev.failforward.jira.persistence.AoLearningReuses;
import dev.failforward.jira.persistence.FailureDbSchema;
import dev.failforward.jira.reuse.LearningReuseService;
import dev.failforward.jira.reuse.OnThisDay;
import dev.failforward.jira.reuse.RelatedLearnings;
import dev.failforward.jira.search.FailureSearchIndex;
import dev.failforward.jira.search.IndexStatus;
import dev.failforward.jira.search.SearchableRecord;
import dev.failforward.jira.search.SimilarMatch;
import dev.failforward.jira.similar.SearchIndexAccess;
import dev.failforward.jira.similar.SimilarFailures;
import dev.failforward.jira.users.SalUserDirectory;
import dev.failforward.rest.testing.RestApp;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The resurfacing and huddle REST API (learning reuses, related learnings, "On this day", the huddle board) on real
 * Jersey over the real AO stores on the test JVM's database (HSQLDB or PostgreSQL), with a fake
 * {@link RecordPermissions} and a fixed clock: Monday 7 December 2026, 10:00 UTC (ISO week 2026-W50).
 *
 * <p>Seeds OPS (OPS-1 an incident of a year ago with a learning of that week and an overdue follow-up; OPS-2 an
 * incident of a quarter ago with a learning of that week; OPS-3 an experiment of last week with two learnings; OPS-4
 * an incident discovered this morning, its 24-hour rule open) and SEC (SEC-1, with a learning of a year ago and an
 * overdue follow-up) — SEC is the project most users cannot browse.
 */
final class ResurfacingApi implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    final FakeRecordPermissions permissions = new FakeRecordPermissions();
    final AoDatabase db;
    final AoFailureRecordRepository records;
    final AoLearningRepository learnings;
    final AoActionItemRepository actions;
    final AoLearningReuses reuses;
    final RestApp app;
    /** What the search index answers to "similar" (a test sets it). */
    final List<SimilarMatch> similarAnswer = new ArrayList<>();
    ZoneId zone = ZoneOffset.UTC;
    /** Jira's default user time zone: the zone huddle weeks are counted in. */
    ZoneId instanceZone = ZoneOffset.UTC;
    Learning yearAgo;
    Learning quarterAgo;
    Learning lastWeek;
    Learning lastWeekNewer;
    Learning secYearAgo;

    ResurfacingApi() throws Exception {
        db = TestDatabases.openAo("dev.failforward.jira");
        db.activeObjects().migrate(FailureDbSchema.entities());
        records = new AoFailureRecordRepository(db.activeObjects());
        learnings = new AoLearningRepository(db.activeObjects());
        actions = new AoActionItemRepository(db.activeObjects());
        reuses = new AoLearningReuses(db.activeObjects());
        seed();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        FailureSearchIndex index = Mockito.mock(FailureSearchIndex.class);
        Mockito.when(index.similar(ArgumentMatchers.any())).thenAnswer(call -> List.copyOf(similarAnswer));
        SearchIndexAccess access = new SearchIndexAccess() {
            @Override
            public Optional<FailureSearchIndex> whenReady() {
                return Optional.of(index);
            }

            @Override
            public IndexStatus status() {
                return new IndexStatus(IndexStatus.State.READY, 100, null);
            }
        };
        SimilarFailures similar = new SimilarFailures(access, permissions, learnings, records,
                id -> records.findByIssueId(id).map(r -> new SearchableRecord(
                        new dev.failforward.jira.failuredb.RecordDetails(r, learnings.findByRecord(id),
                                actions.findByRecord(id), List.of()), "Description of " + r.issueKey(), null)));
        LearningArchiveService archive = new LearningArchiveService(new AoLearningArchive(db.activeObjects()),
                permissions);
        KpiUserContext user = new KpiUserContext() {
            @Override
            public ZoneId zone() {
                return zone;
            }

            @Override
            public Locale locale() {
                return Locale.UK;
            }
        };
        // the learnings archive (one of the resources here) shows award badges: an award service on this database
        dev.failforward.jira.award.AwardService awards = new dev.failforward.jira.award.AwardService(
                new dev.failforward.jira.persistence.AoAwards(db.activeObjects()), permissions, records,
                new dev.failforward.jira.award.AwardSettings(new dev.failforward.host.settings.InMemoryPluginSettings()),
                new dev.failforward.jira.secrets.FileSecretStore(java.nio.file.Files.createTempDirectory("ff-award-keys")),
                clock);
        app = JiraRest.app(JiraI18n.english())
                .bind(dev.failforward.jira.award.AwardService.class, awards)
                .bind(RecordPermissions.class, permissions)
                .bind(LearningReuseService.class, new LearningReuseService(reuses, learnings, records, permissions,
                        clock))
                .bind(HuddleService.class, new HuddleService(new AoHuddles(db.activeObjects()), records, learnings,
                        actions, archive, reuses, permissions, () -> instanceZone, clock))
                .bind(OnThisDay.class, new OnThisDay(archive))
                .bind(RelatedLearnings.class, new RelatedLearnings(similar, records, reuses, permissions))
                .bind(KpiUserContext.class, user)
                .bind(SalUserDirectory.class, new SalUserDirectory(userManager()))
                .bind(LearningArchiveService.class, archive)
                .bind(dev.failforward.jira.search.node.SearchRouting.class,
                        dev.failforward.jira.search.node.SearchRouting.SQL_ONLY)
                .register(LearningReusesResource.class, HuddlesResource.class, OnThisDayResource.class,
                        RelatedLearningsResource.class, LearningsResource.class)
                .start();
    }

    /** SAL's users: each full name is the key without the {@code u-} prefix, capitalised. */
    private static com.atlassian.sal.api.user.UserManager userManager() {
        var manager = Mockito.mock(com.atlassian.sal.api.user.UserManager.class);
        Mockito.when(manager.getUserProfile(ArgumentMatchers.any(com.atlassian.sal.api.user.UserKey.class)))
                .thenAnswer(call -> {
                    String key = call.<com.atlassian.sal.api.user.UserKey>getArgument(0).getStringValue();
                    var profile = Mockito.mock(com.atlassian.sal.api.user.UserProfile.class);
                    String name = key.substring(2);
                    Mockito.when(profile.getFullName()).thenReturn(Character.toUpperCase(name.charAt(0))
                            + name.substring(1));
                    return profile;
                });
        return manager;
    }

    private void seed() {
        FailureRecord ops1 = records.upsert(record(10001, "OPS-1", RecordKind.INCIDENT, "Checkout down for 20 minutes",
                "2025-12-05T09:00:00Z").build());
        FailureRecord ops2 = records.upsert(record(10002, "OPS-2", RecordKind.INCIDENT, "Queue backlog at month end",
                "2026-09-01T09:00:00Z").build());
        FailureRecord ops3 = records.upsert(record(10003, "OPS-3", RecordKind.EXPERIMENT, "Canary for config changes",
                "2026-12-03T09:00:00Z").build());
        FailureRecord ops4 = records.upsert(record(10004, "OPS-4", RecordKind.INCIDENT, "Payments timing out",
                "2026-12-07T02:00:00Z").discoveredAt(Instant.parse("2026-12-07T01:00:00Z"))
                .reportedAt(Instant.parse("2026-12-07T02:00:00Z")).build());
        FailureRecord sec1 = records.upsert(record(20001, "SEC-1", RecordKind.INCIDENT, "Token leak",
                "2025-12-05T09:00:00Z").build());
        yearAgo = learnings.add(new Learning.Draft(ops1.issueId(), "Pool alarms come too late", LearningKind.SURPRISE,
                "u-fred", Instant.parse("2025-12-06T09:00:00Z")));
        quarterAgo = learnings.add(new Learning.Draft(ops2.issueId(), "Month-end batches need their own queue",
                LearningKind.INSIGHT, "u-fred", Instant.parse("2026-09-08T09:00:00Z")));
        lastWeek = learnings.add(new Learning.Draft(ops3.issueId(), "Config needs a canary like code",
                LearningKind.INSIGHT, "u-fred", Instant.parse("2026-12-04T09:00:00Z")));
        lastWeekNewer = learnings.add(new Learning.Draft(ops3.issueId(), "Five percent of traffic is too noisy",
                LearningKind.SURPRISE, "u-fred", Instant.parse("2026-12-05T09:00:00Z")));
        learnings.add(new Learning.Draft(ops4.issueId(), "The gateway retries hid the timeouts", LearningKind.INSIGHT,
                "u-fred", Instant.parse("2026-12-07T03:00:00Z")));
        secYearAgo = learnings.add(new Learning.Draft(sec1.issueId(), "Rotate tokens", LearningKind.INSIGHT, "u-sec",
                Instant.parse("2025-12-06T10:00:00Z")));
        actions.add(new ActionItemCommand("Add the missing pool alert", "u-olga", "2026-12-01", "prevent", null, null,
                null, null).toDraft(ops1.issueId(), Instant.parse("2026-11-01T09:00:00Z")).value());
        actions.add(new ActionItemCommand("Not due yet", "u-olga", "2026-12-20", "prevent", null, null,
                null, null).toDraft(ops1.issueId(), Instant.parse("2026-11-01T09:00:00Z")).value());
        actions.add(new ActionItemCommand("Add a secret scanner", "u-sec", "2026-11-15", "prevent", null, null,
                null, null).toDraft(sec1.issueId(), Instant.parse("2026-11-01T09:00:00Z")).value());
    }

    private static FailureRecord.Builder record(long id, String key, RecordKind kind, String summary, String created) {
        return FailureRecord.builder().issueId(id).issueKey(key).projectKey(key.substring(0, key.indexOf('-')))
                .kind(kind).summary(summary).status("Analysing").createdAndUpdatedAt(Instant.parse(created));
    }

    // ----- who is calling -----

    ResurfacingApi anonymous() {
        permissions.as(null, Set.of(), Set.of());
        return this;
    }

    /** Browse and edit OPS. */
    ResurfacingApi editor() {
        permissions.as("u-fred", Set.of("OPS"), Set.of("OPS"));
        return this;
    }

    /** Browse and edit OPS, as another person. */
    ResurfacingApi colleague() {
        permissions.as("u-vera", Set.of("OPS"), Set.of("OPS"));
        return this;
    }

    /** Browse OPS, no Edit Issues. */
    ResurfacingApi viewer() {
        permissions.as("u-olga", Set.of("OPS"), Set.of());
        return this;
    }

    /** Browse and edit OPS and SEC. */
    ResurfacingApi admin() {
        permissions.as("u-admin", Set.of("OPS", "SEC"), Set.of("OPS", "SEC"));
        return this;
    }

    // ----- HTTP -----

    Response get(String path) {
        int question = path.indexOf('?');
        jakarta.ws.rs.client.WebTarget target = app.target(question < 0 ? path : path.substring(0, question));
        if (question >= 0) {
            for (String pair : path.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                target = target.queryParam(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return target.request().get();
    }

    Response post(String path, String json) {
        return app.target(path).request(MediaType.APPLICATION_JSON).post(Entity.json(json));
    }

    static JsonNode json(Response response) {
        return FailureDbApi.json(response);
    }

    @Override
    public void close() throws Exception {
        app.close();
        db.close();
    }
}
