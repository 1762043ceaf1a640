package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import dev.failforward.host.ao.AoDatabase;
import org.junit.jupiter.api.Test;

import java.lang.reflect.UndeclaredThrowableException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which database errors are worth another try, through any wrapping; and the write retry built on that. */
class DatabaseErrorsTest {

    @Test
    void conflictsDeadlocksTimeoutsAndAnEmptyPoolAreTransient() {
        assertThat(DatabaseErrors.isTransient(new SQLException("serialization failure", "40001"))).isTrue();
        assertThat(DatabaseErrors.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(DatabaseErrors.isTransient(new SQLException("lock timeout", "55P03"))).isTrue();
        assertThat(DatabaseErrors.isTransient(new SQLException("canceling statement due to statement timeout", "57014")))
                .isTrue();
        assertThat(DatabaseErrors.isTransient(new SQLTransientConnectionException("pool: connection not available")))
                .isTrue();
        // as Active Objects and an entity proxy's save() wrap them
        assertThat(DatabaseErrors.isTransient(new RuntimeException(new UndeclaredThrowableException(
                new SQLException("transaction rollback: serialization failure", "40001"))))).isTrue();
    }

    @Test
    void badSqlMissingTablesAndConstraintsAreNot() {
        assertThat(DatabaseErrors.isTransient(new SQLException("syntax", "42601"))).isFalse();
        assertThat(DatabaseErrors.isTransient(new SQLException("no such table", "42P01"))).isFalse();
        assertThat(DatabaseErrors.isTransient(new SQLIntegrityConstraintViolationException("dup", "23505"))).isFalse();
        assertThat(DatabaseErrors.isTransient(new IllegalStateException("not a database error"))).isFalse();
        assertThat(DatabaseErrors.isTransient(null)).isFalse();
    }

    @Test
    void uniqueViolationsAreRecognisedOnEveryDatabase() {
        assertThat(DatabaseErrors.isUniqueViolation(new RuntimeException(new SQLException("duplicate key value", "23505"))))
                .isTrue();
        assertThat(DatabaseErrors.isUniqueViolation(new SQLException("Duplicate entry 'x' for key 'y'", "23000"))).isTrue();
        assertThat(DatabaseErrors.isUniqueViolation(new SQLException("cannot insert NULL", "23000"))).isFalse();
        assertThat(DatabaseErrors.isUniqueViolation(new SQLException("serialization failure", "40001"))).isFalse();
    }

    @Test
    void aWriteIsTriedAgainAfterATransientRefusalOnly() {
        try (AoDatabase db = AoDatabase.openInMemory("retry-" + UUID.randomUUID(), "dev.failforward.jira")) {
            ActiveObjects ao = db.activeObjects();
            AtomicInteger calls = new AtomicInteger();
            String result = Transactions.write(ao, () -> {
                if (calls.incrementAndGet() < 3) {
                    throw new IllegalStateException(
                            new SQLException("transaction rollback: serialization failure", "40001"));
                }
                return "written";
            });
            assertThat(result).isEqualTo("written");
            assertThat(calls).hasValue(3);

            AtomicInteger always = new AtomicInteger();
            assertThatThrownBy(() -> Transactions.write(ao, () -> {
                always.incrementAndGet();
                throw new IllegalStateException(new SQLException("conflict", "40001"));
            })).isInstanceOf(IllegalStateException.class);
            assertThat(always).hasValue(Transactions.ATTEMPTS);

            AtomicInteger once = new AtomicInteger();
            assertThatThrownBy(() -> Transactions.write(ao, () -> {
                once.incrementAndGet();
                throw new IllegalArgumentException("a bug, not a conflict");
            })).isInstanceOf(IllegalArgumentException.class);
            assertThat(once).hasValue(1);
        }
    }
}
