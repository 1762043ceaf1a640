package dev.failforward.host.ao;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

/**
 * The sessions the embedded HSQLDB hands the ORM: no statement ever waits for another transaction.
 *
 * <p>Why: HSQLDB has no lock timeout, and in its MVCC model a READ COMMITTED write that meets another transaction's
 * uncommitted change of the same row or unique key waits until that transaction ends — while the ORM's HSQLDB provider
 * holds a JVM-wide monitor around every insert. A second insert then waits for the monitor, the first for the second's
 * transaction: a cycle the database cannot see, and every writer after it hangs (seen: two clients adding action items
 * hung the preview for good). At REPEATABLE READ, HSQLDB's MVCC refuses such a write at once with SQLState
 * {@code 40001} (serialization failure) and rolls the transaction back; the caller answers "try again" (503). So every
 * connection runs REPEATABLE READ whatever the ORM asks for (it asks for the products' READ COMMITTED), and every
 * statement gets a query timeout, which bounds a long statement (HSQLDB does not apply it to lock waits, which no
 * longer happen). PostgreSQL needs none of this: it has {@code lock_timeout} and {@code statement_timeout}.
 */
final class HsqldbSessions {

    private HsqldbSessions() {
    }

    static DataSource wrap(DataSource target, Duration statementTimeout) {
        int seconds = statementTimeout.isZero() ? 0 : (int) Math.max(1, (statementTimeout.toMillis() + 999) / 1000);
        return (DataSource) Proxy.newProxyInstance(HsqldbSessions.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof Connection connection) {
                        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                        return connection(connection, seconds);
                    }
                    return result;
                });
    }

    private static Connection connection(Connection target, int seconds) {
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "setTransactionIsolation" -> {
                    return null;
                }
                case "unwrap" -> {
                    if (args != null && args[0] == Connection.class) {
                        return proxy;
                    }
                }
                case "isWrapperFor" -> {
                    if (args != null && args[0] == Connection.class) {
                        return true;
                    }
                }
                default -> {
                }
            }
            Object result = invoke(target, method, args);
            if (seconds > 0 && result instanceof Statement statement) {
                statement.setQueryTimeout(seconds);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(HsqldbSessions.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getTargetException();
        }
    }
}
