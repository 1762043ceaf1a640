package dev.failforward.jira.persistence;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a database error that goes away when the work is tried again — a lock or statement timeout, a serialization
 * conflict, a deadlock victim, a pool with no free connection — from one that does not. Such an error rolled back the
 * whole transaction (the change and its change-log row together), so the caller may simply try again; REST answers it
 * with 503 and a {@code Retry-After}.
 *
 * <p>Found by SQLState, which JDBC drivers share, through any wrapping (Active Objects' exceptions, entity proxies'
 * {@link UndeclaredThrowableException}): class {@code 40} (transaction rollback: serialization failure {@code 40001}
 * on every database, PostgreSQL's deadlock {@code 40P01}), PostgreSQL's {@code 55P03} (lock_timeout) and
 * {@code 57014} (statement_timeout, query cancelled), and the JDBC {@link SQLTransientException} family (timeouts,
 * transaction rollbacks, a connection pool's wait that ran out). What is known of the others, for the record: MySQL
 * reports lock wait timeouts as {@code 40001}/error 1205 and deadlocks as {@code 40001}/1213; SQL Server lock timeouts
 * are error 1222 with SQLState {@code S0001} in Microsoft's driver (not recognised here) and deadlocks 1205/{@code 40001};
 * Oracle's ORA-00060 deadlock is {@code 61000} and ORA-30006 resource busy {@code 61000} too (not recognised).
 */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    public static boolean isTransient(Throwable error) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = next(t)) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql && transientState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the error is an insert that met an existing unique key: SQLState {@code 23505} (PostgreSQL, HSQLDB) or
     * {@code 23000} with a duplicate-key message (MySQL error 1062, SQL Server 2627/2601, Oracle ORA-00001).
     */
    public static boolean isUniqueViolation(Throwable error) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = next(t)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                String message = String.valueOf(sql.getMessage()).toLowerCase(java.util.Locale.ROOT);
                if (state.equals("23505") || state.equals("23000")
                        && (message.contains("duplicate") || message.contains("unique"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof UndeclaredThrowableException undeclared && undeclared.getUndeclaredThrowable() != null) {
            return undeclared.getUndeclaredThrowable();
        }
        if (t instanceof InvocationTargetException invocation && invocation.getTargetException() != null) {
            return invocation.getTargetException();
        }
        if (t instanceof SQLException sql && sql.getNextException() != null && t.getCause() == null) {
            return sql.getNextException();
        }
        return t.getCause();
    }

    private static boolean transientState(String state) {
        return state != null && (state.startsWith("40") || state.equals("55P03") || state.equals("57014"));
    }
}
