package dev.failforward.jira.rest;

import com.atlassian.sal.api.message.I18nResolver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failforward.core.experiment.Phase;
import dev.failforward.core.incident.FailureCategory;
import dev.failforward.core.incident.FailureType;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionItemCommand;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningCommand;
import dev.failforward.core.record.RecordKind;
import dev.failforward.core.record.WhyChainCommand;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.jira.JiraI18n;
import dev.failforward.jira.failuredb.FailureDbService;
import dev.failforward.jira.permissions.FakeRecordPermissions;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.persistence.ActionItemEntity;
import dev.failforward.jira.persistence.AoActionItemRepository;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.jira.persistence.AoLearningRepository;
import dev.failforward.jira.persistence.AoWhyStepRepository;
import dev.failforward.jira.persistence.FailureRecordEntity;
import dev.failforward.jira.persistence.LearningEntity;
import dev.failforward.jira.persistence.WhyStepEntity;
import dev.failforward.rest.testing.RestApp;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * The failure-database REST API on real Jersey (in memory) over the real AO repositories on the test JVM's database (HSQLDB or PostgreSQL), with a fake
 * {@link RecordPermissions}. Seeds two projects: OPS (OPS-1 incident, OPS-2 experiment, OPS-3 incident) and SEC
 * (SEC-1, an incident with a learning and an action item) — SEC is the project most users cannot browse.
 */
final class FailureDbApi implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    static final Set<String> OPS = Set.of("OPS");
    static final Set<String> BOTH = Set.of("OPS", "SEC");

    final FakeRecordPermissions permissions = new FakeRecordPermissions();
    /** The users Jira knows: the callers below and the owner of SEC-1's action item. */
    final Set<String> users = new java.util.HashSet<>(Set.of("u-fred", "u-vera", "u-olga", "u-admin", "u-sec"));
    final AoDatabase db;
    final AoFailureRecordRepository records;
    final AoLearningRepository learnings;
    final AoActionItemRepository actions;
    final AoWhyStepRepository whys;
    final RestApp app;
    /** Jira's issues for follow-ups: project OPS exists and u-fred may create issues there; OPS-99 exists. */
    final dev.failforward.jira.failuredb.FakeFollowUpIssues followUpIssues =
            new dev.failforward.jira.failuredb.FakeFollowUpIssues();
    final dev.failforward.jira.failuredb.FollowUpService followUps;
    /** What the search index answers to "similar" (a test sets it), and its state. */
    final java.util.List<dev.failforward.jira.search.SimilarMatch> similarAnswer = new java.util.ArrayList<>();
    final java.util.List<dev.failforward.jira.search.SimilarQuery> similarAsked = new java.util.ArrayList<>();
    dev.failforward.jira.search.IndexStatus indexStatus =
            new dev.failforward.jira.search.IndexStatus(dev.failforward.jira.search.IndexStatus.State.READY, 100, null);
    /** Recurrence links made: {past issue id, issue id}. */
    final java.util.List<long[]> recurrenceLinks = new java.util.ArrayList<>();
    dev.failforward.jira.persistence.AoRecurrenceSuggestions recurrenceSuggestions;
    /** The award over the same database, clock fixed at {@link #NOW} (in the Q2 2026 nominations). */
    final dev.failforward.jira.persistence.AoAwards awardStore;
    final dev.failforward.jira.persistence.AoLearningReuses reuseStore;
    final dev.failforward.jira.award.AwardService awards;
    FailureRecord ops1;
    FailureRecord sec1;
    Learning secLearning;
    ActionItem secAction;

    FailureDbApi() throws Exception {
        db = TestDatabases.openAo("dev.failforward.jira");
        db.activeObjects().migrate(dev.failforward.jira.persistence.FailureDbSchema.entities());
        records = new AoFailureRecordRepository(db.activeObjects());
        learnings = new AoLearningRepository(db.activeObjects());
        actions = new AoActionItemRepository(db.activeObjects());
        whys = new AoWhyStepRepository(db.activeObjects());
        seed();
        FailureDbService service = new FailureDbService(records, learnings, actions, whys, permissions,
                users::contains, dev.failforward.jira.failuredb.RecordChanges.NONE, Clock.fixed(NOW, ZoneOffset.UTC));
        followUpIssues.projects.addAll(Set.of("OPS", "TEAM"));
        followUpIssues.creatable.add("OPS");
        followUpIssues.add("OPS-99", "Add the missing alert");
        followUps = new dev.failforward.jira.failuredb.FollowUpService(service, actions, followUpIssues,
                dev.failforward.jira.failuredb.RecordChanges.NONE, Clock.fixed(NOW, ZoneOffset.UTC));
        recurrenceSuggestions = new dev.failforward.jira.persistence.AoRecurrenceSuggestions(db.activeObjects());
        dev.failforward.jira.search.FailureSearchIndex index = org.mockito.Mockito.mock(
                dev.failforward.jira.search.FailureSearchIndex.class);
        org.mockito.Mockito.when(index.similar(org.mockito.ArgumentMatchers.any())).thenAnswer(call -> {
            similarAsked.add(call.getArgument(0));
            return java.util.List.copyOf(similarAnswer);
        });
        dev.failforward.jira.similar.SearchIndexAccess access = new dev.failforward.jira.similar.SearchIndexAccess() {
            @Override
            public java.util.Optional<dev.failforward.jira.search.FailureSearchIndex> whenReady() {
                return indexStatus.ready() ? java.util.Optional.of(index) : java.util.Optional.empty();
            }

            @Override
            public dev.failforward.jira.search.IndexStatus status() {
                return indexStatus;
            }
        };
        I18nResolver i18n = JiraI18n.english();
        // the award (the learnings archive shows its badges): store, settings and keys of this test database
        awardStore = new dev.failforward.jira.persistence.AoAwards(db.activeObjects());
        reuseStore = new dev.failforward.jira.persistence.AoLearningReuses(db.activeObjects());
        awards = new dev.failforward.jira.award.AwardService(awardStore, permissions, records,
                new dev.failforward.jira.award.AwardSettings(new dev.failforward.host.settings.InMemoryPluginSettings()),
                new dev.failforward.jira.secrets.FileSecretStore(java.nio.file.Files.createTempDirectory("ff-award-keys")),
                Clock.fixed(NOW, ZoneOffset.UTC));
        app = JiraRest.app(i18n)
                .bind(dev.failforward.jira.award.AwardService.class, awards)
                .bind(dev.failforward.jira.kpi.KpiUserContext.class, new dev.failforward.jira.kpi.KpiUserContext() {
                    @Override
                    public java.time.ZoneId zone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public java.util.Locale locale() {
                        return java.util.Locale.ENGLISH;
                    }
                })
                .bind(FailureDbService.class, service)
                .bind(dev.failforward.jira.failuredb.FollowUpService.class, followUps)
                .bind(dev.failforward.jira.archive.LearningArchiveService.class,
                        new dev.failforward.jira.archive.LearningArchiveService(
                                new dev.failforward.jira.persistence.AoLearningArchive(db.activeObjects()), permissions))
                .bind(RecordPermissions.class, permissions)
                .bind(dev.failforward.jira.reuse.LearningReuseStore.class, reuseStore)
                .bind(dev.failforward.jira.similar.SimilarFailures.class,
                        new dev.failforward.jira.similar.SimilarFailures(access, permissions, learnings, records,
                                id -> records.findByIssueId(id).map(r -> new dev.failforward.jira.search.SearchableRecord(
                                        new dev.failforward.jira.failuredb.RecordDetails(r, learnings.findByRecord(id),
                                                actions.findByRecord(id), whys.findByRecord(id)),
                                        "Description of " + r.issueKey(), null))))
                .bind(dev.failforward.jira.recurrence.RecurrenceService.class,
                        new dev.failforward.jira.recurrence.RecurrenceService(records, recurrenceSuggestions,
                                (past, issue) -> recurrenceLinks.add(new long[] {past, issue}), permissions,
                                Clock.fixed(NOW, ZoneOffset.UTC)))
                .bind(dev.failforward.jira.users.SalUserDirectory.class,
                        new dev.failforward.jira.users.SalUserDirectory(userManager()))
                .bind(dev.failforward.jira.search.node.SearchRouting.class,
                        dev.failforward.jira.search.node.SearchRouting.SQL_ONLY)
                .register(FailureRecordsResource.class, LearningsResource.class, ProjectExportResource.class,
                        OpenApiResource.class, SimilarResource.class, RecurrenceResource.class)
                .start();
    }

    /** SAL's users: each known user's full name is their key without the {@code u-} prefix, capitalised. */
    private com.atlassian.sal.api.user.UserManager userManager() {
        com.atlassian.sal.api.user.UserManager manager = org.mockito.Mockito.mock(com.atlassian.sal.api.user.UserManager.class);
        org.mockito.Mockito.when(manager.getUserProfile(org.mockito.ArgumentMatchers.any(com.atlassian.sal.api.user.UserKey.class)))
                .thenAnswer(call -> {
                    String key = call.<com.atlassian.sal.api.user.UserKey>getArgument(0).getStringValue();
                    if (!users.contains(key)) {
                        return null;
                    }
                    com.atlassian.sal.api.user.UserProfile profile =
                            org.mockito.Mockito.mock(com.atlassian.sal.api.user.UserProfile.class);
                    String name = key.substring(2);
                    org.mockito.Mockito.when(profile.getFullName())
                            .thenReturn(Character.toUpperCase(name.charAt(0)) + name.substring(1));
                    return profile;
                });
        return manager;
    }

    private void seed() {
        ops1 = records.upsert(record(10001, "OPS-1", RecordKind.INCIDENT, "Checkout down for 20 minutes", "Analysing",
                Instant.parse("2026-05-01T09:00:00Z")).failureType(FailureType.COMPLEX)
                .failureCategory(FailureCategory.DESIGN_FLAW).team("Payments").build());
        records.upsert(record(10002, "OPS-2", RecordKind.EXPERIMENT, "Checklist before deploys", "Running",
                Instant.parse("2026-05-10T09:00:00Z")).phase(Phase.EXPERIMENT)
                .hypothesis("If we add a checklist, then deploy failures drop below 2 per month").build());
        records.upsert(record(10003, "OPS-3", RecordKind.INCIDENT, "Queue backlog", "Closed",
                Instant.parse("2026-05-20T09:00:00Z")).failureType(FailureType.BASIC).build());
        sec1 = records.upsert(record(20001, "SEC-1", RecordKind.INCIDENT, "Checkout token leak", "Analysing",
                Instant.parse("2026-05-05T09:00:00Z")).failureType(FailureType.COMPLEX).build());
        secLearning = learnings.add(new LearningCommand("Rotate tokens", "insight")
                .toDraft(sec1.issueId(), "u-sec", NOW).value());
        secAction = actions.add(new ActionItemCommand("Add a secret scanner", "u-sec", "2026-06-30", "prevent", null,
                null, null, null).toDraft(sec1.issueId(), NOW).value());
        whys.replaceAll(ops1.issueId(), new WhyChainCommand(java.util.List.of(
                new WhyChainCommand.Step("Why did checkout fail?", "The pool was exhausted"))).toSteps(ops1.issueId()).value());
    }

    private static FailureRecord.Builder record(long id, String key, RecordKind kind, String summary, String status,
                                                Instant created) {
        return FailureRecord.builder().issueId(id).issueKey(key).projectKey(key.substring(0, key.indexOf('-')))
                .kind(kind).summary(summary).status(status).createdAndUpdatedAt(created);
    }

    // ----- who is calling -----

    FailureDbApi anonymous() {
        permissions.as(null, Set.of(), Set.of());
        return this;
    }

    /** Browse and edit OPS; cannot browse SEC. */
    FailureDbApi editor() {
        permissions.as("u-fred", OPS, OPS);
        return this;
    }

    /** Browse OPS, no Edit Issues. */
    FailureDbApi viewer() {
        permissions.as("u-vera", OPS, Set.of());
        return this;
    }

    /** Browses nothing. */
    FailureDbApi outsider() {
        permissions.as("u-olga", Set.of(), Set.of());
        return this;
    }

    /** A Jira administrator whose permission schemes grant browse and edit everywhere. */
    FailureDbApi admin() {
        permissions.as("u-admin", BOTH, BOTH);
        return this;
    }

    // ----- HTTP -----

    /** GET; a query string in {@code path} ({@code records?kind=incident&status=Running}) becomes query parameters. */
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

    Response put(String path, String json) {
        return app.target(path).request(MediaType.APPLICATION_JSON).put(Entity.json(json));
    }

    Response delete(String path) {
        return app.target(path).request(MediaType.APPLICATION_JSON).delete();
    }

    static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.readEntity(String.class));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String dueDate() {
        return LocalDate.of(2026, 6, 30).toString();
    }

    @Override
    public void close() throws Exception {
        app.close();
        db.close();
    }
}
