package dev.failforward.jira.importing;

import com.atlassian.beehive.ClusterLockService;
import dev.failforward.core.record.ActionItemRepository;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.RecordKind;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.settings.InMemoryPluginSettings;
import dev.failforward.jira.JiraI18n;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.failuredb.FailureDbService;
import dev.failforward.jira.failuredb.FollowUpIssues.IssueRef;
import dev.failforward.jira.failuredb.RecordChanges;
import dev.failforward.jira.permissions.FakeRecordPermissions;
import dev.failforward.jira.persistence.AoActionItemRepository;
import dev.failforward.jira.persistence.AoFailureRecordRepository;
import dev.failforward.jira.persistence.AoImportSources;
import dev.failforward.jira.persistence.AoLearningRepository;
import dev.failforward.jira.persistence.AoWhyStepRepository;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The import's real services on a real database (the test JVM's: HSQLDB, or PostgreSQL in the pom's postgres
 * execution): {@link AoImportSources}, the failure database's AO repositories and {@link FailureDbService}, with Jira's
 * issues as an in-memory {@link FakeIssues} (thread-safe, shared by every "node" of a test). {@link #service} builds one
 * node's {@link ImportService}; a {@link Crash} point makes it die there, as a node killed mid-import: an {@link Error}
 * the import does not catch, so nothing after that point runs (no undo, no completion).
 */
final class ImportFixture {

    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    static final String IMPORTER = "u-admin";
    static final Set<String> PROJECTS = Set.of("OPS", "SEC", "CARE");

    /** Where a node dies. */
    enum Step {
        /** The source's pending claim is written; no issue yet. */
        AFTER_CLAIM,
        /** Jira created the issue; nothing else happened. */
        AFTER_CREATE,
        /** The issue's record exists; no learning or action item yet. */
        AFTER_REFRESH,
        /** One action item of two was added. */
        AFTER_FIRST_ACTION,
        /** Everything was written but the source's row is still the claim. */
        BEFORE_SAVE,
        /** The source's row is complete. */
        AFTER_SAVE,
        /** Jira updated the changed file's issue; nothing else happened. */
        AFTER_UPDATE,
        /** The record could not be written (a failure), then the node died while deleting the new issue again. */
        IN_UNDO
    }

    /** A node's death: not an exception the import handles. */
    static final class Crash extends Error {
        Crash(Step step) {
            super("node killed at " + step);
        }
    }

    final AoDatabase db;
    final AoImportSources sources;
    final AoFailureRecordRepository records;
    final AoLearningRepository learnings;
    final AoActionItemRepository actions;
    final AoWhyStepRepository whys;
    final FakeIssues issues;
    /** Who imports: {@link #IMPORTER}, who may import into every project of {@link #PROJECTS}. */
    final ImportPermissions permissions = new ImportPermissions() {
        @Override
        public boolean mayImport(String projectKey) {
            return PROJECTS.contains(projectKey);
        }

        @Override
        public String currentUserKey() {
            return IMPORTER;
        }
    };
    final FakeRecordPermissions recordPermissions = new FakeRecordPermissions()
            .as(IMPORTER, PROJECTS, PROJECTS);

    ImportFixture(AoDatabase db) {
        this(db, new FakeIssues());
    }

    /** One node on the database, sharing Jira's issues with the cluster's other nodes. */
    ImportFixture(AoDatabase db, FakeIssues issues) {
        this.db = db;
        this.issues = issues;
        sources = new AoImportSources(db.activeObjects());
        records = new AoFailureRecordRepository(db.activeObjects());
        learnings = new AoLearningRepository(db.activeObjects());
        actions = new AoActionItemRepository(db.activeObjects());
        whys = new AoWhyStepRepository(db.activeObjects());
    }

    /** One node's import service, dying at {@code crashAt} (null: never). */
    ImportService service(ClusterLockService locks, Step crashAt) {
        return service(locks, crashAt, 1);
    }

    /** One node's import service, dying the {@code nth} time it reaches {@code crashAt}. */
    ImportService service(ClusterLockService locks, Step crashAt, int nth) {
        Crashes crashes = new Crashes(crashAt, nth);
        ImportSourceStore crashingSources = new ImportSourceStore() {
            @Override
            public Optional<Source> find(String projectKey, String sourceKey) {
                return sources.find(projectKey, sourceKey);
            }

            @Override
            public void save(Source source) {
                crashes.at(Step.BEFORE_SAVE);
                sources.save(source);
                crashes.at(Step.AFTER_SAVE);
            }

            @Override
            public void forget(String projectKey, String sourceKey) {
                sources.forget(projectKey, sourceKey);
            }

            @Override
            public boolean claim(String projectKey, String sourceKey, String contentHash, String importedBy, Instant at) {
                boolean claimed = sources.claim(projectKey, sourceKey, contentHash, importedBy, at);
                crashes.at(Step.AFTER_CLAIM);
                return claimed;
            }

            @Override
            public Optional<Source> pending(String projectKey, String sourceKey) {
                return sources.pending(projectKey, sourceKey);
            }
        };
        IncidentIssues crashingIssues = new IncidentIssues() {
            @Override
            public IssueRef create(String projectKey, IncidentDraft draft) {
                IssueRef created = issues.create(projectKey, draft);
                crashes.at(Step.AFTER_CREATE);
                return created;
            }

            @Override
            public void update(long issueId, IncidentDraft draft) {
                issues.update(issueId, draft);
                crashes.at(Step.AFTER_UPDATE);
            }

            @Override
            public void delete(long issueId) {
                crashes.at(Step.IN_UNDO);
                issues.delete(issueId);
            }

            @Override
            public Optional<String> key(long issueId) {
                return issues.key(issueId);
            }

            @Override
            public void linkRetroPage(long issueId, String url, String title) {
                // no retro pages in these imports (Markdown files)
            }

            @Override
            public Advance advance(long issueId, boolean resolved) {
                return new Advance(null, null); // the workflow is not what these tests are about
            }
        };
        IncidentRecords incidentRecords = issueId -> {
            if (crashAt == Step.IN_UNDO && !crashes.failedOnce) {
                crashes.failedOnce = true;
                throw new IllegalStateException("the record could not be written");
            }
            refresh(issueId);
            crashes.at(Step.AFTER_REFRESH);
        };
        ActionItemRepository crashingActions = (ActionItemRepository) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ActionItemRepository.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(actions, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("add")) {
                        crashes.at(Step.AFTER_FIRST_ACTION);
                    }
                    return result;
                });
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        FailureDbService failureDb = new FailureDbService(records, learnings, crashingActions, whys, recordPermissions,
                userKey -> userKey.startsWith("u-"), RecordChanges.NONE, clock);
        return new ImportService(crashingIssues, incidentRecords, crashingSources, permissions, failureDb,
                owners, locks, JiraI18n.english(),
                new ImportMappingStore(new InMemoryPluginSettings()), issues, clock);
    }

    /** The record the projection writes from the issue (or removes when the issue is gone). */
    private void refresh(long issueId) {
        FakeIssues.Stored issue = issues.stored.get(issueId);
        if (issue == null) {
            records.deleteByIssueId(issueId);
            return;
        }
        records.upsert(FailureRecord.builder().issueId(issueId).issueKey(issue.key()).projectKey(issue.project())
                .kind(RecordKind.INCIDENT).summary(issue.summary()).status("Reported").createdAndUpdatedAt(NOW)
                .build());
    }

    /**
     * Jira's users for owner matching: u-marta (Marta Kowalski, marta@example.com), u-jonas and u-jonas2 (both Jonas
     * Berg), u-admin.
     */
    OwnerDirectory owners = new OwnerDirectory() {
        private final List<OwnerDirectory.User> all = List.of(new OwnerDirectory.User("u-marta", "Marta Kowalski"),
                new OwnerDirectory.User("u-jonas", "Jonas Berg"), new OwnerDirectory.User("u-jonas2", "Jonas Berg"),
                new OwnerDirectory.User("u-admin", "Ada Admin"));

        @Override
        public Optional<OwnerDirectory.User> byUsername(String username) {
            return all.stream().filter(u -> u.key().equalsIgnoreCase(username)).findFirst();
        }

        @Override
        public List<OwnerDirectory.User> byEmail(String email) {
            return email.equalsIgnoreCase("marta@example.com") ? List.of(all.get(0)) : List.of();
        }

        @Override
        public List<OwnerDirectory.User> byDisplayName(String displayName) {
            return all.stream().filter(u -> u.displayName().equalsIgnoreCase(displayName)).toList();
        }
    };

    /** Dies once, the nth time it reaches its step. */
    private static final class Crashes {
        private final Step step;
        private int left;
        boolean failedOnce;

        Crashes(Step step, int nth) {
            this.step = step;
            this.left = nth;
        }

        void at(Step reached) {
            if (reached == step && --left == 0) {
                throw new Crash(step);
            }
        }
    }

    /** A post-mortem with two learnings and two action items (one owned by a Jira user, one by a name). */
    static ImportService.SourceFile postMortem(String name, String title) {
        String text = """
                # %s

                ## Summary
                Checkout failed for EU cards.

                ## Detection
                Detected: 2026-03-05 14:32 UTC by the success-rate monitor.

                ## Lessons learned
                - Pinning a third party's certificate couples our uptime to their rotations.
                - Vendor status pages lag real incidents.

                ## Action items
                1. Stop pinning intermediate certificates — u-marta, due 2026-07-01
                2. Monitor the processor's certificate expiry — Jonas Berg, due 2026-07-15
                """.formatted(title);
        return new ImportService.SourceFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static List<ImportService.SourceFile> batch(int files) {
        List<ImportService.SourceFile> batch = new java.util.ArrayList<>();
        for (int i = 1; i <= files; i++) {
            batch.add(postMortem("pm-" + i + ".md", "Checkout outage " + i));
        }
        return batch;
    }

    /** Jira's issues: thread-safe, keys per project, and the import's lookup by marker. */
    static final class FakeIssues implements ImportedIssueLookup {

        record Stored(long id, String project, String key, String summary, String description, Instant created) {
        }

        final Map<Long, Stored> stored = new ConcurrentHashMap<>();
        private final AtomicLong ids = new AtomicLong(10_000);
        private final Map<String, AtomicLong> numbers = new ConcurrentHashMap<>();

        IssueRef create(String project, IncidentIssues.IncidentDraft draft) {
            if (!PROJECTS.contains(project)) {
                throw new FailureDbException.BadField("project", "unknown", "failforward.import.error.project.unknown",
                        project);
            }
            long id = ids.incrementAndGet();
            String key = project + "-" + numbers.computeIfAbsent(project, p -> new AtomicLong()).incrementAndGet();
            stored.put(id, new Stored(id, project, key, draft.summary(), draft.description(), NOW));
            return new IssueRef(id, key);
        }

        void update(long id, IncidentIssues.IncidentDraft draft) {
            stored.computeIfPresent(id, (k, s) -> new Stored(id, s.project(), s.key(), draft.summary(),
                    draft.description(), s.created()));
        }

        void delete(long id) {
            stored.remove(id);
        }

        Optional<String> key(long id) {
            return Optional.ofNullable(stored.get(id)).map(Stored::key);
        }

        @Override
        public Optional<IssueRef> find(String projectKey, String marker, Instant since) {
            return stored.values().stream().filter(s -> s.project().equals(projectKey)
                            && s.description() != null && s.description().contains(marker))
                    .max(java.util.Comparator.comparingLong(Stored::id)).map(s -> new IssueRef(s.id(), s.key()));
        }

        List<Stored> in(String project) {
            return stored.values().stream().filter(s -> s.project().equals(project)).toList();
        }
    }
}
