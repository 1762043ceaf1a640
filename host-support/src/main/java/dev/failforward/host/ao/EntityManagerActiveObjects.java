package dev.failforward.host.ao;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.sal.api.transaction.TransactionCallback;
import net.java.ao.EntityManager;
import net.java.ao.EntityStreamCallback;
import net.java.ao.Query;
import net.java.ao.RawEntity;
import net.java.ao.Transaction;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link ActiveObjects} stand-in implemented over the real {@code net.java.ao} {@link EntityManager}, so the
 * plugins' repositories run unchanged in tests and in the preview host.
 *
 * <p>Why: the product's implementation (activeobjects-plugin) is not on Maven Central. It is a thin delegate too: each
 * call goes to the EntityManager, {@link SQLException}s become {@link ActiveObjectsSqlException} (the product throws
 * its own unchecked {@code ActiveObjectsSqlException}), and transactions use {@link Transaction}, which pins one
 * connection to the calling thread for the duration of the callback and rolls back when it throws. A transaction
 * started while one is open on the thread joins it, as the products' transaction template does (propagation
 * "required"); the outer transaction commits or rolls back the work.
 */
public final class EntityManagerActiveObjects implements ActiveObjects {

    /**
     * The ORM library starts its transactions SERIALIZABLE unless this system property says otherwise; inside Jira and
     * Confluence, Active Objects runs {@link #executeInTransaction} through the product's transaction template at the
     * database's default, READ COMMITTED (PostgreSQL's, SQL Server's and Oracle's default; MySQL's InnoDB defaults to
     * REPEATABLE READ, which Atlassian's supported-platform notes ask to change to READ COMMITTED). The preview and
     * the tests run the same level, so they see the same conflicts the products see, not more.
     */
    static final String ISOLATION_PROPERTY = "ao.transaction.isolation.level";

    static {
        if (System.getProperty(ISOLATION_PROPERTY) == null) {
            System.setProperty(ISOLATION_PROPERTY, "TRANSACTION_READ_COMMITTED");
        }
    }

    private final EntityManager entityManager;

    public EntityManagerActiveObjects(EntityManager entityManager) {
        this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
    }

    /** Creates or alters the tables of the given entities (the product does this from the descriptor's {@code <ao>} module). */
    @Override
    @SafeVarargs
    public final void migrate(Class<? extends RawEntity<?>>... entities) {
        call(() -> {
            entityManager.migrate(entities);
            return null;
        });
    }

    public EntityManager entityManager() {
        return entityManager;
    }

    @Override
    public <T extends RawEntity<K>, K> T get(Class<T> type, K key) {
        return call(() -> entityManager.get(type, key));
    }

    @Override
    public <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> params) {
        return call(() -> entityManager.create(type, params));
    }

    @Override
    public <T extends RawEntity<K>, K> void create(Class<T> type, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        call(() -> {
            entityManager.create(type, rows);
            return null;
        });
    }

    @Override
    public <T extends RawEntity<K>, K> void stream(Class<T> type, Query query, EntityStreamCallback<T, K> callback) {
        call(() -> {
            entityManager.stream(type, query, callback);
            return null;
        });
    }

    @Override
    public void delete(RawEntity<?>... entities) {
        call(() -> {
            entityManager.delete(entities);
            return null;
        });
    }

    @Override
    public <K> int deleteWithSQL(Class<? extends RawEntity<K>> type, String criteria, Object... parameters) {
        return call(() -> entityManager.deleteWithSQL(type, criteria, parameters));
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, String criteria, Object... parameters) {
        return call(() -> entityManager.find(type, criteria, parameters));
    }

    @Override
    public <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query) {
        return call(() -> entityManager.find(type, query));
    }

    @Override
    public <K> int count(Class<? extends RawEntity<K>> type, String criteria, Object... parameters) {
        return call(() -> entityManager.count(type, criteria, parameters));
    }

    @Override
    public <T> T executeInTransaction(TransactionCallback<T> callback) {
        if (depth.get()[0] > 0 || call(this::inOuterTransaction)) {
            return callback.doInTransaction();
        }
        depth.get()[0]++;
        try {
            return call(() -> new Transaction<T>(entityManager) {
                @Override
                protected T run() {
                    return callback.doInTransaction();
                }
            }.execute());
        } finally {
            depth.get()[0]--;
        }
    }

    /**
     * How deep the current thread is in {@link #executeInTransaction}: a nested call joins the open transaction (as the
     * product's does) without asking the database.
     */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    /**
     * Whether a transaction opened elsewhere (AO's test runner opens one per test) is open on this thread: the ORM
     * hands out the thread's transaction connection (auto-commit off) while one is open, else a new one.
     */
    private boolean inOuterTransaction() throws SQLException {
        try (java.sql.Connection connection = entityManager.getProvider().getConnection()) {
            return !connection.getAutoCommit();
        }
    }

    private static <T> T call(SqlCall<T> call) {
        try {
            return call.run();
        } catch (SQLException e) {
            throw new ActiveObjectsSqlException(e);
        }
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T run() throws SQLException;
    }

    /** Unchecked wrapper for a database error, as the product's ActiveObjects throws. */
    public static final class ActiveObjectsSqlException extends RuntimeException {
        ActiveObjectsSqlException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
