package dev.failforward.host.ao;

import dev.failforward.host.db.TestDatabases;
import net.java.ao.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The AO bridge on the database of this test JVM ({@link TestDatabases}: HSQLDB, and again on PostgreSQL in the
 * build's second run); tests of one database's settings are skipped on the other.
 */
class AoDatabaseTest {

    private static final String NAMESPACE = "dev.failforward.test";

    @Test
    void tablePrefixIsSixUpperCaseHexDigitsOfTheNamespaceDigest() {
        // md5("dev.failforward.jira") ends in ...; the prefix shape is what Jira produces
        assertThat(AoDatabase.tablePrefixFor("dev.failforward.jira")).matches("AO_[0-9A-F]{6}_");
        assertThat(AoDatabase.tablePrefixFor("dev.failforward.jira"))
                .isNotEqualTo(AoDatabase.tablePrefixFor("dev.failforward.confluence"));
        // md5("") = d41d8cd98f00b204e9800998ecf8427e
        assertThat(AoDatabase.tablePrefixFor("")).isEqualTo("AO_F8427E_");
    }

    @Test
    void createsTablesWithTheAtlassianNamesAndKeepsDataAcrossRestarts(@TempDir Path dir) throws Exception {
        Supplier<AoDatabase> open;
        if (TestDatabases.onPostgres()) {
            String url = TestDatabases.newPostgresDatabase();
            open = () -> AoDatabase.openPostgres(url, TestDatabases.postgres().user(), TestDatabases.postgres().password(),
                    NAMESPACE);
        } else {
            open = () -> AoDatabase.openFile(dir, NAMESPACE);
        }
        String prefix;
        try (AoDatabase db = open.get()) {
            prefix = db.tablePrefix();
            db.activeObjects().migrate(NoteEntity.class);
            db.activeObjects().create(NoteEntity.class, Map.of("NOTE_KEY", "N-1", "BODY", "x".repeat(5000)));
            assertThat(tableColumns(db, prefix + "BRIDGE_NOTE")).contains("ID", "NOTE_KEY", "BODY");
        }
        try (AoDatabase reopened = open.get()) {
            reopened.activeObjects().migrate(NoteEntity.class);
            NoteEntity[] notes = reopened.activeObjects().find(NoteEntity.class, Query.select().where("NOTE_KEY = ?", "N-1"));
            assertThat(notes).hasSize(1);
            assertThat(notes[0].getBody()).hasSize(5000);
        }
    }

    @Test
    void aFailingTransactionRollsBackEverythingItWrote() {
        try (AoDatabase db = TestDatabases.openAo(NAMESPACE)) {
            EntityManagerActiveObjects ao = db.activeObjects();
            ao.migrate(NoteEntity.class);
            assertThatThrownBy(() -> ao.executeInTransaction(() -> {
                ao.create(NoteEntity.class, Map.of("NOTE_KEY", "N-1"));
                ao.create(NoteEntity.class, Map.of("NOTE_KEY", "N-2"));
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
            assertThat(ao.count(NoteEntity.class, "NOTE_KEY IS NOT NULL")).isZero();

            Integer created = ao.executeInTransaction(() -> ao.create(NoteEntity.class, Map.of("NOTE_KEY", "N-3")).getID());
            assertThat(ao.get(NoteEntity.class, created).getNoteKey()).isEqualTo("N-3");
        }
    }

    @Test
    void aNestedTransactionJoinsTheOuterOne() {
        try (AoDatabase db = TestDatabases.openAo(NAMESPACE)) {
            EntityManagerActiveObjects ao = db.activeObjects();
            ao.migrate(NoteEntity.class);
            assertThatThrownBy(() -> ao.executeInTransaction(() -> {
                ao.executeInTransaction(() -> ao.create(NoteEntity.class, Map.of("NOTE_KEY", "inner")));
                throw new IllegalStateException("outer fails after the inner one finished");
            })).hasMessageStartingWith("outer fails");
            assertThat(ao.count(NoteEntity.class, "NOTE_KEY = ?", "inner")).as("rolled back with the outer").isZero();

            ao.executeInTransaction(() -> ao.executeInTransaction(() -> ao.create(NoteEntity.class, Map.of("NOTE_KEY", "kept"))));
            assertThat(ao.count(NoteEntity.class, "NOTE_KEY = ?", "kept")).isEqualTo(1);
        }
    }

    @Test
    void sqlErrorsBecomeUncheckedExceptions() {
        try (AoDatabase db = TestDatabases.openAo(NAMESPACE)) {
            db.activeObjects().migrate(NoteEntity.class);
            assertThatThrownBy(() -> db.activeObjects().find(NoteEntity.class, "NO_SUCH_COLUMN = ?", 1))
                    .isInstanceOf(EntityManagerActiveObjects.ActiveObjectsSqlException.class);
        }
    }

    @Test
    void aCallerWaitsForAPooledConnectionNoLongerThanTheConnectionTimeout() throws Exception {
        AoDatabase.Options options = AoDatabase.Options.defaults().withPoolSize(1)
                .withConnectionTimeout(Duration.ofMillis(400));
        try (AoDatabase db = TestDatabases.openAo(NAMESPACE, options);
             Connection held = db.dataSource().getConnection()) {
            assertThat(held.isValid(1)).isTrue();
            long start = System.nanoTime();
            assertThatThrownBy(() -> db.dataSource().getConnection()).isInstanceOf(SQLTransientConnectionException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(350), Duration.ofSeconds(3));
        }
    }

    @Test
    void withoutAPoolEveryOperationStillWorks() {
        try (AoDatabase db = TestDatabases.openAo(NAMESPACE, AoDatabase.Options.defaults().withPoolSize(0))) {
            db.activeObjects().migrate(NoteEntity.class);
            db.activeObjects().create(NoteEntity.class, Map.of("NOTE_KEY", "unpooled"));
            assertThat(db.activeObjects().count(NoteEntity.class, "NOTE_KEY = ?", "unpooled")).isEqualTo(1);
        }
    }

    @Test
    void postgresSessionsGetTheLockStatementAndIdleTransactionTimeouts() throws Exception {
        assumeTrue(TestDatabases.onPostgres(), "PostgreSQL settings");
        try (AoDatabase db = TestDatabases.openAo(NAMESPACE);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(db.kind()).isEqualTo(AoDatabase.Kind.POSTGRESQL);
            assertThat(query(s, "SHOW lock_timeout")).isEqualTo("5s");
            assertThat(query(s, "SHOW statement_timeout")).isEqualTo("15s");
            assertThat(query(s, "SHOW idle_in_transaction_session_timeout")).isEqualTo("1min");
        }
        for (int poolSize : new int[] {0, 2}) {
            AoDatabase.Options options = AoDatabase.Options.defaults().withPoolSize(poolSize)
                    .withStatementTimeout(Duration.ofMillis(300)).withLockTimeout(Duration.ofMillis(200));
            try (AoDatabase db = TestDatabases.openAo(NAMESPACE, options)) {
                try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                    long start = System.nanoTime();
                    assertThatThrownBy(() -> s.execute("SELECT pg_sleep(5)")).isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as("query_canceled").isEqualTo("57014"));
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
                }
                try (Connection setup = db.dataSource().getConnection(); Statement s = setup.createStatement()) {
                    s.execute("CREATE TABLE locked (id INT PRIMARY KEY, v INT)");
                    s.execute("INSERT INTO locked VALUES (1, 0)");
                }
                try (Connection holder = db.dataSource().getConnection();
                     Connection waiter = db.dataSource().getConnection()) {
                    holder.setAutoCommit(false);
                    try (Statement s = holder.createStatement()) {
                        s.executeUpdate("UPDATE locked SET v = 1 WHERE id = 1");
                    }
                    try (Statement s = waiter.createStatement()) {
                        assertThatThrownBy(() -> s.executeUpdate("UPDATE locked SET v = 2 WHERE id = 1"))
                                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as("lock_not_available")
                                        .isEqualTo("55P03"));
                    }
                    holder.rollback();
                }
            }
        }
    }

    @Test
    void hsqldbGetsTheTransactionModelOfTheOptions() throws Exception {
        assumeFalse(TestDatabases.onPostgres(), "HSQLDB settings");
        try (AoDatabase db = AoDatabase.openInMemory("tx-" + UUID.randomUUID(), NAMESPACE,
                AoDatabase.Options.defaults().withHsqldbTxMode(AoDatabase.HsqldbTxMode.LOCKS));
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(query(s, "SELECT PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES"
                    + " WHERE PROPERTY_NAME = 'hsqldb.tx'")).isEqualToIgnoringCase("LOCKS");
        }
        try (AoDatabase db = TestDatabases.openAo(NAMESPACE);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(query(s, "SELECT PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES"
                    + " WHERE PROPERTY_NAME = 'hsqldb.tx'")).as("the default is MVCC").isEqualToIgnoringCase("MVCC");
        }
    }

    @Test
    void optionsRefuseValuesThatCannotWork() {
        AoDatabase.Options defaults = AoDatabase.Options.defaults();
        assertThatThrownBy(() -> defaults.withPoolSize(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withConnectionTimeout(Duration.ofMillis(10)))
                .hasMessageContaining("at least 250 ms");
        assertThatThrownBy(() -> defaults.withSchema("public; DROP")).hasMessageContaining("not a schema name");
        assertThatThrownBy(() -> AoDatabase.openPostgres("jdbc:hsqldb:mem:x", "u", "p", NAMESPACE))
                .hasMessageContaining("not a PostgreSQL JDBC URL");
    }

    private static String query(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static List<String> tableColumns(AoDatabase db, String table) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        }
        return columns;
    }
}
