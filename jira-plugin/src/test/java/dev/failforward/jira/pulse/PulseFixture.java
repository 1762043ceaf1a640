package dev.failforward.jira.pulse;

import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.host.settings.InMemoryPluginSettings;
import dev.failforward.jira.permissions.RecordPermissions;
import dev.failforward.jira.persistence.AoPulseStore;
import dev.failforward.jira.persistence.FailureDbSchema;
import dev.failforward.jira.secrets.FileSecretStore;
import dev.failforward.jira.secrets.SecretStore;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.nio.file.Path;

/**
 * A pulse on a real database of this JVM's kind (HSQLDB, or the embedded PostgreSQL with
 * {@code -Dfailforward.test.db=postgres}) with its secrets in a directory, a clock the test moves, and a logged-in
 * user per thread. {@link #node()} is one Jira node; {@link #secondNode()} another node on the same database and the
 * same shared-home secret directory, with its own connection pool.
 */
final class PulseFixture implements AutoCloseable {

    static final String NAMESPACE = "dev.failforward.jira";

    final AoDatabase db;
    final Path secretDirectory;
    final InMemoryPluginSettings pluginSettings = new InMemoryPluginSettings();
    final PulseSettings settings = new PulseSettings(pluginSettings);
    final ThreadUser permissions = new ThreadUser(Set.of("OPS", "CARE"));
    final MovableClock clock;
    private final List<AoDatabase> others = new ArrayList<>();

    PulseFixture(Path secretDirectory, Instant now) {
        this(openDatabase(), secretDirectory, now);
    }

    PulseFixture(AoDatabase db, Path secretDirectory, Instant now) {
        this.db = db;
        this.secretDirectory = secretDirectory;
        this.clock = new MovableClock(now);
    }

    /** A new, empty database with every table of the plugin's {@code <ao>} module. */
    static AoDatabase openDatabase() {
        AoDatabase db = TestDatabases.openAo(NAMESPACE);
        db.activeObjects().migrate(FailureDbSchema.entities());
        return db;
    }

    SecretStore secrets() {
        return new FileSecretStore(secretDirectory);
    }

    PulseService node() {
        return new PulseService(new AoPulseStore(db.activeObjects()), permissions, settings, secrets(), clock);
    }

    /** Another node: the same database through its own pool and entity manager, the same secret directory. */
    PulseService secondNode() {
        AoDatabase other;
        if (db.kind() == AoDatabase.Kind.POSTGRESQL) {
            other = AoDatabase.openPostgres(db.url(), TestDatabases.postgres().user(), TestDatabases.postgres().password(),
                    NAMESPACE);
        } else {
            String name = db.url().substring("jdbc:hsqldb:mem:".length(), db.url().indexOf(';'));
            other = AoDatabase.openInMemory(name, NAMESPACE);
        }
        others.add(other);
        return new PulseService(new AoPulseStore(other.activeObjects()), permissions, settings, secrets(), clock);
    }

    /** Logs {@code user} in on the calling thread. */
    PulseFixture as(String user) {
        permissions.user.set(user);
        return this;
    }

    /** Every row of a pulse table ({@code PULSE_COUNT}, {@code PULSE_GUARD}, {@code PULSE_POOL}), column to value. */
    List<Map<String, Object>> rows(String table) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT * FROM \"" + db.tablePrefix() + table + "\" ORDER BY 1")) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    row.put(meta.getColumnName(c).toUpperCase(java.util.Locale.ROOT), result.getObject(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The count row of the project and period start as {@code [s1..s5, withheld]}, or empty. */
    Optional<long[]> countRow(String project, String start) throws Exception {
        for (Map<String, Object> row : rows("PULSE_COUNT")) {
            if (project.equals(row.get("PROJECT_KEY")) && start.equals(row.get("PERIOD_START"))) {
                long[] values = new long[6];
                for (int s = 1; s <= 5; s++) {
                    values[s - 1] = ((Number) row.get("SCORE" + s)).longValue();
                }
                values[5] = row.get("WITHHELD") == null ? 0 : ((Number) row.get("WITHHELD")).longValue();
                return Optional.of(values);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        db.close();
        for (AoDatabase other : others) {
            try {
                other.close();
            } catch (IllegalStateException e) {
                // HSQLDB: the first close shut the shared in-memory database down already
            }
        }
    }

    /** The logged-in user of each thread; every user may browse {@code projects}. */
    static final class ThreadUser implements RecordPermissions {
        final ThreadLocal<String> user = new ThreadLocal<>();
        private final Set<String> projects;

        ThreadUser(Set<String> projects) {
            this.projects = Set.copyOf(projects);
        }

        @Override
        public Optional<String> currentUserKey() {
            return Optional.ofNullable(user.get());
        }

        @Override
        public Set<String> browsableProjectKeys() {
            return new TreeSet<>(projects);
        }

        @Override
        public boolean canBrowse(String projectKey) {
            return projects.contains(projectKey);
        }

        @Override
        public boolean canEdit(String projectKey) {
            return canBrowse(projectKey);
        }
    }

    /** A clock the test sets. */
    static final class MovableClock extends Clock {
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
