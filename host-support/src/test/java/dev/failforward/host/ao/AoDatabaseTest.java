package dev.failforward.host.ao;

import net.java.ao.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AoDatabaseTest {

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
        String prefix;
        try (AoDatabase db = AoDatabase.openFile(dir, "dev.failforward.test")) {
            prefix = db.tablePrefix();
            db.activeObjects().migrate(NoteEntity.class);
            db.activeObjects().create(NoteEntity.class, Map.of("NOTE_KEY", "N-1", "BODY", "x".repeat(5000)));
            assertThat(tableColumns(db.url(), prefix + "BRIDGE_NOTE")).contains("ID", "NOTE_KEY", "BODY");
        }
        try (AoDatabase reopened = AoDatabase.openFile(dir, "dev.failforward.test")) {
            reopened.activeObjects().migrate(NoteEntity.class);
            NoteEntity[] notes = reopened.activeObjects().find(NoteEntity.class, Query.select().where("NOTE_KEY = ?", "N-1"));
            assertThat(notes).hasSize(1);
            assertThat(notes[0].getBody()).hasSize(5000);
        }
    }

    @Test
    void aFailingTransactionRollsBackEverythingItWrote() {
        try (AoDatabase db = AoDatabase.openInMemory("rollback", "dev.failforward.test")) {
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
        try (AoDatabase db = AoDatabase.openInMemory("nested", "dev.failforward.test")) {
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
        try (AoDatabase db = AoDatabase.openInMemory("errors", "dev.failforward.test")) {
            db.activeObjects().migrate(NoteEntity.class);
            assertThatThrownBy(() -> db.activeObjects().find(NoteEntity.class, "NO_SUCH_COLUMN = ?", 1))
                    .isInstanceOf(EntityManagerActiveObjects.ActiveObjectsSqlException.class);
        }
    }

    private static List<String> tableColumns(String url, String table) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "SA", "");
             ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        }
        return columns;
    }
}
